package org.revlab.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.revlab.core.Ids;
import org.revlab.core.SessionInfo;
import org.revlab.core.testing.StoreBackend;

/**
 * What every {@link SessionStore} backend must do alike: each method's answer and the number
 * of round trips it counts. Backends whose server is absent are skipped with a message saying
 * how to start it (see {@link StoreBackend}).
 */
class SessionStoreContractTest {

    private static final String BACKENDS = "org.revlab.core.testing.StoreBackend#all";
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00.123Z");
    private static final Duration LIFE = Duration.ofHours(2);

    private static SessionInfo session(String user, String device, Instant created) {
        return new SessionInfo(Ids.random(), user, device, created, created, created.plus(LIFE),
                null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BACKENDS)
    void findsWhatWasCreatedInOneHitEach(StoreBackend backend) {
        try (SessionStore store = backend.open()) {
            SessionInfo s = session("alice", "laptop", T0);

            store.createSession(s);
            assertThat(store.hits()).isEqualTo(1);
            assertThat(store.findSession(s.sessionId())).isEqualTo(s);
            assertThat(store.hits()).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BACKENDS)
    void findsNothingForAnUnknownSessionInOneHit(StoreBackend backend) {
        try (SessionStore store = backend.open()) {
            assertThat(store.findSession(Ids.random())).isNull();
            assertThat(store.hits()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BACKENDS)
    void touchMovesLastSeenOnlyOnALiveSession(StoreBackend backend) {
        try (SessionStore store = backend.open()) {
            SessionInfo live = session("alice", "laptop", T0);
            SessionInfo revoked = session("alice", "phone", T0);
            store.createSession(live);
            store.createSession(revoked);
            store.revokeSession("alice", revoked.sessionId(), T0.plusSeconds(1));
            long before = store.hits();
            Instant later = T0.plusSeconds(90);

            assertThat(store.touchIfLive(live.sessionId(), later)).isTrue();
            assertThat(store.touchIfLive(revoked.sessionId(), later)).isFalse();
            assertThat(store.touchIfLive(live.sessionId(), live.expires())).isFalse();
            assertThat(store.touchIfLive(Ids.random(), later)).isFalse();
            assertThat(store.hits() - before).isEqualTo(4);

            assertThat(store.findSession(live.sessionId()).lastSeen()).isEqualTo(later);
            assertThat(store.findSession(revoked.sessionId()).lastSeen()).isEqualTo(T0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BACKENDS)
    void epochStartsAtZeroAndEachRevokeAllMovesItOn(StoreBackend backend) {
        try (SessionStore store = backend.open()) {
            assertThat(store.epoch("alice")).isZero();
            assertThat(store.hits()).isEqualTo(1);

            store.revokeAll("alice", T0);
            store.revokeAll("alice", T0.plusMillis(1));

            long before = store.hits();
            assertThat(store.epoch("alice")).isEqualTo(2);
            assertThat(store.epoch("bob")).isZero();
            assertThat(store.hits() - before).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BACKENDS)
    void revokeAllMarksOnlyThatUsersUnrevokedSessions(StoreBackend backend) {
        try (SessionStore store = backend.open()) {
            SessionInfo a1 = session("alice", "laptop", T0);
            SessionInfo a2 = session("alice", "phone", T0.plusSeconds(1));
            SessionInfo b1 = session("bob", "laptop", T0);
            for (SessionInfo s : List.of(a1, a2, b1)) {
                store.createSession(s);
            }
            store.revokeSession("alice", a1.sessionId(), T0.plusSeconds(5));
            long before = store.hits();

            store.revokeAll("alice", T0.plusSeconds(10));

            // Two statements on SQL (epoch, then sessions); one script on Redis.
            assertThat(store.hits() - before).isEqualTo(store.kind().equals("redis") ? 1 : 2);
            assertThat(store.findSession(a1.sessionId()).revokedAt())
                    .isEqualTo(T0.plusSeconds(5));
            assertThat(store.findSession(a2.sessionId()).revokedAt())
                    .isEqualTo(T0.plusSeconds(10));
            assertThat(store.findSession(b1.sessionId()).revoked()).isFalse();
            assertThat(store.epoch("alice")).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BACKENDS)
    void revokeSessionRevokesOnlyALiveSessionOfThatUser(StoreBackend backend) {
        try (SessionStore store = backend.open()) {
            SessionInfo s = session("alice", "laptop", T0);
            store.createSession(s);
            Instant now = T0.plusSeconds(30);
            long before = store.hits();

            assertThat(store.revokeSession("bob", s.sessionId(), now)).isFalse();
            assertThat(store.revokeSession("alice", Ids.random(), now)).isFalse();
            assertThat(store.revokeSession("alice", s.sessionId(), s.expires())).isFalse();
            assertThat(store.revokeSession("alice", s.sessionId(), now)).isTrue();
            assertThat(store.revokeSession("alice", s.sessionId(), now.plusSeconds(1))).isFalse();
            assertThat(store.hits() - before).isEqualTo(5);

            assertThat(store.findSession(s.sessionId()).revokedAt()).isEqualTo(now);
            assertThat(store.epoch("alice")).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BACKENDS)
    void listsAUsersSessionsNewestFirstRevokedIncludedInOneHit(StoreBackend backend) {
        try (SessionStore store = backend.open()) {
            SessionInfo old = session("alice", "laptop", T0);
            SessionInfo mid = session("alice", "phone", T0.plusSeconds(60));
            SessionInfo fresh = session("alice", "tablet", T0.plusSeconds(120));
            for (SessionInfo s : List.of(mid, old, fresh, session("bob", "x", T0))) {
                store.createSession(s);
            }
            store.revokeSession("alice", mid.sessionId(), T0.plusSeconds(200));
            long before = store.hits();

            List<SessionInfo> listed = store.sessions("alice");

            assertThat(store.hits() - before).isEqualTo(1);
            assertThat(listed).extracting(SessionInfo::sessionId)
                    .containsExactly(fresh.sessionId(), mid.sessionId(), old.sessionId());
            assertThat(listed.get(1).revokedAt()).isEqualTo(T0.plusSeconds(200));
            assertThat(store.sessions("nobody")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BACKENDS)
    void keepsUnusualUserNamesApart(StoreBackend backend) {
        try (SessionStore store = backend.open()) {
            SessionInfo colon = session("a:b", "dev ice", T0);
            SessionInfo plain = session("a", "device", T0);
            store.createSession(colon);
            store.createSession(plain);

            store.revokeAll("a", T0.plusSeconds(1));

            assertThat(store.findSession(colon.sessionId()).revoked()).isFalse();
            assertThat(store.sessions("a:b")).containsExactly(colon);
            assertThat(store.epoch("a:b")).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BACKENDS)
    void twoStoresOfOneBackendDoNotSeeEachOther(StoreBackend backend) {
        try (SessionStore first = backend.open();
                SessionStore second = backend.open()) {
            SessionInfo s = session("alice", "laptop", T0);
            first.createSession(s);
            first.revokeAll("carol", T0);

            assertThat(second.findSession(s.sessionId())).isNull();
            assertThat(second.sessions("alice")).isEmpty();
            assertThat(second.epoch("carol")).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BACKENDS)
    void pingIsARoundTripThatCountsNoHit(StoreBackend backend) {
        try (SessionStore store = backend.open()) {
            store.ping();
            assertThat(store.hits()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(BACKENDS)
    void aClosedStoreIsUnavailable(StoreBackend backend) {
        SessionStore store = backend.open();
        store.close();

        assertThatThrownBy(() -> store.findSession(Ids.random()))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("closed");
        store.close(); // a second close is harmless
    }
}
