package org.revlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which simulations {@code ./revlab attack --scenario} names and which "all" runs. */
class AttackScenarioTest {

    @Test
    void allLeavesTheOutageOutSoThatCiAndDefaultRunsKeepTheirLength() {
        assertThat(AttackCommand.Scenario.parse("all")).containsExactly(
                AttackCommand.Scenario.THROUGHPUT, AttackCommand.Scenario.STOLEN_TOKEN,
                AttackCommand.Scenario.REVOCATION_TIMING);
    }

    @Test
    void theOutageRunsWhenNamed() {
        assertThat(AttackCommand.Scenario.parse("stolen-token,outage")).containsExactly(
                AttackCommand.Scenario.STOLEN_TOKEN, AttackCommand.Scenario.OUTAGE);
        assertThat(AttackCommand.Scenario.OUTAGE.simulationClass)
                .isEqualTo("org.revlab.loadtest.OutageSimulation");
    }
}
