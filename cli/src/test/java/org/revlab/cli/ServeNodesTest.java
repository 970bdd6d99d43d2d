package org.revlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.revlab.core.StrategyId;
import org.revlab.core.store.StoreSpec;
import org.revlab.core.store.StoreUnavailableException;
import picocli.CommandLine;

/**
 * {@code serve --nodes 2} on Redis, as a user runs it: a separate process that starts two
 * nodes, a login and a revocation on node 1, the stolen credential presented on node 2, then
 * SIGTERM, after which every node is gone and the shared namespace is removed. Skipped, with
 * the command that starts Redis, when no Redis runs on 127.0.0.1:6379.
 */
class ServeNodesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static void requireRedis() {
        try {
            StoreSpec.parse("redis").open().close();
        } catch (StoreUnavailableException e) {
            String required = System.getenv("REVLAB_REQUIRE_STORES");
            if (required != null && required.contains("redis")) {
                throw new AssertionError("redis is in REVLAB_REQUIRE_STORES but unavailable: "
                        + e.getMessage(), e);
            }
            Assumptions.abort("Redis is not running; skipped. " + e.getMessage());
        }
    }

    @Test
    void inProcessStoresAreRefusedWithTheReason() {
        StringWriter err = new StringWriter();
        CommandLine cl = Revlab.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));

        assertThat(cl.execute("serve", "--nodes", "2", "--store", "mem")).isEqualTo(2);
        assertThat(cl.execute("serve", "--nodes", "2", "--store", "file:x/y")).isEqualTo(2);
        assertThat(cl.execute("serve", "--nodes", "9", "--store", "redis")).isEqualTo(2);
        assertThat(cl.execute("serve", "--nodes", "2", "--store", "redis", "--alg", "ES256"))
                .isEqualTo(2);

        assertThat(err.toString()).contains("--store postgres or --store redis",
                "each node would see only its own sessions", "--nodes 9 is out of range",
                "one HS256 secret").doesNotContain("\tat ");
    }

    @ParameterizedTest
    @EnumSource(StrategyId.class)
    void aRevocationOnOneNodeReachesTheOtherAsTheStrategyPromises(StrategyId id)
            throws Exception {
        requireRedis();
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Revlab.class.getName(), "serve", "--nodes", "2", "--store", "redis",
                "--strategy", id.id(), "--max-seconds", "120");
        // Into a file, not a pipe: what the parent prints while it exits is read afterwards.
        Path log = Files.createTempFile("revlab-nodes", ".log");
        Process parent = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        List<String> output = new ArrayList<>();
        try {
            List<URI> nodes = new ArrayList<>();
            String namespace = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (namespace == null && parent.isAlive() && System.nanoTime() < deadline) {
                output = Files.readAllLines(log);
                nodes.clear();
                for (String l : output) {
                    if (l.startsWith("listening on ")) {
                        nodes.add(URI.create(l.substring("listening on ".length())));
                    }
                    Matcher m = Pattern.compile("shared namespace (\\w+)").matcher(l);
                    if (m.find()) {
                        namespace = m.group(1);
                    }
                }
                if (namespace == null) {
                    Thread.sleep(100);
                }
            }
            assertThat(nodes).as("output: %s", output).hasSize(2);
            assertThat(nodes.get(0).getPort()).isNotEqualTo(nodes.get(1).getPort());
            assertThat(String.join("\n", output)).doesNotContain("REVLAB_NODE_KEY");

            JsonNode login = JSON.readTree(send(nodes.get(0), "POST", "/login",
                    "{\"user\":\"alice\",\"device\":\"laptop\"}").body());
            String[] stolen = auth(login);
            assertThat(send(nodes.get(1), "GET", "/resource", null, stolen).statusCode())
                    .as("a token from node 1 is good on node 2").isEqualTo(200);

            assertThat(send(nodes.get(0), "POST", "/sessions/revoke-all", "", stolen)
                    .statusCode()).isEqualTo(200);

            HttpResponse<String> thief = send(nodes.get(1), "GET", "/resource", null, stolen);
            switch (id) {
                case STATELESS -> assertThat(thief.statusCode())
                        .as("stateless cannot revoke").isEqualTo(200);
                case TWO_TOKEN -> {
                    assertThat(thief.statusCode()).as("the short token lives out its TTL")
                            .isEqualTo(200);
                    HttpResponse<String> refresh = send(nodes.get(1), "POST", "/refresh", "",
                            "X-Long-Lived-Token", login.get("longLived").asText());
                    assertThat(refresh.statusCode()).as("node 2 sees node 1's revocation: %s",
                            refresh.body()).isEqualTo(401);
                    assertThat(JSON.readTree(refresh.body()).path("reason").asText())
                            .isEqualTo("revoked");
                }
                case STATEFUL, REVOKE_ALL -> {
                    assertThat(thief.statusCode()).as("node 2 sees node 1's revocation: %s",
                            thief.body()).isEqualTo(401);
                    assertThat(JSON.readTree(thief.body()).path("reason").asText())
                            .isEqualTo("revoked");
                }
            }

            parent.destroy();
            assertThat(parent.waitFor(60, TimeUnit.SECONDS)).isTrue();
            output = Files.readAllLines(log);
            assertThat(output).contains("stopped 2 nodes; namespace " + namespace + " removed");
            assertThat(parent.descendants().filter(ProcessHandle::isAlive).count()).isZero();
            for (URI node : nodes) {
                assertThat(reachable(node)).as("node %s stopped", node).isFalse();
            }
            try (RedisClient client = RedisClient.create(StoreSpec.DEFAULT_REDIS_URL);
                    StatefulRedisConnection<String, String> c = client.connect()) {
                assertThat(c.sync().keys("revlab:" + namespace + ":*")).isEmpty();
            }
        } finally {
            Files.deleteIfExists(log);
            parent.descendants().forEach(ProcessHandle::destroyForcibly);
            parent.destroyForcibly();
        }
    }

    private static String[] auth(JsonNode login) {
        JsonNode longLived = login.get("longLived");
        String bearer = "Bearer " + login.get("access").asText();
        return longLived.isNull() ? new String[] {"Authorization", bearer}
                : new String[] {"Authorization", bearer, "X-Long-Lived-Token",
                    longLived.asText()};
    }

    private static HttpResponse<String> send(URI node, String method, String path, String body,
            String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(node.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !body.isEmpty()) {
            b.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean reachable(URI node) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(node.getHost(), node.getPort()), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
