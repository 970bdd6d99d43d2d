package org.revlab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.revlab.core.LabSettings;
import org.revlab.core.StrategyId;

class SimulationTest {

    /** A small shape: every strategy sees revokes, windows and attackers within a second. */
    static SimulationSettings small(long seed) {
        return new SimulationSettings(60, 2, Duration.ofMinutes(20), Duration.ofMinutes(5), 0.2,
                false, 6 / 3600.0, 30, 0.5, Duration.ofMinutes(20),
                LabSettings.DEFAULTS.withShortTtl(Duration.ofSeconds(30))
                        .withAccessTtl(Duration.ofMinutes(5)), seed);
    }

    /** Frequent requests, sessions that outlast the run, no revokes unless asked. */
    static SimulationSettings frequent(int users, double revokesPerHour, Duration shortTtl) {
        return new SimulationSettings(users, 1, Duration.ofHours(2), Duration.ZERO, 2.0, false,
                revokesPerHour / 3600, 0, 1, Duration.ofMinutes(30),
                LabSettings.DEFAULTS.withShortTtl(shortTtl), 7);
    }

    @Test
    void sameSeedAndSettingsGiveTheSameRowForEveryStrategy() {
        for (StrategyId id : StrategyId.values()) {
            String first = Simulation.run(id, small(42), null).csvRow();
            String second = Simulation.run(id, small(42), null).csvRow();
            assertThat(second).as(id.id()).isEqualTo(first);
        }
    }

    @Test
    void anotherSeedGivesAnotherRun() {
        String a = Simulation.run(StrategyId.TWO_TOKEN, small(1), null).csvRow();
        String b = Simulation.run(StrategyId.TWO_TOKEN, small(2), null).csvRow();
        assertThat(a).isNotEqualTo(b);
    }

    /**
     * Closed form: a session that calls far more often than once per short TTL refreshes once
     * per cycle of (TTL − 0.5 s lost to whole-second exp) + (mean wait for the next request,
     * 1 / rate = 0.5 s), which is one short TTL. Tolerance 3 %: 1,200 cycles, each varying by
     * about one exponential wait.
     */
    @Test
    void twoTokenRefreshesAboutOncePerShortTtlPerActiveSession() {
        SimulationResult r = Simulation.run(StrategyId.TWO_TOKEN,
                frequent(40, 0, Duration.ofSeconds(60)), null);

        double expected = r.activeSessionSeconds() / 60.0;
        assertThat(r.activeSessionSeconds()).isEqualTo(40 * 1800);
        assertThat((double) r.refreshes()).isCloseTo(expected, within(expected * 0.03));
        // Sessions that end during the run log in again: the only other hits.
        assertThat(r.dbHits()).isEqualTo(r.refreshes() + r.logins());
    }

    /**
     * Closed form: the window of a credential is its short token's remaining life at the revoke,
     * uniform on (0, TTL] when requests are frequent: worst ≈ TTL (never above), median ≈ TTL/2.
     * Tolerances: worst within 2 s below the TTL, median within 15 % of TTL/2 (about 400 samples).
     */
    @Test
    void twoTokenWorstWindowIsOneShortTtl() {
        SimulationResult r = Simulation.run(StrategyId.TWO_TOKEN,
                frequent(200, 4, Duration.ofSeconds(30)), null);

        WindowStats w = r.windows();
        assertThat(w.count()).isGreaterThan(300);
        assertThat(w.kind()).isEqualTo("bounded");
        assertThat(w.maxMs()).isBetween(28_000L, 30_000L);
        assertThat((double) w.p50Ms()).isCloseTo(15_000, within(15_000 * 0.15));
        assertThat(RevocationBounds.violations(r)).isEmpty();
    }

    @Test
    void statefulAndRevokeAllCloseAtOnceAndStatelessOnlyAtExpiry() {
        for (StrategyId id : StrategyId.values()) {
            SimulationResult r = Simulation.run(id, small(3), null);
            assertThat(RevocationBounds.violations(r)).as(id.id()).isEmpty();
            assertThat(r.windows().count()).as(id.id()).isPositive();
            assertThat(r.attackerRequests()).as(id.id()).isPositive();
            switch (id) {
                case STATEFUL, REVOKE_ALL -> {
                    assertThat(r.windows().maxMs()).isZero();
                    assertThat(r.exposure()).isZero();
                }
                case STATELESS -> {
                    assertThat(r.windows().kind()).isEqualTo("until expiry");
                    assertThat(r.exposure()).isPositive();
                    assertThat(r.dbHits()).isEqualTo(r.logins() + 2 * r.revocations());
                }
                case TWO_TOKEN -> assertThat(r.windows().maxMs()).isLessThanOrEqualTo(30_000);
            }
        }
    }

    @Test
    void statefulPaysAboutOneHitPerRequest() {
        SimulationResult r = Simulation.run(StrategyId.STATEFUL, small(5), null);
        assertThat(r.hitsPerRequest()).isBetween(1.0, 1.2);
    }

    @Test
    void aBrokenBoundIsReported() {
        SimulationResult ok = Simulation.run(StrategyId.TWO_TOKEN, small(3), null);
        SimulationResult tooLong = new SimulationResult(ok.strategy(), Duration.ofSeconds(1),
                ok.accessTtl(), ok.duration(), ok.activeSessionSeconds(), ok.requests(),
                ok.accepted(), ok.refreshes(), ok.logins(), ok.revocations(), ok.dbHits(),
                ok.windows(), ok.attackerRequests(), ok.attackerAccepted(), ok.exposure(),
                ok.events());
        assertThat(RevocationBounds.violations(tooLong)).singleElement().asString()
                .contains("exceeds the short TTL 1 s");
    }

    @Test
    void badParametersNameTheOptionAndTheRange() {
        SimulationSettings s = small(1);
        assertThatThrownBy(() -> new SimulationSettings(0, 1, s.sessionLength(), s.idleMean(),
                0.1, false, 0, 0, 1, s.duration(), s.lab(), 1))
                .hasMessageContaining("--users 0").hasMessageContaining("give 1 to");
        assertThatThrownBy(() -> new SimulationSettings(10, 1, s.sessionLength(), s.idleMean(),
                -0.5, false, 0, 0, 1, s.duration(), s.lab(), 1))
                .hasMessageContaining("--rate").hasMessageContaining("more than 0");
        assertThatThrownBy(() -> new SimulationSettings(10, 1, s.sessionLength(), s.idleMean(),
                0.1, false, -1, 0, 1, s.duration(), s.lab(), 1))
                .hasMessageContaining("--revoke-rate");
        assertThatThrownBy(() -> new SimulationSettings(10, 1, s.sessionLength(), s.idleMean(),
                0.1, false, 0, 0, 1, s.duration(),
                s.lab().withAccessTtl(Duration.ofDays(8)), 1))
                .hasMessageContaining("--access-ttl").hasMessageContaining("--long-ttl");
        assertThatThrownBy(() -> Rates.perSecond("--rate", "3/week"))
                .hasMessageContaining("--rate").hasMessageContaining("unknown unit");
        assertThat(Rates.perSecond("--revoke-rate", "2/h")).isCloseTo(2 / 3600.0, within(1e-12));
        assertThat(Rates.perSecond("--rate", "0.5")).isEqualTo(0.5);
    }
}
