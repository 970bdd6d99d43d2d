package org.revlab.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.revlab.core.LabSettings;
import org.revlab.core.MutableClock;
import org.revlab.core.StrategyId;
import org.revlab.core.http.HttpProbe.Answer;
import org.revlab.core.store.JdbcSessionStore;
import org.revlab.core.store.SessionStore;
import org.revlab.core.store.StoreSettings;
import org.revlab.core.testing.FailingSessionStore;

/**
 * With the store down, every answer that needed the store is 503 "unavailable", never 401 and
 * never an acceptance; what needs no store keeps working.
 */
class LabServerOutageTest {

    private static final LabSettings SETTINGS = LabSettings.DEFAULTS
            .withShortTtl(Duration.ofSeconds(30));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final FailingSessionStore store =
            new FailingSessionStore(new JdbcSessionStore(StoreSettings.memory()));
    private LabServer server;
    private HttpProbe http;

    private JsonNode startAndLogIn(StrategyId id) {
        return startAndLogIn(id, store);
    }

    private JsonNode startAndLogIn(StrategyId id, SessionStore withStore) {
        server = LabServer.start(ServerSettings.of(id).withLab(SETTINGS).withClock(clock)
                .withStore(withStore));
        http = new HttpProbe(server.baseUri());
        Answer a = http.post("/login", "{\"user\":\"alice\",\"device\":\"laptop\"}");
        assertThat(a.status()).isEqualTo(200);
        return a.json();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String[] auth(JsonNode login) {
        return login.get("longLived").isNull()
                ? new String[] {"Authorization", "Bearer " + login.get("access").asText()}
                : new String[] {"Authorization", "Bearer " + login.get("access").asText(),
                        "X-Long-Lived-Token", login.get("longLived").asText()};
    }

    private static void assertUnavailable(Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(503);
        assertThat(a.text("error")).isEqualTo("unavailable");
        assertThat(a.text("reason")).isEqualTo("store_unavailable");
        assertThat(a.text("detail")).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(StrategyId.class)
    void loginAndRevocationAnswer503WhileTheStoreIsDown(StrategyId id) {
        JsonNode laptop = startAndLogIn(id);
        store.goDown();

        assertUnavailable(http.post("/login", "{\"user\":\"bob\",\"device\":\"phone\"}"));
        Answer revoke = http.post("/sessions/revoke-all", "", auth(laptop));
        assertUnavailable(revoke);
        assertThat(revoke.body()).doesNotContain("acknowledgedAt");
        assertUnavailable(http.get("/sessions", auth(laptop)));

        store.comeBack();
        assertThat(http.get("/resource", auth(laptop)).status())
                .as("the failed revoke was not acknowledged, so nothing was revoked")
                .isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(value = StrategyId.class, names = {"STATEFUL", "REVOKE_ALL"})
    void strategiesThatCheckTheStoreEveryRequestAnswer503NotAcceptance(StrategyId id) {
        JsonNode laptop = startAndLogIn(id);
        store.goDown();

        assertUnavailable(http.get("/resource", auth(laptop)));
        JsonNode metrics = http.get("/metrics").json();
        assertThat(metrics.get("verdicts").get("store_unavailable").asLong()).isEqualTo(1);
        assertThat(metrics.get("verdicts").get("accepted").asLong()).isZero();
    }

    @Test
    void twoTokenKeepsServingValidShortTokensButCannotRefresh() {
        JsonNode laptop = startAndLogIn(StrategyId.TWO_TOKEN);
        store.goDown();

        assertThat(http.get("/resource", auth(laptop)).status()).isEqualTo(200);
        assertUnavailable(http.post("/refresh", "", "X-Long-Lived-Token",
                laptop.get("longLived").asText()));
        clock.advance(SETTINGS.shortTtl());
        assertUnavailable(http.get("/resource", auth(laptop)));
    }

    @Test
    void statelessNeedsNoStoreToAuthenticate() {
        JsonNode laptop = startAndLogIn(StrategyId.STATELESS);
        store.goDown();

        assertThat(http.get("/resource", auth(laptop)).status()).isEqualTo(200);
        assertThat(http.get("/health").status()).isEqualTo(200);
    }

    @Test
    void aDefectIsA500WithoutAStackTrace() {
        SessionStore real = new JdbcSessionStore(StoreSettings.memory());
        AtomicBoolean broken = new AtomicBoolean();
        // Not an outage but a bug: an exception no layer expects.
        SessionStore defective = (SessionStore) Proxy.newProxyInstance(
                SessionStore.class.getClassLoader(), new Class<?>[] {SessionStore.class},
                (proxy, method, args) -> {
                    if (broken.get() && method.getName().equals("findSession")) {
                        throw new IllegalStateException("Injected NullPointerException-like bug");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        store.close();
        JsonNode laptop = startAndLogIn(StrategyId.STATEFUL, defective);
        broken.set(true);

        Answer a = http.allowingInternalError().get("/resource", auth(laptop));

        assertThat(a.status()).isEqualTo(500);
        assertThat(a.text("error")).isEqualTo("internal");
        assertThat(a.body()).doesNotContain("Injected").doesNotContain("Exception");
    }
}
