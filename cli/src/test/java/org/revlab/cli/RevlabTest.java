package org.revlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The launcher's contract: a known command exits 0, and bad usage (unknown command, unknown
 * option, no command) prints the usage and exits 2.
 */
class RevlabTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Revlab.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void demoRunsEveryStrategyAndExitsZero() {
        assertThat(run("demo")).isEqualTo(0);

        assertThat(out.toString()).contains("stateless", "stateful", "revoke-all", "two-token",
                "revoked");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void anUnknownCommandPrintsTheUsageAndExitsTwo() {
        assertThat(run("frobnicate")).isEqualTo(2);

        assertThat(err.toString()).contains("frobnicate").contains("Usage: revlab");
    }

    @Test
    void anUnknownOptionPrintsTheUsageAndExitsTwo() {
        assertThat(run("demo", "--no-such-option")).isEqualTo(2);

        assertThat(err.toString()).contains("--no-such-option").contains("Usage: revlab demo");
    }

    @Test
    void noCommandAtAllExitsTwo() {
        assertThat(run()).isEqualTo(2);

        assertThat(err.toString()).contains("Name a command.");
    }

    @Test
    void aBadOptionValueIsOneSentenceNotAStackTrace() {
        assertThat(run("demo", "--short-ttl", "soon")).isEqualTo(2);

        assertThat(err.toString()).contains("'soon'").doesNotContain("Exception")
                .doesNotContain("\tat ");
    }
}
