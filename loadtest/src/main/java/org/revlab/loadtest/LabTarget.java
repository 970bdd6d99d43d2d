package org.revlab.loadtest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.revlab.core.http.LabServer;
import org.revlab.core.http.ServerSettings;

/**
 * The server a simulation talks to: a {@link LabServer} started in this JVM on an ephemeral
 * loopback port, or an external {@code ./revlab serve} named by {@code revlab.target}, which is
 * then left running. Also reads the server's metrics for the database-hit figures.
 */
public final class LabTarget implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LabServer server;
    private final URI baseUri;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();

    private LabTarget(LabServer server, URI baseUri) {
        this.server = server;
        this.baseUri = baseUri;
    }

    public static LabTarget open(AttackSettings s) {
        if (s.target() != null) {
            return new LabTarget(null, s.target());
        }
        LabServer server = LabServer.start(ServerSettings.of(s.strategy()).withLab(s.lab()));
        return new LabTarget(server, server.baseUri());
    }

    /** The base URL without a trailing slash, such as {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        String u = baseUri.toString();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    public boolean inProcess() {
        return server != null;
    }

    /** The server's {@code GET /metrics} document. */
    public Map<String, Object> metrics() {
        return parse(send(HttpRequest.newBuilder(URI.create(baseUrl() + "/metrics"))
                .timeout(Duration.ofSeconds(5)).GET().build()));
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
                    URI.create(baseUrl() + "/login")).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"user\":\"warm-up-" + (i % 50) + "\",\"device\":\"bench\"}"))
                    .build());
            Map<String, Object> body = parse(login);
            for (int j = 0; j < 3; j++) {
                HttpRequest.Builder resource = HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/resource")).timeout(Duration.ofSeconds(5))
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
