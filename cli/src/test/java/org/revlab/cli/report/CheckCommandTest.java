package org.revlab.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revlab.cli.Revlab;

class CheckCommandTest {

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();

    @BeforeEach
    void pointAtHome() {
        System.setProperty("revlab.home", home.toString());
    }

    @AfterEach
    void clearHome() {
        System.clearProperty("revlab.home");
    }

    private int revlab(String... args) {
        return Revlab.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(out))
                .execute(args);
    }

    @Test
    void updateBaselineThenCheckPassesThenASlowedStrategyExitsOne() {
        for (RunKind k : RunKind.values()) {
            Fixtures.run(home, "20261201-000000-" + k.id(), k);
        }
        assertThat(revlab("check", "--update-baseline")).isZero();
        assertThat(home.resolve("results/baseline/compare.json")).isRegularFile();
        assertThat(home.resolve("results/baseline/README.md")).content()
                .contains("20261201-000000-attack");

        assertThat(revlab("check", "--require", "compare,attack,tune")).isZero();
        assertThat(out.toString()).contains("0 failed");

        Fixtures.run(home, "20261203-000000-compare", RunKind.COMPARE,
                Fixtures.scaleCost("two-token", "accept", 2.0));
        assertThat(revlab("check")).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL compare  two-token").contains("REGRESSION");
    }

    @Test
    void withNoRunsTheCheckSkipsUnlessAKindIsRequired() {
        assertThat(revlab("check")).isZero();
        assertThat(out.toString()).contains("SKIP compare  no compare run");
        assertThat(revlab("check", "--require", "attack")).isEqualTo(1);
        assertThat(revlab("check", "--require", "benchmarks")).isEqualTo(2);
        assertThat(out.toString()).contains("'benchmarks' is not a kind of run");
    }
}
