package org.revlab.cli.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.revlab.core.StrategyId;
import org.revlab.core.sim.SimulationResult;
import org.revlab.core.sim.WindowStats;

class RecommendationTest {

    /** A frontier point with {@code hits} over 100 s and a worst window of {@code maxSec}. */
    private static TuneCommand.Point point(long ttlSec, long hits, long maxSec) {
        SimulationResult r = new SimulationResult(StrategyId.TWO_TOKEN,
                Duration.ofSeconds(ttlSec), Duration.ofMinutes(15), Duration.ofSeconds(100), 1000,
                10_000, 10_000, hits, 10, 5, hits, new WindowStats(50, 0, 0, maxSec * 500,
                maxSec * 990, maxSec * 1000), 0, 0, 0, 1);
        return new TuneCommand.Point(Duration.ofSeconds(ttlSec), r);
    }

    private final List<TuneCommand.Point> frontier = List.of(point(5, 90_000, 5),
            point(30, 30_000, 30), point(120, 8_000, 120), point(600, 2_000, 600));

    @Test
    void aBudgetGetsTheShortestTtlThatFitsAndNamesTheNeighbourThatMissed() {
        Recommendation r = Recommendation.of(frontier, 400.0, null, null);

        assertThat(r.chosen().ttl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(r.lines().get(1)).contains("300.0 db hits/s", "worst window 30.000 s");
        assertThat(r.lines().get(2)).contains("misses", "TTL 5s", "900.0 db hits/s");
    }

    @Test
    void aWindowLimitGetsTheCheapestTtlWhoseWorstWindowFits() {
        Recommendation r = Recommendation.of(frontier, null, Duration.ofMinutes(2), 25.0);

        assertThat(r.chosen().ttl()).isEqualTo(Duration.ofMinutes(2));
        assertThat(r.lines().get(1)).contains("80.0 db hits/s", "2.0 ms of database time");
    }

    @Test
    void bothLimitsGetTheShortestTtlMeetingBoth() {
        Recommendation r = Recommendation.of(frontier, 100.0, Duration.ofMinutes(5), null);

        assertThat(r.chosen().ttl()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void whenNothingFitsItSaysSoAndShowsTheExtremes() {
        Recommendation r = Recommendation.of(frontier, 1.0, null, null);

        assertThat(r.chosen()).isNull();
        assertThat(r.lines().get(0)).contains("No swept TTL meets");
        assertThat(r.lines().get(1)).contains("cheapest swept: TTL 10m");
        assertThat(r.toMap()).containsEntry("short_ttl_s", null);
    }
}
