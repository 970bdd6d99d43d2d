package org.revlab.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.revlab.core.Ids;
import org.revlab.core.SessionInfo;
import org.revlab.core.testing.Hits;
import org.revlab.core.testing.StoreBackend;

/**
 * The store's contract on every backend: what each method answers and exactly the hits that
 * {@link SessionStore} documents for it; and HSQLDB file mode keeping a revocation across a
 * restart.
 */
class JdbcSessionStoreTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.400Z");

    static List<StoreBackend> backends() {
        return StoreBackend.all();
    }

    private static SessionInfo session(String user, String device, Instant created) {
        return new SessionInfo(Ids.random(), user, device, created, created,
                created.plus(Duration.ofHours(1)), null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void eachMethodCostsTheHitsItDocuments(StoreBackend backend) {
        try (SessionStore store = backend.open()) {
            SessionInfo s = session("alice", "laptop", T0);

            assertThat(Hits.during(store, () -> store.createSession(s))).isEqualTo(1);
            Hits.Counted<SessionInfo> found = Hits.around(store, () -> store.findSession(
                    s.sessionId()));
            assertThat(found.value()).isEqualTo(s);
            assertThat(found.hits()).isEqualTo(1);
            Hits.Counted<Boolean> touched = Hits.around(store,
                    () -> store.touchIfLive(s.sessionId(), T0.plusSeconds(5)));
            assertThat(touched.value()).isTrue();
            assertThat(touched.hits()).isEqualTo(1);
            Hits.Counted<Long> epoch = Hits.around(store, () -> store.epoch("alice"));
            assertThat(epoch.value()).isZero();
            assertThat(epoch.hits()).isEqualTo(1);
            Hits.Counted<List<SessionInfo>> listed = Hits.around(store,
                    () -> store.sessions("alice"));
            assertThat(listed.value()).hasSize(1);
            assertThat(listed.hits()).isEqualTo(1);
            Hits.Counted<Boolean> revokedOne = Hits.around(store,
                    () -> store.revokeSession("alice", s.sessionId(), T0.plusSeconds(6)));
            assertThat(revokedOne.value()).isTrue();
            assertThat(revokedOne.hits()).isEqualTo(1);
            // Two statements on the SQL stores; one script on Redis.
            assertThat(Hits.during(store, () -> store.revokeAll("alice", T0.plusSeconds(7))))
                    .isEqualTo(store.kind().equals("redis") ? 1 : 2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void touchIfLiveMovesLastSeenOnlyForALiveSession(StoreBackend backend) {
        try (SessionStore store = backend.open()) {
            SessionInfo live = session("alice", "laptop", T0);
            SessionInfo revoked = session("alice", "phone", T0);
            store.createSession(live);
            store.createSession(revoked);
            store.revokeSession("alice", revoked.sessionId(), T0.plusSeconds(1));

            assertThat(store.touchIfLive(live.sessionId(), T0.plusSeconds(2))).isTrue();
            assertThat(store.touchIfLive(revoked.sessionId(), T0.plusSeconds(2))).isFalse();
            assertThat(store.touchIfLive(Ids.random(), T0.plusSeconds(2))).isFalse();
            assertThat(store.touchIfLive(live.sessionId(), live.expires())).as("at expiry")
                    .isFalse();
            assertThat(store.findSession(live.sessionId()).lastSeen())
                    .isEqualTo(T0.plusSeconds(2));
            assertThat(store.findSession(revoked.sessionId()).lastSeen()).isEqualTo(T0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void revokeAllMovesTheEpochAndRevokesOnlyThatUsersLiveSessions(StoreBackend backend) {
        try (SessionStore store = backend.open()) {
            SessionInfo alice1 = session("alice", "laptop", T0);
            SessionInfo alice2 = session("alice", "phone", T0.plusSeconds(1));
            SessionInfo bob = session("bob", "laptop", T0);
            store.createSession(alice1);
            store.createSession(alice2);
            store.createSession(bob);
            store.revokeSession("alice", alice1.sessionId(), T0.plusSeconds(2));

            store.revokeAll("alice", T0.plusSeconds(3));
            store.revokeAll("alice", T0.plusSeconds(4));

            assertThat(store.epoch("alice")).isEqualTo(2);
            assertThat(store.epoch("bob")).isZero();
            // An earlier single revocation keeps its own time.
            assertThat(store.findSession(alice1.sessionId()).revokedAt())
                    .isEqualTo(T0.plusSeconds(2));
            assertThat(store.findSession(alice2.sessionId()).revokedAt())
                    .isEqualTo(T0.plusSeconds(3));
            assertThat(store.findSession(bob.sessionId()).revoked()).isFalse();
            assertThat(store.revokeSession("bob", alice2.sessionId(), T0.plusSeconds(5)))
                    .isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aClosedStoreThrowsStoreUnavailable(StoreBackend backend) {
        SessionStore store = backend.open();
        store.close();

        assertThatThrownBy(() -> store.findSession(Ids.random()))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void fileModeKeepsARevocationAcrossCloseAndReopen(@TempDir Path dir) {
        StoreSettings settings = StoreSettings.file(dir.resolve("sessions"));
        SessionInfo s = session("alice", "laptop", T0);
        try (SessionStore store = new JdbcSessionStore(settings)) {
            assertThat(store.kind()).isEqualTo("hsqldb-file");
            store.createSession(s);
            store.revokeAll("alice", T0.plusSeconds(3));
        }

        try (SessionStore reopened = new JdbcSessionStore(settings)) {
            assertThat(reopened.epoch("alice")).isEqualTo(1);
            assertThat(reopened.findSession(s.sessionId()).revokedAt())
                    .isEqualTo(T0.plusSeconds(3));
            assertThat(reopened.touchIfLive(s.sessionId(), T0.plusSeconds(4))).isFalse();
        }
    }
}
