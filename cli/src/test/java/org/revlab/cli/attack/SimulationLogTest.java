package org.revlab.cli.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The cause shown for a failed simulation is the log's first line that names an error. */
class SimulationLogTest {

    @Test
    void aRefusedConnectionIsTheCause() {
        List<String> log = List.of(
                "Simulation org.revlab.loadtest.StolenTokenSimulation started...",
                "",
                "java.net.ConnectException: Connection refused",
                "\tat java.base/sun.nio.ch.Net.connect0(Native Method)",
                "[ERROR] Failed to execute goal io.gatling:gatling-maven-plugin");

        assertThat(SimulationLog.cause(log)).isEqualTo("java.net.ConnectException: Connection"
                + " refused");
    }

    @Test
    void aSettingRejectedAtStartUpIsTheCause() {
        List<String> log = List.of(
                "[ERROR] ",
                "Exception in thread \"main\" java.lang.IllegalArgumentException: revlab.interval"
                        + " 0s is out of range; give 10ms to 10s.",
                "\tat org.revlab.loadtest.AttackSettings.validate(AttackSettings.java:90)");

        assertThat(SimulationLog.cause(log)).contains("revlab.interval 0s is out of range");
    }

    @Test
    void aLogWithoutAnErrorSaysSo() {
        assertThat(SimulationLog.cause(List.of("Simulation started", "waiting")))
                .isEqualTo("the log names no error");
    }
}
