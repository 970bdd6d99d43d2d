package org.revlab.cli.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasuredHitCostTest {

    @TempDir
    Path home;

    @Test
    void takesTheNewestCompareRunThatMeasuredTheStore() throws IOException {
        summary("20261203-100000-compare", "postgres", 80.0);
        summary("20261203-110000-compare", "postgres", 60.0);
        summary("20261203-120000-compare", "redis", 90.0);

        MeasuredHitCost cost = MeasuredHitCost.find(home, "postgres");

        assertThat(cost.micros()).isEqualTo(60.0);
        assertThat(cost.run()).isEqualTo("20261203-110000-compare");
    }

    @Test
    void oldRunsNamingTheInMemoryStoreHsqldbMemCount() throws IOException {
        summary("20261203-100000-compare", "hsqldb-mem", 2.5);

        assertThat(MeasuredHitCost.find(home, "mem").micros()).isEqualTo(2.5);
    }

    @Test
    void fallsBackToTheBaseline() throws IOException {
        Path baseline = Files.createDirectories(home.resolve("results/baseline"));
        Files.writeString(baseline.resolve("compare.json"), json("baseline-run", "redis", 70.0));

        assertThat(MeasuredHitCost.find(home, "redis").micros()).isEqualTo(70.0);
    }

    @Test
    void aStoreNeverMeasuredSaysWhichCommandMeasuresIt() throws IOException {
        summary("20261203-100000-compare", "mem", 2.5);

        assertThatThrownBy(() -> MeasuredHitCost.find(home, "redis"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("./revlab compare --quick --store redis")
                .hasMessageContaining("--hit-cost-us");
    }

    private void summary(String run, String store, double us) throws IOException {
        Path dir = Files.createDirectories(home.resolve("results/runs").resolve(run));
        Files.writeString(dir.resolve("summary.json"), json(run, store, us));
    }

    private static String json(String run, String store, double us) {
        return "{\"run\":\"" + run + "\",\"rows\":["
                + "{\"store\":\"" + store + "\",\"mode\":\"round-trip\",\"usPerOp\":1.0},"
                + "{\"store\":\"" + store + "\",\"mode\":\"store-find-session\",\"usPerOp\":"
                + us + "}]}";
    }
}
