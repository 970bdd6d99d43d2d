package org.revlab.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings' ranges, which the CLI's attack command checks through the same code. */
class AttackSettingsTest {

    private static AttackSettings from(Map<String, String> props) {
        return AttackSettings.from(props::get);
    }

    @Test
    void defaultsAreAccepted() {
        AttackSettings s = from(Map.of("revlab.strategy", "stateful"));

        assertThat(s.interval()).isEqualTo(Duration.ofMillis(250));
        assertThat(s.duration()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aZeroIntervalIsOutOfRange() {
        assertThatThrownBy(() -> from(Map.of("revlab.interval", "0ms")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("revlab.interval 0ms is out of range; give 10ms to 10s");
    }

    @Test
    void aNegativeOrZeroDurationIsOutOfRange() {
        assertThatThrownBy(() -> from(Map.of("revlab.duration", "-5s")))
                .hasMessageContaining("revlab.duration -5s is out of range; give 1s to 1h");
        assertThatThrownBy(() -> from(Map.of("revlab.spread", "0s")))
                .hasMessageContaining("revlab.spread 0ms is out of range");
    }
}
