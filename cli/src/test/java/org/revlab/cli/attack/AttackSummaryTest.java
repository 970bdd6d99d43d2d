package org.revlab.cli.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How result files become the summary rows, the broken-bound sentences and the table. */
class AttackSummaryTest {

    private static Map<String, Object> attackResult(boolean passed, long maxWindow,
            long exposure) {
        return Map.of(
                "passed", passed,
                "windows", Map.of("pairs", 3, "p50Ms", 10, "p99Ms", maxWindow,
                        "maxMs", maxWindow, "exposure", exposure),
                "resource", Map.of("perSecond", 12.5, "p50Ms", 2, "p95Ms", 5, "p99Ms", 9),
                "dbHits", Map.of("perSecond", 16.1, "perRequest", 1.2),
                "bounds", List.of(Map.of("name", "window", "passed", passed,
                        "sentence", "two-token: the longest revocation window was " + maxWindow
                                + " ms, above the bound.")));
    }

    @Test
    void rowsCarryWindowsExposureThroughputAndDbHits() {
        AttackSummary s = new AttackSummary(List.of(new AttackSummary.Run("stolen-token",
                "two-token", 0, attackResult(true, 1_900, 4), "raw/a.json", "gatling/x",
                "logs/a.log")));

        Map<String, Object> row = s.rows().get(0);

        assertThat(s.passed()).isTrue();
        assertThat(row).containsEntry("exposure", 4L).containsEntry("throughputRps", 12.5)
                .containsEntry("dbHitsPerSecond", 16.1).containsEntry("passed", true);
        assertThat(row.get("windowMs")).isEqualTo(Map.of("p50", 10L, "p99", 1_900L,
                "max", 1_900L));
        assertThat(s.toMarkdown("t", List.of())).contains("| two-token | stolen-token | 10 /"
                + " 1900 / 1900 | 4 | 12.5 | 2 / 5 / 9 | – | 16.1 | pass |");
    }

    @Test
    void outageRowsCarryAvailabilityFalseAcceptsAndRecovery() {
        Map<String, Object> outage = Map.of("measuredMs", 3_001, "requests", 120, "ok", 28,
                "availabilityPct", 23.3, "unavailable503", 92, "rejected401", 0,
                "falseAccepts", 0, "recoveryMs", 19);
        AttackSummary s = new AttackSummary(List.of(
                new AttackSummary.Run("outage", "two-token", 0, Map.of("passed", true,
                        "outage", outage), "raw/o.json", null, "logs/o.log"),
                new AttackSummary.Run("stolen-token", "two-token", 0,
                        attackResult(true, 1_900, 4), "raw/a.json", null, "logs/a.log")));

        assertThat(s.passed()).isTrue();
        assertThat(s.rows().get(0).get("outage")).isEqualTo(Map.of("outageMs", 3_001L,
                "requests", 120L, "availabilityPct", 23.3, "unavailable503", 92L,
                "rejected401", 0L, "falseAccepts", 0L, "recoveryMs", 19L));
        assertThat(s.rows().get(1)).doesNotContainKey("outage");
        assertThat(s.toMarkdown("t", List.of())).contains("## Store outage")
                .contains("| two-token | 3001 | 120 | 23.3 % | 92 | 0 | 0 | 19 |");
    }

    @Test
    void anOutageFalseAcceptFailsTheSummaryWithItsSentence() {
        Map<String, Object> result = Map.of("passed", false,
                "outage", Map.of("requests", 40, "falseAccepts", 3),
                "bounds", List.of(Map.of("name", "no false accept during the outage",
                        "passed", false, "sentence", "stateful: 3 of 40 requests were accepted")));
        AttackSummary s = new AttackSummary(List.of(new AttackSummary.Run("outage", "stateful",
                1, result, "raw/o.json", null, "logs/o.log")));

        assertThat(s.passed()).isFalse();
        assertThat(s.brokenBounds()).containsExactly("outage: stateful: 3 of 40 requests were"
                + " accepted");
    }

    @Test
    void aBrokenBoundBecomesOneSentenceAndFailsTheSummary() {
        AttackSummary s = new AttackSummary(List.of(
                new AttackSummary.Run("stolen-token", "stateful", 0, attackResult(true, 0, 0),
                        "raw/a.json", null, "logs/a.log"),
                new AttackSummary.Run("stolen-token", "two-token", 1,
                        attackResult(false, 2_600, 9), "raw/b.json", null, "logs/b.log")));

        assertThat(s.passed()).isFalse();
        assertThat(s.brokenBounds()).containsExactly("stolen-token: two-token: the longest"
                + " revocation window was 2600 ms, above the bound.");
        assertThat(s.toMarkdown("t", List.of())).contains("**FAIL**").contains("## Broken");
        assertThat(s.toJson(Map.of(), Map.of())).containsEntry("passed", false)
                .containsEntry("schema", AttackSummary.SCHEMA);
    }

    @Test
    void aRunWithoutResultsOrWithFailedAssertionsIsBrokenEvenWithoutABoundList() {
        AttackSummary s = new AttackSummary(List.of(
                new AttackSummary.Run("throughput", "stateless", 1, null, "raw/t.json", null,
                        "logs/t.log"),
                new AttackSummary.Run("throughput", "stateful", 1, Map.of("passed", true),
                        "raw/u.json", null, "logs/u.log")));

        assertThat(s.brokenBounds()).hasSize(2);
        assertThat(s.brokenBounds().get(0)).contains("stopped before writing its results")
                .contains("logs/t.log");
        assertThat(s.brokenBounds().get(1)).contains("Gatling's assertions failed");
    }

    @Test
    void throughputRowsHaveNoWindow() {
        AttackSummary s = new AttackSummary(List.of(new AttackSummary.Run("throughput",
                "stateless", 0, Map.of("passed", true, "resource", Map.of("perSecond", 300.0),
                        "baseline", Map.of("perSecond", 310.0)), "raw/t.json", null, "l")));

        Map<String, Object> row = s.rows().get(0);

        assertThat(row).containsEntry("exposure", -1L).containsEntry("baselineRps", 310.0);
        assertThat(s.toMarkdown("t", List.of())).contains("| stateless | throughput | – | – |"
                + " 300.0 |");
    }
}
