package org.revlab.core.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.revlab.core.Credentials;
import org.revlab.core.Lab;
import org.revlab.core.LabSettings;
import org.revlab.core.MutableClock;
import org.revlab.core.Reason;
import org.revlab.core.StrategyId;
import org.revlab.core.Verdict;
import org.revlab.core.store.JdbcSessionStore;
import org.revlab.core.store.StoreSettings;
import org.revlab.core.store.StoreUnavailableException;
import org.revlab.core.testing.FaultInjectingSessionStore;
import org.revlab.core.token.SigningAlgorithm;
import org.revlab.core.token.SigningKeys;

/**
 * The store goes down, gets slow or fails every few calls: no strategy may then accept a
 * credential it would have had to check there, a revocation that did not happen must not look
 * acknowledged, and {@code two-token} keeps serving short tokens that are still valid.
 */
class StoreOutageTest {

    static final LabSettings SETTINGS = LabSettings.DEFAULTS.withShortTtl(Duration.ofSeconds(60));

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00.250Z"));

    /** A lab over a fault-injecting wrapper of a fresh in-memory store. */
    record Rig(Lab lab, FaultInjectingSessionStore store) implements AutoCloseable {
        @Override
        public void close() {
            lab.close();
        }
    }

    Rig rig(StrategyId id) {
        FaultInjectingSessionStore store = new FaultInjectingSessionStore(
                new JdbcSessionStore(StoreSettings.memory()));
        return new Rig(Lab.open(id, SigningKeys.generate(SigningAlgorithm.HS256), store, clock,
                SETTINGS), store);
    }

    enum Fault { DOWN, SLOW, EVERY_CALL }

    static void inject(FaultInjectingSessionStore store, Fault fault) {
        switch (fault) {
            case DOWN -> store.down();
            case SLOW -> store.slow(Duration.ofMillis(20));
            case EVERY_CALL -> store.failEvery(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void duringAnOutageNothingIsAcceptedThatWouldHaveNeededTheStore(Fault fault) {
        for (StrategyId id : StrategyId.values()) {
            try (Rig rig = rig(id)) {
                var s = rig.lab().strategy();
                Credentials alice = s.login("alice", "laptop");
                Credentials bob = s.login("bob", "phone");
                s.revokeAll("bob");

                inject(rig.store(), fault);
                Map<Moment, Verdict> down = new EnumMap<>(Moment.class);
                down.put(Moment.NOW_ALICE, s.authenticate(alice));
                down.put(Moment.NOW_BOB, s.authenticate(bob));
                clock.advance(SETTINGS.shortTtl());
                down.put(Moment.LATER_ALICE, s.authenticate(alice));
                down.put(Moment.LATER_BOB, s.authenticate(bob));
                assertThatThrownBy(() -> s.revokeAll("alice"))
                        .isInstanceOf(StoreUnavailableException.class);
                assertThatThrownBy(() -> s.login("carol", "tablet"))
                        .isInstanceOf(StoreUnavailableException.class);

                // The same requests with the store up: an outage may only turn an answer into
                // store_unavailable, never into an acceptance.
                rig.store().up();
                clock.advance(SETTINGS.shortTtl().negated());
                Map<Moment, Verdict> up = new EnumMap<>(Moment.class);
                up.put(Moment.NOW_ALICE, s.authenticate(alice));
                up.put(Moment.NOW_BOB, s.authenticate(bob));
                clock.advance(SETTINGS.shortTtl());
                up.put(Moment.LATER_ALICE, s.authenticate(alice));
                up.put(Moment.LATER_BOB, s.authenticate(bob));
                for (Moment m : Moment.values()) {
                    Verdict d = down.get(m);
                    assertThat(d.reason() == Reason.STORE_UNAVAILABLE
                            || d.reason() == up.get(m).reason())
                            .as("%s %s %s: down %s, up %s", id, fault, m, d, up.get(m)).isTrue();
                }
                expectPerStrategy(id, down);
                // Alice was never revoked during the outage: her sessions are all live.
                assertThat(s.sessions("alice")).allMatch(x -> !x.revoked());
                clock.advance(SETTINGS.shortTtl().negated());
            }
        }
    }

    enum Moment { NOW_ALICE, NOW_BOB, LATER_ALICE, LATER_BOB }

    private static void expectPerStrategy(StrategyId id, Map<Moment, Verdict> down) {
        switch (id) {
            case STATELESS -> {
                // Needs no store: its answers do not change, and it cannot revoke anyway.
                assertThat(down.get(Moment.NOW_ALICE).accepted()).isTrue();
                assertThat(down.get(Moment.NOW_BOB).accepted()).isTrue();
            }
            case STATEFUL, REVOKE_ALL -> assertThat(down.values())
                    .allMatch(v -> v.reason() == Reason.STORE_UNAVAILABLE);
            case TWO_TOKEN -> {
                assertThat(down.get(Moment.NOW_ALICE).accepted()).isTrue();
                // Bob's short token is still inside the window two-token allows by design.
                assertThat(down.get(Moment.NOW_BOB).accepted()).isTrue();
                assertThat(down.get(Moment.LATER_ALICE).reason())
                        .isEqualTo(Reason.STORE_UNAVAILABLE);
                assertThat(down.get(Moment.LATER_BOB).reason())
                        .isEqualTo(Reason.STORE_UNAVAILABLE);
            }
        }
    }

    @Test
    void twoTokenServesEveryValidShortTokenWithoutTheStore() {
        try (Rig rig = rig(StrategyId.TWO_TOKEN)) {
            var s = rig.lab().strategy();
            Credentials[] users = new Credentials[50];
            for (int i = 0; i < users.length; i++) {
                users[i] = s.login("user" + i, "d");
            }
            rig.store().down();
            long hits = rig.store().hits();
            for (Credentials c : users) {
                assertThat(s.authenticate(c).accepted()).isTrue();
            }
            assertThat(rig.store().hits()).isEqualTo(hits);
            assertThat(rig.store().failures()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(value = StrategyId.class, names = {"STATEFUL", "REVOKE_ALL", "TWO_TOKEN"})
    void aFlakyStoreNeverLetsARevokedCredentialThrough(StrategyId id) {
        try (Rig rig = rig(id)) {
            var s = rig.lab().strategy();
            Credentials stolen = s.login("alice", "laptop");
            s.revokeAll("alice");
            // For two-token, past the window: every request must reach the store.
            clock.advance(SETTINGS.shortTtl());
            rig.store().failEvery(3);
            int unavailable = 0;
            for (int i = 0; i < 300; i++) {
                Verdict v = s.authenticate(stolen);
                assertThat(v.accepted()).as("request %d: %s", i, v).isFalse();
                assertThat(v.reason()).isIn(Reason.REVOKED, Reason.STORE_UNAVAILABLE);
                unavailable += v.reason() == Reason.STORE_UNAVAILABLE ? 1 : 0;
            }
            assertThat(unavailable).isPositive();
            assertThat((long) unavailable).isLessThanOrEqualTo(rig.store().failures());
        }
    }

    @Test
    void aRevocationThatFailedIsNotAcknowledgedAndARetryTakes() {
        try (Rig rig = rig(StrategyId.REVOKE_ALL)) {
            var s = rig.lab().strategy();
            Credentials c = s.login("alice", "laptop");
            rig.store().down();
            assertThatThrownBy(() -> s.revokeAll("alice"))
                    .isInstanceOf(StoreUnavailableException.class);
            rig.store().up();
            assertThat(s.authenticate(c).accepted()).isTrue();
            s.revokeAll("alice");
            assertThat(s.authenticate(c).reason()).isEqualTo(Reason.REVOKED);
        }
    }
}
