package org.revlab.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revlab.cli.Revlab;

class ReportTest {

    @TempDir
    Path home;

    @Test
    void theNewestRunOfEachKindIsChosenAndUnfinishedOnesAreIgnored() throws Exception {
        Fixtures.run(home, "20261201-000000-compare", RunKind.COMPARE);
        Fixtures.run(home, "20261202-000000-compare", RunKind.COMPARE);
        Files.createDirectories(home.resolve("results/runs/.20261203-000000-compare.partial"));
        Files.createDirectories(home.resolve("results/runs/20261204-000000-compare"));
        Map<RunKind, RunInfo> chosen = new RunCatalog(home).select(List.of());
        assertThat(chosen).containsOnlyKeys(RunKind.COMPARE);
        assertThat(chosen.get(RunKind.COMPARE).name()).isEqualTo("20261202-000000-compare");

        assertThat(new RunCatalog(home).select(List.of("20261201-000000-compare"))
                .get(RunKind.COMPARE).name()).isEqualTo("20261201-000000-compare");
        assertThatThrownBy(() -> new RunCatalog(home).select(List.of("nope")))
                .hasMessageContaining("no run folder 'nope'");
    }

    @Test
    void aReportFromOneKindSaysPlainlyWhatIsMissing() throws Exception {
        RunInfo compare = Fixtures.run(home, "20261203-000000-compare", RunKind.COMPARE);
        Path md = new Report(Map.of(RunKind.COMPARE, compare), home.resolve("results"),
                new PrintWriter(new StringWriter())).write();
        String text = Files.readString(md);
        assertThat(text).contains("No attack run yet: run `./revlab attack`")
                .contains("No tune run yet: run `./revlab tune`")
                .contains("Source: `results/runs/20261203-000000-compare`, command"
                        + " `./revlab compare`")
                .contains("![cost per request, HS256](report/cost-HS256.png)");
        assertThat(home.resolve("results/report/cost-HS256.png")).isRegularFile();
        assertThat(home.resolve("results/report/frontier.png")).doesNotExist();
    }

    @Test
    void everyChartIsAReadablePngWhenEveryKindIsPresent() throws Exception {
        for (RunKind k : RunKind.values()) {
            Fixtures.run(home, "20261203-000000-" + k.id(), k);
        }
        System.setProperty("revlab.home", home.toString());
        try {
            StringWriter out = new StringWriter();
            int code = Revlab.commandLine().setOut(new PrintWriter(out)).execute("report");
            assertThat(code).isZero();
        } finally {
            System.clearProperty("revlab.home");
        }
        for (String png : List.of("cost-HS256.png", "db-hits.png", "windows.png",
                "frontier.png", "throughput.png")) {
            var image = ImageIO.read(home.resolve("results/report").resolve(png).toFile());
            assertThat(image.getWidth()).as(png).isGreaterThanOrEqualTo(Charts.WIDTH);
        }
        String text = Files.readString(home.resolve("results/REPORT.md"));
        assertThat(text).doesNotContain("run yet").contains("Break-even");
    }

    /** Keeps only the attack results of {@code keep}, renamed to {@code as}. */
    private static java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode>
            onlyScenario(String keep, String as) {
        return s -> {
            var results = s.withArray("results");
            for (int i = results.size() - 1; i >= 0; i--) {
                var r = (com.fasterxml.jackson.databind.node.ObjectNode) results.get(i);
                if (keep.equals(r.path("scenario").asText())) {
                    r.put("scenario", as);
                } else {
                    results.remove(i);
                }
            }
        };
    }

    @Test
    void anAttackWithOnlyStolenTokenShowsItsWindowsAndSaysWhereTheyCameFrom() throws Exception {
        RunInfo att = Fixtures.run(home, "20261203-000000-attack", RunKind.ATTACK,
                onlyScenario("revocation-timing", "stolen-token"));
        Path md = new Report(Map.of(RunKind.ATTACK, att), home.resolve("results"),
                new PrintWriter(new StringWriter())).write();
        String text = Files.readString(md);

        assertThat(text).contains("Gatling, stolen-token scenario (ms)")
                .contains("no revocation-timing scenario, so these windows come from its"
                        + " stolen-token scenario")
                .containsPattern("\\| stateful \\| [0-9]")
                .contains("![revocation windows](report/windows.png)");
        assertThat(home.resolve("results/report/windows.png")).isRegularFile();
    }

    @Test
    void anAttackWithoutWindowScenariosSaysSoInsteadOfABlankChart() throws Exception {
        RunInfo att = Fixtures.run(home, "20261203-000000-attack", RunKind.ATTACK,
                onlyScenario("throughput", "throughput"));
        Path md = new Report(Map.of(RunKind.ATTACK, att), home.resolve("results"),
                new PrintWriter(new StringWriter())).write();
        String text = Files.readString(md);

        assertThat(text).contains("has neither a revocation-timing nor a stolen-token scenario")
                .doesNotContain("Gatling, revocation-timing scenario")
                .doesNotContain("report/windows.png");
        assertThat(home.resolve("results/report/windows.png")).doesNotExist();
    }
}
