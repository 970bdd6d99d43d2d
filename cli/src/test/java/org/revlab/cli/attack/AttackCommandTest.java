package org.revlab.cli.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revlab.cli.AttackCommand;
import org.revlab.cli.Revlab;
import picocli.CommandLine;

/** Bad options stop {@code ./revlab attack} with one sentence before any simulation starts. */
class AttackCommandTest {

    private static String[] run(String... args) {
        CommandLine cl = Revlab.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), err.toString()};
    }

    @Test
    void aMisspeltStrategyListsTheValidOnes() {
        String[] r = run("attack", "--strategy", "two_token");

        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("two_token").contains("stateless, stateful, revoke-all,"
                + " two-token");
    }

    @Test
    void anUnknownScenarioNamesTheAcceptedOnes() {
        String[] r = run("attack", "--strategy", "stateful", "--scenario", "flood");

        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("--scenario 'flood'").contains("revocation-timing");
    }

    @Test
    void theOutageScenarioRefusesAnExternalServer() {
        String[] r = run("attack", "--strategy", "stateful", "--scenario", "outage",
                "--target", "http://127.0.0.1:8080");

        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("--scenario outage").contains("--target");
    }

    @Test
    void anOutageOutOfRangeIsRefused() {
        String[] r = run("attack", "--strategy", "stateful", "--scenario", "outage",
                "--outage", "2m");

        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("--outage 2m").contains("500ms to 1m");
    }

    @Test
    void anExternalTargetNeedsExactlyOneStrategy() {
        String[] r = run("attack", "--target", "http://127.0.0.1:8080");

        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("--target serves one strategy");
    }

    @Test
    void aTargetOffTheLoopbackIsRefused() {
        String[] r = run("attack", "--strategy", "stateful", "--target", "http://10.0.0.5:80");

        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("http://10.0.0.5:80").contains("127.0.0.1");
    }

    @Test
    void aBadDurationNamesTheOption() {
        String[] r = run("attack", "--strategy", "stateful", "--short-ttl", "2 seconds");

        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("--short-ttl").contains("2 seconds");
    }

    @Test
    void severalNodesNeedAStoreTheyCanShare() {
        String[] none = run("attack", "--nodes", "2");
        String[] mem = run("attack", "--nodes", "2", "--store", "mem");
        String[] both = run("attack", "--strategy", "stateful", "--store", "redis", "--target",
                "http://127.0.0.1:8080");
        String[] many = run("attack", "--nodes", "12", "--store", "redis");

        assertThat(none[0]).isEqualTo("2");
        assertThat(none[1]).contains("--nodes 2 needs --store postgres or --store redis");
        assertThat(mem[0]).isEqualTo("2");
        assertThat(mem[1]).contains("--store mem lives inside one process");
        assertThat(both[0]).isEqualTo("2");
        assertThat(both[1]).contains("--target").contains("one or the other");
        assertThat(many[0]).isEqualTo("2");
        assertThat(many[1]).contains("--nodes 12 is out of range");
    }

    @Test
    void aZeroIntervalIsRefusedWithTheSimulationsRange() {
        String[] r = run("attack", "--strategy", "stateful", "--interval", "0ms");

        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("--interval 0ms is out of range; give 10ms to 10s")
                .doesNotContain("revlab.").doesNotContain("PT0S");
    }

    @Test
    void aNegativeDurationIsRefused() {
        String[] r = run("attack", "--duration", "-5s");

        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("--duration -5s is out of range; give 1s to 1h");
    }

    @Test
    void tooManyPairsIsRefusedWithTheSimulationsLimit() {
        String[] r = run("attack", "--strategy", "stateful", "--pairs", "5000");

        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("--pairs 5000 is out of range; give 1 to 2000");
    }

    @Test
    void aTooShortTokenLifetimeNamesTheOption() {
        String[] r = run("attack", "--strategy", "two-token", "--short-ttl", "0s",
                "--access-ttl", "4s");

        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("--short-ttl").contains("too short");
    }

    @Test
    void aTargetWhereNothingListensIsRefusedAndWritesNothing(@TempDir Path home)
            throws IOException {
        Files.createDirectories(home.resolve("loadtest"));
        Files.writeString(home.resolve("loadtest").resolve("pom.xml"), "<project/>");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String before = System.getProperty("revlab.home");
        System.setProperty("revlab.home", home.toString());
        String[] r;
        try {
            r = run("attack", "--strategy", "stateful", "--scenario", "stolen-token",
                    "--target", "http://127.0.0.1:" + port);
        } finally {
            if (before == null) {
                System.clearProperty("revlab.home");
            } else {
                System.setProperty("revlab.home", before);
            }
        }

        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("Nothing answers at http://127.0.0.1:" + port + "/health")
                .contains("./revlab serve").contains("drop --target");
        assertThat(home.resolve("results")).doesNotExist();
    }

    @Test
    void aSimulationWithoutAVerdictIsAFailedRunNotABrokenBound() {
        Map<String, Object> held = Map.of("passed", true);
        Map<String, Object> broke = Map.of("passed", false);

        assertThat(AttackCommand.runItselfFailed(1, null)).isTrue();
        assertThat(AttackCommand.runItselfFailed(0, null)).isTrue();
        assertThat(AttackCommand.runItselfFailed(124, broke)).isTrue();
        assertThat(AttackCommand.runItselfFailed(1, held)).isTrue();
        assertThat(AttackCommand.runItselfFailed(1, broke)).isFalse();
        assertThat(AttackCommand.runItselfFailed(0, broke)).isFalse();
        assertThat(AttackCommand.runItselfFailed(0, held)).isFalse();
    }
}
