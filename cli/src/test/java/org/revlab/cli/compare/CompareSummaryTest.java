package org.revlab.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The summary logic on a small committed JMH file whose scores were set by hand (round numbers,
 * so every ratio is known): rows, ratios, and each of the four targets met or missed. No timing
 * is taken here.
 */
class CompareSummaryTest {

    private static final Duration LAST_SEEN = Duration.ofMinutes(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode fixture() throws IOException {
        try (InputStream in = CompareSummaryTest.class.getResourceAsStream(
                "/compare/jmh-small.json")) {
            return JSON.readTree(in);
        }
    }

    private static SummaryRow row(CompareSummary s, String strategy, String mode) {
        return s.rows().stream().filter(r -> mode.equals(r.mode())
                && java.util.Objects.equals(strategy, r.strategy())).findFirst().orElseThrow();
    }

    private static List<TargetResult> targets(CompareSummary s, String id) {
        return s.targets().stream().filter(t -> t.target().equals(id)).toList();
    }

    @Test
    void readsOneRowPerBenchmarkWithPerRequestFigures() throws IOException {
        CompareSummary s = CompareSummary.fromJmh(fixture(), LAST_SEEN);

        assertThat(s.rows()).hasSize(11);
        SummaryRow stateful = row(s, "stateful", "accept");
        assertThat(stateful.usPerOp()).isEqualTo(5.0);
        assertThat(stateful.usError()).isCloseTo(0.5, within(1e-9));
        assertThat(stateful.bytesPerOp()).isEqualTo(880.0);
        assertThat(stateful.dbHitsPerOp()).isCloseTo(1.017, within(1e-9));
        assertThat(stateful.algorithm()).isEqualTo("HS256");
        assertThat(stateful.store()).isEqualTo("hsqldb-mem");
        assertThat(stateful.rate()).isEqualTo(1.0);
        assertThat(stateful.windowByDesign()).isEqualTo("0");
        assertThat(row(s, "two-token", "revoked").acceptedShare()).isEqualTo(0.0);
        assertThat(row(s, "two-token", "revoked").dbHitsPerOp()).isEqualTo(2.0);
        assertThat(row(s, "stateless", "revoked").acceptedShare()).isEqualTo(1.0);
        assertThat(row(s, "two-token", "accept").windowByDesign())
                .isEqualTo("at most the short TTL (60s)");
    }

    @Test
    void anErrorJmhCouldNotComputeBecomesNull() throws IOException {
        CompareSummary s = CompareSummary.fromJmh(fixture(), LAST_SEEN);

        assertThat(row(s, null, "floor").usError()).isNull();
        assertThat(row(s, null, "jjwt-bare").usError()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void ratiosDivideByTheFloorAndBareJjwtOfTheSameAlgorithm() throws IOException {
        CompareSummary s = CompareSummary.fromJmh(fixture(), LAST_SEEN);

        SummaryRow stateless = row(s, "stateless", "accept");
        assertThat(stateless.ratioToFloor()).isCloseTo(11.0, within(1e-9));
        assertThat(stateless.ratioToJjwt()).isCloseTo(1.1, within(1e-9));
        assertThat(row(s, null, "bare-lookup").ratioToFloor()).isNull();
    }

    @Test
    void rowsComeAcceptingPathFirstThenRejectionsThenBaselines() throws IOException {
        CompareSummary s = CompareSummary.fromJmh(fixture(), LAST_SEEN);

        assertThat(s.rows().stream().map(r -> r.mode() + ":" + r.strategy()).toList())
                .startsWith("accept:stateless", "accept:stateful", "accept:revoke-all",
                        "accept:two-token", "revoked:stateless")
                .endsWith("store-find-session:null");
    }

    @Test
    void statelessAndTwoTokenTargetsAreMetWithinTheirLimits() throws IOException {
        CompareSummary s = CompareSummary.fromJmh(fixture(), LAST_SEEN);

        TargetResult overhead = targets(s, "stateless-overhead").get(0);
        assertThat(overhead.measured()).isCloseTo(1.1, within(1e-9));
        assertThat(overhead.met()).isTrue();
        TargetResult twoToken = targets(s, "two-token-vs-stateless").get(0);
        assertThat(twoToken.measured()).isCloseTo(12.0 / 11.0, within(1e-9));
        assertThat(twoToken.met()).isTrue();
    }

    @Test
    void aSlowStoreLookupMissesAndSaysWhatItAllocatesMore() throws IOException {
        CompareSummary s = CompareSummary.fromJmh(fixture(), LAST_SEEN);

        List<TargetResult> hitCost = targets(s, "db-hit-cost");
        TargetResult store = hitCost.stream()
                .filter(t -> t.where().startsWith("the store's findSession")).findFirst().orElseThrow();
        assertThat(store.measured()).isCloseTo(1.75, within(1e-9));
        assertThat(store.met()).isFalse();
        // 7.0 ± 0.7 against 4.0 ± 0.4: the ratio could be anywhere from 1.43 to 2.14.
        assertThat(store.conclusive()).isFalse();
        assertThat(store.status()).isEqualTo("missed (inconclusive)");
        assertThat(store.detail()).contains("allocates 160 B more");
        TargetResult stateful = hitCost.stream()
                .filter(t -> t.where().startsWith("stateful")).findFirst().orElseThrow();
        assertThat(stateful.measured()).isCloseTo(1.25, within(1e-9));
        assertThat(stateful.met()).isTrue();
        TargetResult revokeAll = hitCost.stream()
                .filter(t -> t.where().startsWith("revoke-all")).findFirst().orElseThrow();
        assertThat(revokeAll.measured()).isCloseTo((20.0 - 11.0) / 4.0, within(1e-9));
        assertThat(revokeAll.met()).isFalse();
    }

    @Test
    void hitCountsMatchEachStrategysMinimum() throws IOException {
        CompareSummary s = CompareSummary.fromJmh(fixture(), LAST_SEEN);

        List<TargetResult> hits = targets(s, "db-hits");
        assertThat(hits).hasSize(4).allMatch(TargetResult::met);
        assertThat(hits.stream().filter(t -> t.where().startsWith("two-token")).findFirst()
                .orElseThrow().limit()).isCloseTo(1.0 / 60, within(1e-12));
    }

    @Test
    void twoTokenRefreshingTooOftenMissesItsHitTarget() {
        SummaryRow tooMany = new SummaryRow("two-token", "HS256", "hsqldb-mem", "60s", 1.0,
                "accept", 12, null, null, 0.5, 1.0, null, null, null);
        SummaryRow atFaster = new SummaryRow("two-token", "HS256", "hsqldb-mem", "60s", 10.0,
                "accept", 12, null, null, 1.0 / 600, 1.0, null, null, null);

        assertThat(CompareSummary.hitsTarget(tooMany, LAST_SEEN).met()).isFalse();
        assertThat(CompareSummary.hitsTarget(atFaster, LAST_SEEN).met()).isTrue();
    }

    @Test
    void statelessTouchingTheStoreMissesItsHitTarget() {
        SummaryRow r = new SummaryRow("stateless", "HS256", "hsqldb-mem", "60s", 1.0, "accept",
                11, null, null, 0.01, 1.0, null, null, null);

        assertThat(CompareSummary.hitsTarget(r, LAST_SEEN).met()).isFalse();
    }

    @Test
    void timesInNanosecondsAreConvertedToMicroseconds() throws IOException {
        ArrayNode results = (ArrayNode) fixture();
        ObjectNode primary = (ObjectNode) results.get(0).get("primaryMetric");
        double us = primary.get("score").asDouble();
        primary.put("score", us * 1000).put("scoreUnit", "ns/op");

        CompareSummary s = CompareSummary.fromJmh(results, LAST_SEEN);

        assertThat(s.rows()).anyMatch(r -> Math.abs(r.usPerOp() - us) < 1e-9
                && r.mode().equals("bare-lookup"));
    }

    @Test
    void aVerdictIsInconclusiveWhenTheErrorBarsStraddleTheLimit() {
        assertThat(CompareSummary.conclusive(11, 0.1, 10, 0.1, 1.25)).isTrue();
        assertThat(CompareSummary.conclusive(11, 5.0, 10, 1.0, 1.25)).isFalse();
        assertThat(CompareSummary.conclusive(20, 1.0, 10, 1.0, 1.25)).isTrue();
        assertThat(CompareSummary.conclusive(11, null, 10, 0.1, 1.25)).isFalse();
    }

    @Test
    void throughputResultsAreRefusedWithAHint() throws IOException {
        ArrayNode results = (ArrayNode) fixture();
        ((ObjectNode) results.get(0)).put("mode", "thrpt");

        assertThatThrownBy(() -> CompareSummary.fromJmh(results, LAST_SEEN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-bm");
    }

    @Test
    void anEmptyResultIsRefused() {
        assertThatThrownBy(() -> CompareSummary.fromJmh(JSON.createArrayNode(), LAST_SEEN))
                .hasMessageContaining("no benchmark results");
    }

    @Test
    void tablesHaveAHeaderARuleAndOneLinePerRow() throws IOException {
        CompareSummary s = CompareSummary.fromJmh(fixture(), LAST_SEEN);

        List<String> md = s.table(true);
        assertThat(md).hasSize(2 + 11);
        assertThat(md.get(0)).startsWith("| strategy").contains("db hits/request");
        assertThat(md.get(1)).startsWith("| ---");
        assertThat(s.targetTable(false)).anyMatch(l -> l.contains("missed"));
    }

    /** The fixture again with every store row copied onto a second store, 3 µs slower. */
    private static JsonNode twoStores() throws IOException {
        ArrayNode results = (ArrayNode) fixture();
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode r : results) {
            out.add(r);
            if (r.path("params").has("store")) {
                ObjectNode copy = r.deepCopy();
                ((ObjectNode) copy.path("params")).put("store", "redis");
                ObjectNode primary = (ObjectNode) copy.path("primaryMetric");
                primary.put("score", primary.path("score").asDouble() + 3.0);
                out.add(copy);
            }
        }
        for (String store : List.of("hsqldb-mem", "redis")) {
            ObjectNode ping = JSON.createObjectNode();
            ping.put("benchmark", "org.revlab.bench.StoreRoundTripBenchmark.ping");
            ping.put("mode", "avgt");
            ping.putObject("params").put("store", store);
            ping.putObject("primaryMetric").put("score", store.equals("redis") ? 30.0 : 1.0)
                    .put("scoreError", 0.1).put("scoreUnit", "us/op");
            out.add(ping);
        }
        return out;
    }

    @Test
    void storesStandSideBySideWithTheirRoundTripAsFloorAndTheirOwnTargets() throws IOException {
        CompareSummary s = CompareSummary.fromJmh(twoStores(), LAST_SEEN);

        assertThat(s.rows()).filteredOn(r -> "round-trip".equals(r.mode())).hasSize(2);
        List<String> table = s.storeTable(false);
        assertThat(table).hasSize(2 + 2);
        assertThat(table.get(0)).contains("round trip µs", "stateful µs");
        assertThat(table.get(2)).startsWith("hsqldb-mem").doesNotContain("(+");
        assertThat(table.get(3)).startsWith("redis").contains("30 ±0.10", "(+3.0)");
        // One hit-cost target per store for the store's own lookup, told apart by where.
        assertThat(targets(s, "db-hit-cost")).filteredOn(t -> t.where().startsWith("the store"))
                .extracting(TargetResult::where)
                .containsExactlyInAnyOrder("the store's findSession, hsqldb-mem",
                        "the store's findSession, redis");
        assertThat(targets(s, "db-hits")).extracting(TargetResult::where).doesNotHaveDuplicates();
    }
}
