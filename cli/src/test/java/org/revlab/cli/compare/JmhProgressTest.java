package org.revlab.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Progress lines come from JMH's own output: one per finished benchmark, none otherwise. */
class JmhProgressTest {

    @Test
    void reportsABenchmarkWhenItsResultIsPrinted() {
        JmhProgress p = new JmhProgress();

        assertThat(p.feed("# Benchmark: org.revlab.bench.StrategyBenchmark.accept")).isEmpty();
        assertThat(p.feed("# Parameters: (algorithm = HS256, rate = 1, strategy = stateful)"))
                .isEmpty();
        assertThat(p.feed("# Run progress: 25.00% complete, ETA 00:02:10")).isEmpty();
        assertThat(p.feed("Iteration   1: 4.1 us/op")).isEmpty();
        assertThat(p.feed("Result \"org.revlab.bench.StrategyBenchmark.accept\":")).isEmpty();
        Optional<String> line = p.feed("  4.123 ±(99.9%) 0.2 us/op [Average]");

        assertThat(line).hasValueSatisfying(l -> assertThat(l)
                .contains("[ 1]", "StrategyBenchmark.accept", "HS256 1 stateful", "4.123",
                        "ETA 00:02:10"));
        assertThat(p.finished()).isEqualTo(1);
        assertThat(p.feed("  40.0 B/op")).isEmpty();
    }
}
