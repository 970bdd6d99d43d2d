package org.revlab.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.revlab.core.LabSettings;
import org.revlab.core.StrategyId;
import org.revlab.core.http.HttpProbe.Answer;
import org.revlab.core.store.JdbcSessionStore;
import org.revlab.core.store.RedisSessionStore;
import org.revlab.core.store.SessionStore;
import org.revlab.core.store.StoreSpec;
import org.revlab.core.testing.StoreBackend;

/**
 * The server side cuts a running node's store connections, as a database restart or an
 * operator would: {@code CLIENT KILL} of the Redis connection by its name, and
 * {@code pg_terminate_backend} of every PostgreSQL backend with the store's
 * {@code application_name}. A revoked credential is then never accepted: each answer is
 * 401 revoked or 503, and the node answers again by itself once the store has reconnected.
 */
class StoreConnectionKillTest {

    private static final Duration RECOVERY = Duration.ofSeconds(30);

    private LabServer server;

    static Stream<Arguments> cases() {
        return Stream.of("postgres", "redis").flatMap(b -> Stream.of(
                Arguments.of(b, StrategyId.STATEFUL), Arguments.of(b, StrategyId.REVOKE_ALL)));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void aRevokedCredentialStaysOutWhileTheStoreReconnects(String backend, StrategyId id)
            throws Exception {
        SessionStore store = StoreBackend.openOrSkip(backend, StoreSpec.parse(backend)
                .withTimeout(Duration.ofSeconds(1)));
        server = LabServer.start(ServerSettings.of(id).withLab(LabSettings.DEFAULTS)
                .withStore(store));
        HttpProbe http = new HttpProbe(server.baseUri());
        Answer login = http.post("/login", "{\"user\":\"alice\",\"device\":\"laptop\"}");
        assertThat(login.status()).isEqualTo(200);
        String[] stolen = {"Authorization", "Bearer " + login.json().get("access").asText()};
        assertThat(http.post("/sessions/revoke-all", "", stolen).status()).isEqualTo(200);
        assertThat(http.get("/resource", stolen).status()).isEqualTo(401);

        int killed = backend.equals("redis") ? killRedis((RedisSessionStore) store)
                : killPostgres((JdbcSessionStore) store);
        assertThat(killed).as("connections cut").isPositive();

        List<Integer> answers = new ArrayList<>();
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        Answer a;
        do {
            a = http.get("/resource", stolen);
            answers.add(a.status());
            if (a.status() == 503) {
                assertThat(a.text("reason")).isEqualTo("store_unavailable");
                Thread.sleep(50);
            }
        } while (a.status() == 503 && System.nanoTime() < deadline);

        assertThat(answers).as("never accepted, never another error").containsOnly(401, 503);
        assertThat(a.status()).as("recovered within %s", RECOVERY).isEqualTo(401);
        assertThat(a.text("reason")).isEqualTo("revoked");
        JsonNode fresh = http.post("/login", "{\"user\":\"bob\",\"device\":\"phone\"}").json();
        assertThat(http.get("/resource", "Authorization", "Bearer "
                + fresh.get("access").asText()).status()).isEqualTo(200);
    }

    /** Kills the store's connection by the name it gave itself; returns how many were cut. */
    private static int killRedis(RedisSessionStore store) {
        try (RedisClient client = RedisClient.create(StoreSpec.DEFAULT_REDIS_URL);
                StatefulRedisConnection<String, String> admin = client.connect()) {
            int killed = 0;
            for (String line : admin.sync().clientList().split("\n")) {
                if (line.contains(" name=" + store.connectionName() + " ")) {
                    String clientId = line.replaceFirst("^id=(\\d+) .*$", "$1").strip();
                    killed += admin.sync().clientKill(KillArgs.Builder.id(
                            Long.parseLong(clientId))).intValue();
                }
            }
            return killed;
        }
    }

    /** Terminates every backend carrying the store's application name. */
    private static int killPostgres(JdbcSessionStore store) throws Exception {
        try (Connection admin = DriverManager.getConnection(StoreSpec.DEFAULT_POSTGRES_URL,
                StoreSpec.DEFAULT_POSTGRES_USER, "");
                PreparedStatement kill = admin.prepareStatement("SELECT"
                        + " pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE application_name = ?")) {
            kill.setString(1, store.connectionName());
            int killed = 0;
            try (ResultSet rs = kill.executeQuery()) {
                while (rs.next()) {
                    killed += rs.getBoolean(1) ? 1 : 0;
                }
            }
            return killed;
        }
    }
}
