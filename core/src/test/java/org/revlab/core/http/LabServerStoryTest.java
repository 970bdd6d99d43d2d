package org.revlab.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.revlab.core.LabSettings;
import org.revlab.core.MutableClock;
import org.revlab.core.StrategyId;
import org.revlab.core.http.HttpProbe.Answer;

/**
 * The stolen-laptop story over real HTTP for every strategy, on a virtual clock so that
 * expiry is exact: log in, use the resource, log out everywhere, and see whether the thief's
 * copy still works.
 */
class LabServerStoryTest {

    private static final LabSettings SETTINGS = LabSettings.DEFAULTS
            .withAccessTtl(Duration.ofMinutes(10)).withShortTtl(Duration.ofSeconds(30))
            .withLongTtl(Duration.ofHours(1));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00.250Z"));
    private LabServer server;
    private HttpProbe http;

    private void start(StrategyId id) {
        server = LabServer.start(ServerSettings.of(id).withLab(SETTINGS).withClock(clock));
        http = new HttpProbe(server.baseUri());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The credentials as a client sends them on every call. */
    private static String[] auth(JsonNode login) {
        String access = login.get("access").asText();
        JsonNode longLived = login.get("longLived");
        return longLived.isNull() ? new String[] {"Authorization", "Bearer " + access}
                : new String[] {"Authorization", "Bearer " + access,
                        "X-Long-Lived-Token", longLived.asText()};
    }

    private JsonNode login(String user, String device) {
        Answer a = http.post("/login", "{\"user\":\"" + user + "\",\"device\":\"" + device
                + "\"}", "Content-Type", "application/json");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    @ParameterizedTest
    @EnumSource(StrategyId.class)
    void thiefIsShutOutOrNotAsTheStrategyPromises(StrategyId id) {
        start(id);
        JsonNode laptop = login("alice", "laptop");
        assertThat(laptop.get("strategy").asText()).isEqualTo(id.id());
        assertThat(laptop.get("longLived").isNull()).isEqualTo(id != StrategyId.TWO_TOKEN);
        String[] stolen = auth(laptop);

        Answer owner = http.get("/resource", auth(laptop));
        assertThat(owner.status()).isEqualTo(200);
        assertThat(owner.text("user")).isEqualTo("alice");
        assertThat(owner.text("sessionId")).isEqualTo(laptop.get("sessionId").asText());

        Answer revoke = http.post("/sessions/revoke-all", "", auth(laptop));
        assertThat(revoke.status()).isEqualTo(200);
        assertThat(revoke.text("revoked")).isEqualTo("all");
        assertThat(revoke.text("user")).isEqualTo("alice");
        assertThat(revoke.text("effective")).isEqualTo(id.windowByDesign());
        assertThat(Instant.parse(revoke.text("acknowledgedAt"))).isEqualTo(clock.instant());

        Answer thief = http.get("/resource", stolen);
        switch (id) {
            case STATELESS, TWO_TOKEN -> assertThat(thief.status())
                    .as("%s keeps a copied token working until it expires", id).isEqualTo(200);
            case STATEFUL, REVOKE_ALL -> {
                assertThat(thief.status()).isEqualTo(401);
                assertThat(thief.text("reason")).isEqualTo("revoked");
                assertThat(thief.header("WWW-Authenticate"))
                        .isEqualTo("Bearer error=\"invalid_token\"");
            }
        }

        clock.advance(SETTINGS.shortTtl().plusSeconds(1));
        Answer later = http.get("/resource", stolen);
        if (id == StrategyId.STATELESS) {
            assertThat(later.status()).as("the documented weakness").isEqualTo(200);
            clock.advance(SETTINGS.accessTtl());
            assertThat(http.get("/resource", stolen).text("reason")).isEqualTo("expired");
        } else {
            assertThat(later.status()).isEqualTo(401);
            assertThat(later.text("reason")).isEqualTo("revoked");
        }

        JsonNode again = login("alice", "laptop");
        assertThat(http.get("/resource", auth(again)).status())
                .as("a session started after the revoke works").isEqualTo(200);
    }

    @Test
    void twoTokenRefreshesTransparentlyAndReturnsTheNewShortToken() {
        start(StrategyId.TWO_TOKEN);
        JsonNode laptop = login("alice", "laptop");
        assertThat(http.get("/resource", auth(laptop)).header(LabHandler.NEW_ACCESS_HEADER))
                .as("no new token while the short one is valid").isNull();
        clock.advance(SETTINGS.shortTtl());

        Answer refreshed = http.get("/resource", auth(laptop));

        assertThat(refreshed.status()).isEqualTo(200);
        String fresh = refreshed.header(LabHandler.NEW_ACCESS_HEADER);
        assertThat(fresh).isNotBlank().isEqualTo(refreshed.text("newAccess"))
                .isNotEqualTo(laptop.get("access").asText());
        Answer withFresh = http.get("/resource", "Authorization", "Bearer " + fresh);
        assertThat(withFresh.status()).as("the new short token works on its own").isEqualTo(200);
        assertThat(withFresh.text("sessionId")).isEqualTo(laptop.get("sessionId").asText());
    }

    @Test
    void twoTokenRefreshNeedsOnlyTheLongLivedToken() {
        start(StrategyId.TWO_TOKEN);
        JsonNode laptop = login("alice", "laptop");

        Answer a = http.post("/refresh", "", "X-Long-Lived-Token",
                laptop.get("longLived").asText());

        assertThat(a.status()).isEqualTo(200);
        assertThat(http.get("/resource", "Authorization", "Bearer " + a.text("access")).status())
                .isEqualTo(200);
        Answer missing = http.post("/refresh", "");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.text("reason")).isEqualTo("missing");
    }

    @ParameterizedTest
    @EnumSource(value = StrategyId.class, names = {"STATELESS", "STATEFUL", "REVOKE_ALL"})
    void refreshIsNotFoundWhereTheStrategyHasNone(StrategyId id) {
        start(id);
        Answer a = http.post("/refresh", "", "X-Long-Lived-Token", "abc");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.text("reason")).isEqualTo("no_refresh");
        assertThat(a.text("detail")).contains(id.id()).contains("no refresh");
    }

    @ParameterizedTest
    @EnumSource(value = StrategyId.class, names = {"STATEFUL", "TWO_TOKEN"})
    void revokingOneSessionLeavesTheOtherDeviceSignedIn(StrategyId id) {
        start(id);
        JsonNode laptop = login("alice", "laptop");
        JsonNode phone = login("alice", "phone");
        String laptopId = laptop.get("sessionId").asText();

        Answer list = http.get("/sessions", auth(phone));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("sessions")).hasSize(2);
        JsonNode first = list.json().get("sessions").get(0);
        assertThat(first.has("device") && first.has("created") && first.has("lastSeen")
                && first.has("expires") && first.has("revokedAt")).isTrue();

        Answer revoke = http.post("/sessions/" + laptopId + "/revoke", "", auth(phone));
        assertThat(revoke.status()).isEqualTo(200);
        assertThat(revoke.text("revoked")).isEqualTo(laptopId);
        assertThat(revoke.text("effective")).isEqualTo(id.windowByDesign());

        clock.advance(SETTINGS.shortTtl());
        assertThat(http.get("/resource", auth(laptop)).text("reason")).isEqualTo("revoked");
        assertThat(http.get("/resource", auth(phone)).status()).isEqualTo(200);
        Answer twice = http.post("/sessions/" + laptopId + "/revoke", "", auth(phone));
        assertThat(twice.status()).as("no longer a live session").isEqualTo(404);
        assertThat(twice.text("reason")).isEqualTo("unknown_session");
    }

    @ParameterizedTest
    @EnumSource(value = StrategyId.class, names = {"STATEFUL", "TWO_TOKEN"})
    void anotherUsersSessionCannotBeRevoked(StrategyId id) {
        start(id);
        JsonNode alice = login("alice", "laptop");
        JsonNode mallory = login("mallory", "laptop");

        Answer a = http.post("/sessions/" + alice.get("sessionId").asText() + "/revoke", "",
                auth(mallory));

        assertThat(a.status()).isEqualTo(404);
        assertThat(http.get("/resource", auth(alice)).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(value = StrategyId.class, names = {"STATELESS", "REVOKE_ALL"})
    void revokingOneSessionIsAConflictWhereTheStrategyCannot(StrategyId id) {
        start(id);
        JsonNode laptop = login("alice", "laptop");

        Answer a = http.post("/sessions/" + laptop.get("sessionId").asText() + "/revoke", "",
                auth(laptop));

        assertThat(a.status()).isEqualTo(409);
        assertThat(a.text("reason")).isEqualTo("cannot_revoke_session");
        assertThat(a.text("detail")).contains("revoke-all");
        assertThat(http.get("/resource", auth(laptop)).status()).isEqualTo(200);
    }

    @Test
    void healthPublicAndMetricsDescribeTheServer() {
        start(StrategyId.STATEFUL);
        JsonNode laptop = login("alice", "laptop");
        http.get("/resource", auth(laptop));
        http.get("/resource", "Authorization", "Bearer nonsense");

        Answer health = http.get("/health");
        assertThat(health.json().toString()).isEqualTo(
                "{\"status\":\"ok\",\"strategy\":\"stateful\",\"store\":\"hsqldb-mem\"}");
        assertThat(http.get("/public").json().toString()).isEqualTo("{\"ok\":true}");
        JsonNode metrics = http.get("/metrics").json();
        assertThat(metrics.get("strategy").asText()).isEqualTo("stateful");
        assertThat(metrics.get("store").asText()).isEqualTo("hsqldb-mem");
        assertThat(metrics.get("requests").asLong()).isEqualTo(6);
        assertThat(metrics.get("verdicts").get("accepted").asLong()).isEqualTo(1);
        assertThat(metrics.get("verdicts").get("malformed").asLong()).isEqualTo(1);
        assertThat(metrics.get("dbHits").asLong()).isEqualTo(server.store().hits()).isEqualTo(2);
        assertThat(metrics.get("uptimeSeconds").asDouble()).isNotNegative();
    }
}
