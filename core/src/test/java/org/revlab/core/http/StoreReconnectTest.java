package org.revlab.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.revlab.core.LabSettings;
import org.revlab.core.StrategyId;
import org.revlab.core.http.HttpProbe.Answer;
import org.revlab.core.store.StoreSpec;
import org.revlab.core.testing.CuttableLink;
import org.revlab.core.testing.StoreBackend;

/**
 * A real PostgreSQL or Redis connection cut under a running server and then restored: while it
 * is cut, every answer that needed the store is 503 and none is an acceptance; once the server
 * is reachable again the same node serves the same sessions without a restart (HikariCP lanes
 * discarded and reopened, Lettuce reconnecting by itself). The cut is a loopback link between
 * store and server, so the real servers keep running for other tests.
 */
class StoreReconnectTest {

    private static final Duration RECOVERY = Duration.ofSeconds(30);
    private static final LabSettings SETTINGS = LabSettings.DEFAULTS
            .withShortTtl(Duration.ofSeconds(30));

    private CuttableLink link;
    private LabServer server;

    static Stream<Arguments> cases() {
        return Stream.of("postgres", "redis").flatMap(backend -> Stream.of(StrategyId.values())
                .map(id -> Arguments.of(backend, id)));
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (link != null) {
            link.close();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void aCutConnectionAnswers503AndTheNodeRecoversWhenTheStoreReturns(String backend,
            StrategyId id) throws Exception {
        StoreBackend.openOrSkip(backend, StoreSpec.parse(backend)).close();
        link = new CuttableLink(backend.equals("redis") ? 6379 : 5432);
        String url = backend.equals("redis") ? "redis://127.0.0.1:" + link.port()
                : "jdbc:postgresql://127.0.0.1:" + link.port() + "/test";
        server = LabServer.start(ServerSettings.of(id).withLab(SETTINGS)
                .withStore(StoreSpec.parse(url).withTimeout(Duration.ofSeconds(1)).open()));
        HttpProbe http = new HttpProbe(server.baseUri());
        JsonNode laptop = login(http, "alice");
        String[] auth = auth(laptop);
        assertThat(http.get("/resource", auth).status()).isEqualTo(200);

        link.cut();

        assertUnavailable(http.post("/login", "{\"user\":\"bob\",\"device\":\"phone\"}"));
        Answer revoke = http.post("/sessions/revoke-all", "", auth);
        assertUnavailable(revoke);
        assertThat(revoke.body()).doesNotContain("acknowledgedAt");
        Answer resource = http.get("/resource", auth);
        switch (id) {
            case STATELESS, TWO_TOKEN -> assertThat(resource.status())
                    .as("a token check needs no store").isEqualTo(200);
            case STATEFUL, REVOKE_ALL -> assertUnavailable(resource);
        }
        if (id == StrategyId.TWO_TOKEN) {
            assertUnavailable(http.post("/refresh", "", "X-Long-Lived-Token",
                    laptop.get("longLived").asText()));
        }
        JsonNode verdicts = http.get("/metrics").json().get("verdicts");
        long acceptedDuringCut = verdicts.path("accepted").asLong();

        link.restore();

        // Recovery is the store's own doing: no restart, the same node and the same session.
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        Answer again = http.post("/login", "{\"user\":\"carol\",\"device\":\"phone\"}");
        while (again.status() == 503 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            again = http.post("/login", "{\"user\":\"carol\",\"device\":\"phone\"}");
        }
        assertThat(again.status()).as("recovered within %s: %s", RECOVERY, again.body())
                .isEqualTo(200);
        assertThat(http.get("/resource", auth).status()).isEqualTo(200);
        assertThat(http.post("/sessions/revoke-all", "", auth).status()).isEqualTo(200);
        if (id != StrategyId.STATELESS && id != StrategyId.TWO_TOKEN) {
            assertThat(http.get("/resource", auth).status()).as("revoked after recovery")
                    .isEqualTo(401);
        }
        // Stateful and revoke-all accepted nothing while cut: only the first request counted.
        if (id == StrategyId.STATEFUL || id == StrategyId.REVOKE_ALL) {
            assertThat(acceptedDuringCut).isEqualTo(1);
        }
    }

    private static JsonNode login(HttpProbe http, String user) {
        Answer a = http.post("/login", "{\"user\":\"" + user + "\",\"device\":\"laptop\"}");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    private static String[] auth(JsonNode login) {
        return login.get("longLived").isNull()
                ? new String[] {"Authorization", "Bearer " + login.get("access").asText()}
                : new String[] {"Authorization", "Bearer " + login.get("access").asText(),
                        "X-Long-Lived-Token", login.get("longLived").asText()};
    }

    private static void assertUnavailable(Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(503);
        assertThat(a.text("reason")).isEqualTo("store_unavailable");
    }
}
