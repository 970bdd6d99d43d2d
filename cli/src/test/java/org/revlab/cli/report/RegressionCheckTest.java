package org.revlab.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revlab.cli.report.CheckResult.Status;

class RegressionCheckTest {

    @TempDir
    Path home;

    private Map<RunKind, RunInfo> baseline() {
        Map<RunKind, RunInfo> b = new EnumMap<>(RunKind.class);
        for (RunKind k : RunKind.values()) {
            b.put(k, Fixtures.run(home, "20261201-000000-" + k.id(), k));
        }
        return b;
    }

    private static List<CheckResult> failures(List<CheckResult> results) {
        return results.stream().filter(r -> r.status() == Status.FAIL).toList();
    }

    private List<CheckResult> checkCompare(java.util.function.Consumer<ObjectNode> edit) {
        RunInfo now = Fixtures.run(home, "20261203-000000-compare", RunKind.COMPARE, edit);
        return RegressionCheck.run(Map.of(RunKind.COMPARE, now), baseline(),
                EnumSet.noneOf(RunKind.class));
    }

    @Test
    void theBaselineAgainstItselfPasses() {
        Map<RunKind, RunInfo> b = baseline();
        List<CheckResult> results = RegressionCheck.run(b, b, RegressionCheck.allKinds());
        assertThat(failures(results)).isEmpty();
        assertThat(results).extracting(CheckResult::status).contains(Status.PASS)
                .doesNotContain(Status.SKIP);
    }

    @Test
    void aMachineThreeTimesSlowerEverywherePasses() {
        assertThat(failures(checkCompare(Fixtures.scaleCost(null, null, 3.0)))).isEmpty();
    }

    @Test
    void noiseWithinTheToleranceIsReportedButPasses() {
        List<CheckResult> results = checkCompare(Fixtures.scaleCost("revoke-all", "accept", 1.3));
        assertThat(failures(results)).isEmpty();
        assertThat(results).anySatisfy(r -> assertThat(r.line())
                .contains("revoke-all").contains("÷ stateless").contains("up ×1.30"));
    }

    @Test
    void aStrategySlowedTwiceFailsOnItsRatioToStateless() {
        List<CheckResult> fails = failures(checkCompare(
                Fixtures.scaleCost("revoke-all", "accept", 2.0)));
        assertThat(fails).hasSize(1);
        assertThat(fails.get(0).subject()).contains("revoke-all").contains("÷ stateless");
        assertThat(fails.get(0).detail()).contains("1.33 → 2.67").contains("SLOWER");
    }

    @Test
    void aRunNamingTheStoreMemMatchesABaselineThatNamedItHsqldbMem() {
        // Regression from a new-user trial: the rename made every compare check a silent skip.
        java.util.function.Consumer<ObjectNode> renamed = s -> s.path("rows").forEach(row -> {
            if ("hsqldb-mem".equals(row.path("store").asText())) {
                ((ObjectNode) row).put("store", "mem");
            }
        });
        List<CheckResult> results = checkCompare(
                renamed.andThen(Fixtures.scaleCost("revoke-all", "accept", 2.0)));
        assertThat(results).noneMatch(r -> r.detail().contains("not in the baseline"));
        assertThat(failures(results)).anySatisfy(r -> assertThat(r.subject())
                .contains("revoke-all").contains("mem"));
    }

    @Test
    void aQuickRunFailsATimeRatioOnlyBeyondItsWiderLimit() {
        java.util.function.Consumer<ObjectNode> quick = s -> {
            ObjectNode params = s.get("parameters") instanceof ObjectNode p ? p
                    : s.putObject("parameters");
            params.put("quick", true);
        };
        assertThat(failures(checkCompare(
                quick.andThen(Fixtures.scaleCost("revoke-all", "accept", 2.0))))).isEmpty();

        List<CheckResult> fails = failures(checkCompare(
                quick.andThen(Fixtures.scaleCost("revoke-all", "accept", 3.0))));
        assertThat(fails).hasSize(1);
        assertThat(fails.get(0).detail()).contains("limit ×2.50").contains("SLOWER");
    }

    @Test
    void doingTheTokenWorkTwiceFailsOnAllocationWhateverTheTimesSay() {
        List<CheckResult> fails = failures(checkCompare(Fixtures.scaleBytes("two-token", 2.0)));
        assertThat(fails).singleElement().satisfies(r -> assertThat(r.line())
                .contains("two-token").contains("bytes ÷ stateless").contains("1.00 → 2.00")
                .contains("MORE WORK"));
        assertThat(failures(checkCompare(Fixtures.scaleBytes("two-token", 1.1)))).isEmpty();
    }

    @Test
    void aMoveWithinWideErrorBarsIsInconclusiveNotAFailure() {
        List<CheckResult> results = checkCompare(Fixtures.scaleCost("revoke-all", "accept", 2.0)
                .andThen(Fixtures.set("rows", "revoke-all", null, "usError", 30.0)));
        assertThat(failures(results)).isEmpty();
        assertThat(results).anySatisfy(r -> assertThat(r.detail()).contains("inconclusive")
                .contains("±30 µs"));
    }

    @Test
    void statelessSlowedTwiceFailsAgainstBareJjwt() {
        List<CheckResult> fails = failures(checkCompare(
                Fixtures.scaleCost("stateless", "accept", 2.0)));
        assertThat(fails).extracting(CheckResult::subject)
                .containsExactly("stateless HS256 hsqldb-mem @1/s µs ÷ jjwt bare parse");
    }

    @Test
    void statefulSlowedTwiceFailsAgainstTheBareLookup() {
        List<CheckResult> fails = failures(checkCompare(
                Fixtures.scaleCost("stateful", "accept", 2.0)));
        assertThat(fails).extracting(CheckResult::subject)
                .containsExactly("stateful HS256 hsqldb-mem @1/s µs ÷ bare lookup");
    }

    @Test
    void aSecondDatabaseHitPerRequestFailsTheExactBound() {
        List<CheckResult> fails = failures(checkCompare(
                Fixtures.set("rows", "revoke-all", null, "dbHitsPerOp", 2.0)));
        assertThat(fails).singleElement().satisfies(r -> assertThat(r.line())
                .contains("revoke-all").contains("db hits/request").contains("2 measured"));
    }

    @Test
    void statelessTouchingTheStoreAtAllFails() {
        assertThat(failures(checkCompare(
                Fixtures.set("rows", "stateless", null, "dbHitsPerOp", 0.001))))
                .singleElement().satisfies(r -> assertThat(r.subject()).startsWith("stateless"));
    }

    @Test
    void twoTokenRefreshingTwiceAsOftenAsItsTtlAllowsFails() {
        assertThat(failures(checkCompare(
                Fixtures.set("rows", "two-token", null, "dbHitsPerOp", 2 / 60.0))))
                .singleElement().satisfies(r -> assertThat(r.subject()).startsWith("two-token"));
    }

    @Test
    void aQuickRunsFewRequestsWidenTheHitBoundByOneWritePerIteration() throws Exception {
        // 10 refreshes in 664 requests over 2 iterations: 11.07 expected, 2 edges allowed.
        java.util.function.Consumer<ObjectNode> fewer =
                Fixtures.set("rows", "two-token", null, "dbHitsPerOp", 10 / 664.0);
        assertThat(failures(checkCompare(fewer))).hasSize(1);

        RunInfo now = Fixtures.run(home, "20261203-000000-compare", RunKind.COMPARE, fewer);
        java.nio.file.Files.writeString(now.dir().resolve("jmh.json"), "[{\"benchmark\":"
                + "\"org.revlab.bench.StrategyBenchmark.accept\",\"forks\":1,"
                + "\"measurementIterations\":2,\"params\":{\"strategy\":\"two-token\","
                + "\"algorithm\":\"HS256\",\"store\":\"hsqldb-mem\",\"shortTtl\":\"60s\","
                + "\"rate\":\"1\"},\"secondaryMetrics\":{\"requests\":{\"score\":664}}}]");
        List<CheckResult> results = RegressionCheck.compare(RunCatalog.load(now.dir()), null);
        assertThat(failures(results)).isEmpty();
        assertThat(results).anySatisfy(r -> assertThat(r.detail())
                .contains("2 over 664 requests"));
    }

    @Test
    void twoTokenHitsFollowOneRefreshPerShortTtl() {
        Figures.CompareRow r = new Figures.CompareRow("two-token", "HS256", "m", "30s", 2, "accept",
                1, 0, 0);
        double[] expected = RegressionCheck.expectedHits(r, 60);
        assertThat(expected[0]).isEqualTo(1 / 60.0);
        assertThat(expected[1]).isEqualTo(1 / 58.0);
    }

    @Test
    void gatlingWindowBeyondShortTtlPlusOneIntervalFails() {
        RunInfo now = Fixtures.run(home, "20261203-000000-attack", RunKind.ATTACK, s -> s
                .withArray("results").forEach(r -> {
                    if ("two-token".equals(r.path("strategy").asText())
                            && "revocation-timing".equals(r.path("scenario").asText())) {
                        ((ObjectNode) r.path("windowMs")).put("max", 2251);
                    }
                }));
        List<CheckResult> fails = failures(RegressionCheck.attack(now, null));
        assertThat(fails).singleElement().satisfies(r -> assertThat(r.detail())
                .contains("2251").contains("= 2250 ms"));
    }

    @Test
    void anyExposureAfterAnImmediateRevokeFails() {
        RunInfo now = Fixtures.run(home, "20261203-000000-attack", RunKind.ATTACK,
                Fixtures.set("results", "stateful", "revocation-timing", "exposure", 1));
        assertThat(failures(RegressionCheck.attack(now, null))).singleElement()
                .satisfies(r -> assertThat(r.subject()).isEqualTo("stateful revocation-timing"));
    }

    @Test
    void aStatelessThiefNoLongerStayingInIsAChangeOfBehaviour() {
        RunInfo now = Fixtures.run(home, "20261203-000000-attack", RunKind.ATTACK,
                Fixtures.set("results", "stateless", "revocation-timing", "exposure", 0));
        assertThat(failures(RegressionCheck.attack(now, null))).hasSize(1);
    }

    @Test
    void throughputFallingBehindTheUnauthenticatedBaselineFails() {
        RunInfo base = Fixtures.run(home, "20261201-000000-attack", RunKind.ATTACK);
        RunInfo now = Fixtures.run(home, "20261203-000000-attack", RunKind.ATTACK,
                Fixtures.set("results", "revoke-all", "throughput", "throughputRps", 60));
        assertThat(failures(RegressionCheck.attack(now, base))).singleElement()
                .satisfies(r -> assertThat(r.subject()).contains("revoke-all throughput"));
    }

    @Test
    void simulatedTwoTokenWindowLongerThanItsTtlFails() {
        RunInfo now = Fixtures.run(home, "20261203-000000-simulate", RunKind.SIMULATE,
                Fixtures.set("results", "two-token", null, "window_max_s", 30.5));
        assertThat(failures(RegressionCheck.sim(now, null))).singleElement()
                .satisfies(r -> assertThat(r.detail()).contains("≤ short TTL 30 s"));
    }

    @Test
    void simulatorHitsMovingUnderTheSameTrafficFail() {
        RunInfo base = Fixtures.run(home, "20261201-000000-simulate", RunKind.SIMULATE);
        RunInfo now = Fixtures.run(home, "20261203-000000-simulate", RunKind.SIMULATE,
                Fixtures.set("results", "revoke-all", null, "db_hits_per_s", 100));
        assertThat(failures(RegressionCheck.sim(now, base))).singleElement()
                .satisfies(r -> assertThat(r.subject()).isEqualTo("revoke-all db hits/s"));
    }

    @Test
    void differentTrafficSkipsTheHitsComparisonButKeepsTheBounds() {
        RunInfo base = Fixtures.run(home, "20261201-000000-simulate", RunKind.SIMULATE);
        RunInfo now = Fixtures.run(home, "20261203-000000-simulate", RunKind.SIMULATE,
                s -> ((ObjectNode) s.path("parameters")).put("users", 50));
        List<CheckResult> results = RegressionCheck.sim(now, base);
        assertThat(results).filteredOn(r -> r.subject().endsWith("db hits/s"))
                .allMatch(r -> r.status() == Status.SKIP).hasSize(4);
        assertThat(results).filteredOn(r -> r.status() == Status.PASS).hasSize(4);
    }

    @Test
    void aLongerShortTtlThatCostsMoreFailsTheFrontier() {
        RunInfo now = Fixtures.run(home, "20261203-000000-tune", RunKind.TUNE, s ->
                ((ObjectNode) s.withArray("frontier").get(3)).put("db_hits_per_s", 40.0));
        assertThat(failures(RegressionCheck.sim(now, null))).singleElement()
                .satisfies(r -> assertThat(r.subject()).contains("from short TTL 30 s to 60 s"));
    }

    @Test
    void aMissingKindIsSkippedUnlessRequired() {
        RunInfo now = Fixtures.run(home, "20261203-000000-compare", RunKind.COMPARE);
        Map<RunKind, RunInfo> current = Map.of(RunKind.COMPARE, now);
        List<CheckResult> lenient = RegressionCheck.run(current, baseline(),
                EnumSet.noneOf(RunKind.class));
        assertThat(RegressionCheck.failed(lenient)).isFalse();
        assertThat(lenient).filteredOn(r -> r.status() == Status.SKIP)
                .extracting(CheckResult::subject)
                .contains("no attack run", "no simulate run", "no tune run");

        List<CheckResult> strict = RegressionCheck.run(current, baseline(),
                EnumSet.of(RunKind.ATTACK));
        assertThat(failures(strict)).singleElement().satisfies(r -> assertThat(r.line())
                .contains("no attack run").contains("./revlab attack"));
    }
}
