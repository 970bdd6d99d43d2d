package org.revlab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.revlab.core.LabSettings;
import org.revlab.core.StrategyId;

class OutageSimulationTest {

    private static final Outage FIVE_AT_FIVE = new Outage(Duration.ofMinutes(5),
            Duration.ofMinutes(5));

    /**
     * Sessions that outlast the run and tokens that outlast the outage (an hour): no device
     * needs to log in during it, so what is refused is refused for want of the store alone.
     */
    private static SimulationSettings steady(Duration shortTtl) {
        return new SimulationSettings(40, 1, Duration.ofDays(30), Duration.ZERO, 1.0, false,
                0, 10, 1.0, Duration.ofMinutes(15),
                LabSettings.DEFAULTS.withShortTtl(shortTtl).withAccessTtl(Duration.ofHours(1))
                        .withLongTtl(Duration.ofDays(7)), 3, FIVE_AT_FIVE);
    }

    private static OutageStats outage(StrategyId id, SimulationSettings s) {
        OutageStats o = Simulation.run(id, s, null).outage();
        assertThat(o).as(id.id()).isNotNull();
        assertThat(o.requests()).as(id.id() + " outage requests").isGreaterThan(1000);
        return o;
    }

    @Test
    void statefulAndRevokeAllServeNothingWhileTheStoreIsDown() {
        for (StrategyId id : new StrategyId[] {StrategyId.STATEFUL, StrategyId.REVOKE_ALL}) {
            OutageStats o = outage(id, steady(Duration.ofSeconds(30)));
            assertThat(o.accepted()).as(id.id()).isZero();
            assertThat(o.unavailable()).as(id.id()).isEqualTo(o.requests());
            assertThat(o.attackerAccepted()).as(id.id()).isZero();
            assertThat(o.availabilityPercent()).as(id.id()).isZero();
            assertThat(o.falseAccepts()).as(id.id()).isZero();
        }
    }

    @Test
    void statelessServesEveryRequestThroughTheOutage() {
        OutageStats o = outage(StrategyId.STATELESS, steady(Duration.ofSeconds(30)));
        assertThat(o.accepted()).isEqualTo(o.requests());
        assertThat(o.availabilityPercent()).isEqualTo(100.0);
        assertThat(o.attackerAccepted()).isEqualTo(o.attackerRequests()).isPositive();
        assertThat(o.falseAccepts()).isZero();
    }

    @Test
    void twoTokenServesValidShortTokensAndRefusesRefreshes() {
        // A 2-minute short TTL inside a 5-minute outage: every device is served until its short
        // token expires, then refused until the store returns, so at most 2 of the 5 minutes
        // (40 %) can be served.
        OutageStats o = outage(StrategyId.TWO_TOKEN, steady(Duration.ofMinutes(2)));
        assertThat(o.accepted()).isPositive();
        assertThat(o.unavailable()).isPositive();
        assertThat(o.accepted() + o.unavailable()).isEqualTo(o.requests());
        assertThat(o.availabilityPercent()).isBetween(5.0, 40.0);
        assertThat(o.falseAccepts()).isZero();

        // A 4-minute short TTL serves more, and at most 4 of the 5 minutes.
        OutageStats longer = outage(StrategyId.TWO_TOKEN, steady(Duration.ofMinutes(4)));
        assertThat(longer.availabilityPercent()).isGreaterThan(o.availabilityPercent())
                .isLessThanOrEqualTo(80.0);
        assertThat(longer.falseAccepts()).isZero();
    }

    @Test
    void everyStrategyKeepsItsBoundsAndAcceptsNothingFalselyInAnOutageWithRevokes() {
        SimulationSettings s = SimulationTest.small(5).withOutage(FIVE_AT_FIVE);
        for (StrategyId id : StrategyId.values()) {
            SimulationResult r = Simulation.run(id, s, null);
            assertThat(r.outage().falseAccepts()).as(id.id()).isZero();
            assertThat(r.outage().failedLogins()).as(id.id()).isPositive();
            assertThat(r.outage().deferredRevokes()).as(id.id()).isPositive();
            assertThat(RevocationBounds.violations(r)).as(id.id()).isEmpty();
        }
    }

    @Test
    void aFalseAcceptInTheOutageBreaksTheCheck() {
        SimulationResult ok = Simulation.run(StrategyId.STATEFUL,
                SimulationTest.small(5).withOutage(FIVE_AT_FIVE), null);
        OutageStats o = ok.outage();
        OutageStats bad = new OutageStats(o.outage(), o.requests(), o.accepted() + 1,
                o.unavailable(), o.waitingForLogin(), 1, o.attackerRequests(),
                o.attackerAccepted(), o.failedLogins(), o.deferredRevokes());
        SimulationResult broken = new SimulationResult(ok.strategy(), ok.shortTtl(),
                ok.accessTtl(), ok.duration(), ok.activeSessionSeconds(), ok.requests(),
                ok.accepted(), ok.refreshes(), ok.logins(), ok.revocations(), ok.dbHits(),
                ok.windows(), ok.attackerRequests(), ok.attackerAccepted(), ok.exposure(),
                ok.events(), bad);
        assertThat(RevocationBounds.violations(broken)).anyMatch(v -> v.contains("outage"));
    }

    @Test
    void theSameSeedGivesTheSameRowWithAnOutageAndTheOutageColumnsOnlyThen() {
        SimulationSettings plain = SimulationTest.small(9);
        SimulationSettings down = plain.withOutage(FIVE_AT_FIVE);
        for (StrategyId id : StrategyId.values()) {
            String first = Simulation.run(id, down, null).csvRow();
            assertThat(Simulation.run(id, down, null).csvRow()).as(id.id()).isEqualTo(first);
            assertThat(first.split(",")).as(id.id())
                    .hasSize(SimulationResult.csvColumns(true).size());
            SimulationResult without = Simulation.run(id, plain, null);
            assertThat(without.outage()).isNull();
            assertThat(without.csvRow().split(",")).hasSize(SimulationResult.CSV_COLUMNS.size());
        }
    }

    @Test
    void outagesAreParsedAndBadOnesNamedWithTheAcceptedForm() {
        Outage o = Outage.parse("10m+5m");
        assertThat(o.start()).isEqualTo(Duration.ofMinutes(10));
        assertThat(o.end()).isEqualTo(Duration.ofMinutes(15));
        assertThat(o.text()).isEqualTo("600s+300s");
        for (String bad : new String[] {"10m", "10m+", "+5m", "10m+5x", "-1m+5m", "10m+0s",
            "1m+2m+3m", ""}) {
            assertThatThrownBy(() -> Outage.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("--outage").hasMessageContaining("10m+5m");
        }
        assertThatThrownBy(() -> SimulationTest.small(1)
                .withOutage(new Outage(Duration.ofMinutes(18), Duration.ofMinutes(5))))
                .hasMessageContaining("--outage").hasMessageContaining("--duration");
    }
}
