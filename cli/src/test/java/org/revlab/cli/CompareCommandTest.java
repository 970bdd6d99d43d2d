package org.revlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What compare does before and around JMH, without running it: options are checked first,
 * a missing benchmark jar is a sentence saying how to build it, no failed run leaves a folder,
 * and the options reach JMH as parameters.
 */
class CompareCommandTest {

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private String previousHome;

    @BeforeEach
    void pointHomeAtAnEmptyFolder() {
        previousHome = System.getProperty("revlab.home");
        System.setProperty("revlab.home", home.toString());
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) {
            System.clearProperty("revlab.home");
        } else {
            System.setProperty("revlab.home", previousHome);
        }
    }

    private int run(String... args) {
        CommandLine cl = Revlab.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private long runFolders() throws IOException {
        Path runs = home.resolve("results").resolve("runs");
        if (!Files.exists(runs)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(runs)) {
            return s.count();
        }
    }

    @Test
    void aMissingBenchmarkJarSaysHowToBuildItAndWritesNothing() throws IOException {
        assertThat(run("compare", "--quick")).isNotZero();

        assertThat(err.toString()).contains("benchmarks.jar", "mvn -B -q -DskipTests package")
                .doesNotContain("\tat ");
        assertThat(runFolders()).isZero();
    }

    @Test
    void badOptionValuesAreRefusedBeforeAnythingRuns() throws IOException {
        assertThat(run("compare", "--strategy", "stateles")).isEqualTo(2);
        assertThat(run("compare", "--alg", "HS512")).isEqualTo(2);
        assertThat(run("compare", "--rate", "0")).isEqualTo(2);
        assertThat(run("compare", "--short-ttl", "soon")).isEqualTo(2);
        assertThat(run("compare", "--store", "mem,mongo")).isEqualTo(2);
        assertThat(run("compare", "--store", "mem,hsqldb-mem")).isEqualTo(2);

        assertThat(err.toString()).contains("'stateles'", "'HS512'", "--rate 0", "'soon'",
                "--store 'mongo'", "redis://", "twice").doesNotContain("Exception");
        assertThat(runFolders()).isZero();
    }

    @Test
    void aStoppedStoreServerIsOneSentenceWithItsStartCommandBeforeJmhRuns() throws IOException {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }

        assertThat(run("compare", "--quick", "--store", "mem,redis://127.0.0.1:" + closed))
                .isEqualTo(2);

        assertThat(err.toString()).contains("--store redis://127.0.0.1:" + closed,
                "redis-server").doesNotContain("\tat ").doesNotContain("benchmarks.jar");
        assertThat(runFolders()).isZero();
    }

    @Test
    void severalStoresReachJmhAsOneParameterList() {
        CompareCommand c = new CompareCommand();
        new CommandLine(c).parseArgs("--store", "mem,postgres,redis");

        List<String> cmd = c.jmhCommand(home.resolve("b.jar"), home.resolve("jmh.json"));

        assertThat(String.join(" ", cmd)).contains("-p store=mem,postgres,redis");
        assertThat(cmd.get(3)).contains("StoreRoundTripBenchmark\\.ping");
    }

    @Test
    void optionsBecomeJmhParametersAndExtraOptionsComeLast() {
        CompareCommand c = new CompareCommand();
        new CommandLine(c).parseArgs("--strategy", "stateless,two-token", "--alg", "ES256",
                "--short-ttl", "30s,5m", "--rate", "2", "--", "-prof", "stack");

        List<String> cmd = c.jmhCommand(home.resolve("b.jar"), home.resolve("jmh.json"));

        assertThat(String.join(" ", cmd)).contains("-p strategy=stateless,two-token",
                "-p algorithm=ES256", "-p shortTtl=30s,5m", "-p rate=2", "-p store=mem",
                "-prof gc", "-rf json", "-foe true").endsWith("-prof stack");
        assertThat(cmd.get(3)).contains("StrategyBenchmark", "TokenFloorBenchmark",
                "StoreLookupBenchmark");
    }

    @Test
    void quickKeepsTheAcceptingPathAndTheBaselinesWithShortIterations() {
        CompareCommand c = new CompareCommand();
        new CommandLine(c).parseArgs("--quick");

        List<String> cmd = c.jmhCommand(home.resolve("b.jar"), home.resolve("jmh.json"));

        assertThat(cmd.get(3)).contains("StrategyBenchmark\\.accept", "TokenFloorBenchmark",
                "StoreLookupBenchmark");
        assertThat(cmd).containsSubsequence(CompareCommand.QUICK);
        assertThat(String.join(" ", cmd))
                .contains("-p strategy=stateless,stateful,revoke-all,two-token");
    }
}
