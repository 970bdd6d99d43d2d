package org.revlab.cli.sim;

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
import org.revlab.cli.Revlab;
import picocli.CommandLine;

class SimulateAndTuneCommandTest {

    private static final String[] SMALL = {"--users", "40", "--devices", "2", "--duration", "10m",
        "--session-length", "10m", "--idle", "5m", "--rate", "0.2", "--revoke-rate", "6/h",
        "--attackers", "20", "--attacker-rate", "0.5/s", "--access-ttl", "5m", "--quiet"};

    @TempDir
    Path home;
    private String previousHome;

    @BeforeEach
    void pointHomeAtTempDir() {
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

    private record Run(int code, String out, String err) {
    }

    private Run revlab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Revlab.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static String[] with(String command, String... extra) {
        return Stream.concat(Stream.concat(Stream.of(command), Stream.of(SMALL)),
                Stream.of(extra)).toArray(String[]::new);
    }

    private List<Path> runs(String kind) throws IOException {
        try (Stream<Path> s = Files.list(home.resolve("results/runs"))) {
            return s.filter(p -> p.getFileName().toString().endsWith("-" + kind)
                    || p.getFileName().toString().contains("-" + kind + "-")).sorted().toList();
        }
    }

    @Test
    void simulateTwiceWritesByteIdenticalCsvAndTheCheckPasses() throws IOException {
        Run first = revlab(with("simulate", "--check", "--short-ttl", "20s"));
        Run second = revlab(with("simulate", "--check", "--short-ttl", "20s", "--threads", "1"));

        assertThat(first.code()).as(first.out() + first.err()).isZero();
        assertThat(second.code()).isZero();
        assertThat(first.out()).contains("check: every strategy kept its revocation bound");
        List<Path> runs = runs("simulate");
        assertThat(runs).hasSize(2);
        byte[] a = Files.readAllBytes(runs.get(0).resolve("simulate.csv"));
        byte[] b = Files.readAllBytes(runs.get(1).resolve("simulate.csv"));
        assertThat(b).isEqualTo(a);
        assertThat(new String(a)).startsWith("strategy,short_ttl_s,").contains("\ntwo-token,20,");
        assertThat(runs.get(0).resolve("summary.json")).content()
                .contains("\"check_passed\" : true", "\"simulated_requests_per_s\"");
        assertThat(runs.get(0).resolve("summary.md")).exists();
    }

    @Test
    void simulateWithAnOutageAddsItsColumnsTwiceTheSameAndTheCheckAssertsNoFalseAccept()
            throws IOException {
        Run first = revlab(with("simulate", "--check", "--outage", "3m+4m"));
        Run second = revlab(with("simulate", "--check", "--outage", "3m+4m", "--threads", "1"));

        assertThat(first.code()).as(first.out() + first.err()).isZero();
        assertThat(second.code()).isZero();
        assertThat(first.out()).contains("avail", "false acc",
                "no false accept in the outage", "check: every strategy kept its revocation bound");
        List<Path> runs = runs("outage");
        assertThat(runs).hasSize(2);
        byte[] a = Files.readAllBytes(runs.get(0).resolve("simulate.csv"));
        assertThat(Files.readAllBytes(runs.get(1).resolve("simulate.csv"))).isEqualTo(a);
        List<String> lines = List.of(new String(a).split("\n"));
        assertThat(lines.get(0)).endsWith(",exposure,outage_start_s,outage_length_s,"
                + "outage_requests,outage_accepted,outage_availability_pct,"
                + "outage_presented_availability_pct,outage_unavailable,outage_waiting_login,"
                + "outage_false_accepts,outage_attacker_requests,outage_attacker_accepted,"
                + "outage_failed_logins,outage_deferred_revokes");
        List<String> header = List.of(lines.get(0).split(","));
        int accepted = header.indexOf("outage_accepted");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertThat(cells[header.indexOf("outage_start_s")]).as(line).isEqualTo("180");
            assertThat(cells[header.indexOf("outage_false_accepts")]).as(line).isEqualTo("0");
            if (line.startsWith("stateful,") || line.startsWith("revoke-all,")) {
                assertThat(cells[accepted]).as(line + " served").isEqualTo("0");
            }
        }
        assertThat(runs.get(0).resolve("summary.json")).content()
                .contains("\"outage\" : \"180s+240s\"", "\"outage_false_accepts\" : 0");
    }

    @Test
    void tuneTwiceGivesTheSameFrontierAChartAndARecommendation() throws IOException {
        Run first = revlab(with("tune", "--ttls", "5s,30s,2m", "--db-budget", "20/s",
                "--hit-cost-us", "40"));
        Run second = revlab(with("tune", "--ttls", "2m,30s,5s", "--db-budget", "20/s",
                "--hit-cost-us", "40", "--threads", "1"));

        assertThat(first.code()).as(first.out() + first.err()).isZero();
        assertThat(second.code()).isZero();
        List<Path> runs = runs("tune");
        byte[] a = Files.readAllBytes(runs.get(0).resolve("frontier.csv"));
        assertThat(Files.readAllBytes(runs.get(1).resolve("frontier.csv"))).isEqualTo(a);
        List<String> lines = List.of(new String(a).split("\n"));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("5,");
        assertThat(lines.get(3)).startsWith("120,");
        assertThat(first.out()).contains("figures: TTL");
        byte[] png = Files.readAllBytes(runs.get(0).resolve("frontier.png"));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        // Shorter TTLs cost more hits: the frontier slopes the way the closed form says.
        double hits5 = Double.parseDouble(lines.get(1).split(",")[4]);
        double hits120 = Double.parseDouble(lines.get(3).split(",")[4]);
        assertThat(hits5).isGreaterThan(hits120 * 4);
    }

    @Test
    void badParametersAreRefusedWithTheOptionAndRangeAndExitTwo() {
        String[][] cases = {
            {"simulate", "--users", "0"},
            {"simulate", "--rate", "-1"},
            {"simulate", "--revoke-rate", "2/week"},
            {"simulate", "--short-ttl", "8d"},
            {"simulate", "--duration", "5x"},
            {"simulate", "--strategy", "two-tokens"},
            {"simulate", "--outage", "10m"},
            {"simulate", "--outage", "9m+5m", "--duration", "10m"},
            {"tune", "--ttls", "30s,9d"},
            {"tune", "--db-budget", "-5/s"},
        };
        String[] names = {"--users", "--rate", "--revoke-rate", "--short-ttl", "--duration",
            "--strategy", "--outage", "--outage", "--ttls", "--db-budget"};
        for (int i = 0; i < cases.length; i++) {
            Run r = revlab(cases[i]);
            assertThat(r.code()).as(String.join(" ", cases[i])).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", cases[i])).contains(names[i])
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(home.resolve("results/runs")).doesNotExist();
    }
}
