package org.revlab.loadtest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.revlab.core.http.LabServer;
import org.revlab.core.http.ServerSettings;
import org.revlab.core.store.SessionStore;

/**
 * The server a simulation talks to: a {@link LabServer} started in this JVM on an ephemeral
 * loopback port, or an external {@code ./revlab serve} named by {@code revlab.target}, which is
 * then left running, or several nodes of {@code ./revlab serve --nodes} sharing one store
 * ({@code revlab.targets}). Also reads the servers' metrics for the database-hit figures.
 */
public final class LabTarget implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LabServer server;
    private final List<URI> baseUris;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();

    private LabTarget(LabServer server, List<URI> baseUris) {
        this.server = server;
        this.baseUris = List.copyOf(baseUris);
    }

    public static LabTarget open(AttackSettings s) {
        if (!s.targets().isEmpty()) {
            return new LabTarget(null, s.targets());
        }
        LabServer server = LabServer.start(ServerSettings.of(s.strategy()).withLab(s.lab()));
        return new LabTarget(server, List.of(server.baseUri()));
    }

    /**
     * An in-process server whose store is {@code store}, which the server then owns: the
     * outage scenario wraps the default in-memory store to switch it off and on.
     */
    public static LabTarget inProcess(AttackSettings s, SessionStore store) {
        LabServer server = LabServer.start(ServerSettings.of(s.strategy()).withLab(s.lab())
                .withStore(store));
        return new LabTarget(server, List.of(server.baseUri()));
    }

    /** The first node's base URL without a trailing slash, such as {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return baseUrl(0);
    }

    /** The base URL of node {@code node} modulo the number of nodes. */
    public String baseUrl(long node) {
        String u = baseUris.get((int) Math.floorMod(node, (long) baseUris.size())).toString();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    /** How many nodes serve the run: 1 unless {@code revlab.targets} named several. */
    public int nodes() {
        return baseUris.size();
    }

    /** Every node's base URL. */
    public List<String> baseUrls() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < baseUris.size(); i++) {
            out.add(baseUrl(i));
        }
        return out;
    }

    public boolean inProcess() {
        return server != null;
    }

    /**
     * The server's {@code GET /metrics} document; over several nodes, their numeric top-level
     * counters summed (the first node's document for the rest), since every node's store hits
     * are part of the run's.
     */
    public Map<String, Object> metrics() {
        Map<String, Object> total = null;
        for (int i = 0; i < baseUris.size(); i++) {
            Map<String, Object> m = parse(send(HttpRequest.newBuilder(
                    URI.create(baseUrl(i) + "/metrics")).timeout(Duration.ofSeconds(5)).GET()
                    .build()));
            if (total == null) {
                total = new LinkedHashMap<>(m);
                continue;
            }
            for (Map.Entry<String, Object> e : m.entrySet()) {
                if (e.getValue() instanceof Number n && total.get(e.getKey()) instanceof Number t) {
                    total.put(e.getKey(), t.longValue() + n.longValue());
                }
            }
        }
        return total;
    }

    /**
     * Sends {@code requests} log-ins, each followed by three resource calls, one after another,
     * before the measured run: the server's and the client's JIT warm up. Bounded in count and
     * by a 60 s deadline; an answer other than 200 stops the warm-up with the reason.
     */
    public void warmUp(int requests) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (int i = 0; i < requests && System.nanoTime() < deadline; i++) {
            HttpResponse<String> login = send(HttpRequest.newBuilder(
                    URI.create(baseUrl(i) + "/login")).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"user\":\"warm-up-" + (i % 50) + "\",\"device\":\"bench\"}"))
                    .build());
            Map<String, Object> body = parse(login);
            for (int j = 0; j < 3; j++) {
                HttpRequest.Builder resource = HttpRequest.newBuilder(
                        URI.create(baseUrl(i) + "/resource")).timeout(Duration.ofSeconds(5))
                        .header("Authorization", "Bearer " + body.get("access"));
                if (body.get("longLived") != null) {
                    resource.header("X-Long-Lived-Token", body.get("longLived").toString());
                }
                parse(send(resource.GET().build()));
            }
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("LabTarget: " + request.method() + " "
                    + request.uri() + " failed: " + e + ". Check that the server runs.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("LabTarget: interrupted.", e);
        }
    }

    private static Map<String, Object> parse(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("LabTarget: " + response.request().method() + " "
                    + response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        try {
            return JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new IllegalStateException("LabTarget: " + response.request().uri()
                    + " answered no JSON: " + e.getMessage(), e);
        }
    }

    /** A counter of the metrics document, 0 when the server does not report it. */
    public static long counter(Map<String, Object> metrics, String name) {
        Object v = metrics.get(name);
        return v instanceof Number n ? n.longValue() : 0;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
