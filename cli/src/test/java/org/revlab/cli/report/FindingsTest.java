package org.revlab.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingsTest {

    @TempDir
    Path home;

    private Map<RunKind, RunInfo> all() {
        Map<RunKind, RunInfo> runs = new EnumMap<>(RunKind.class);
        for (RunKind k : RunKind.values()) {
            runs.put(k, Fixtures.run(home, "20261203-000000-" + k.id(), k));
        }
        return runs;
    }

    private static Figures.SimRow point(double ttl, double hitsPerSecond) {
        return new Figures.SimRow("two-token", ttl, 900, 3600, 360000, hitsPerSecond, 0,
                "bounded", 10, ttl / 2, ttl, ttl, 0);
    }

    @Test
    void breakEvenIsInterpolatedInOneOverTtlBetweenTheSweptNeighbours() {
        // 2 + 400 / TTL: 82 hits/s at 5 s, 28.7 at 15 s; 52 hits/s is met at exactly 8 s.
        List<Figures.SimRow> frontier = List.of(point(15, 2 + 400 / 15.0), point(5, 82),
                point(60, 2 + 400 / 60.0));
        assertThat(Findings.breakEvenTtl(frontier, 52)).isCloseTo(8.0, within(1e-9));
        assertThat(Findings.breakEvenTtl(frontier, 82)).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void noBreakEvenIsClaimedOutsideTheSweptRange() {
        List<Figures.SimRow> frontier = List.of(point(5, 82), point(60, 8.7));
        assertThat(Findings.breakEvenTtl(frontier, 90)).isNaN();
        assertThat(Findings.breakEvenTtl(frontier, 5)).isNaN();
    }

    @Test
    void revokeAllLoadComesFromTheSimulateRunAtTheSameTraffic() {
        Map<RunKind, RunInfo> runs = all();
        assertThat(Findings.revokeAllLoad(runs.get(RunKind.TUNE), runs.get(RunKind.SIMULATE),
                List.of())).isEqualTo(86.8);
        // Without a simulate run: the tune run's requests per second times one hit each.
        assertThat(Findings.revokeAllLoad(runs.get(RunKind.TUNE), null, List.of()))
                .isCloseTo(150000 / 1800.0, within(1e-9));
    }

    @Test
    void statementsCarryTheComputedFiguresAndTheirRuns() {
        List<String> s = Findings.statements(all());
        // revoke-all 20 µs over stateless 15 µs in the compare fixture.
        assertThat(s).anySatisfy(l -> assertThat(l).contains("revoke-all costs ×1.33")
                .contains("run 20261203-000000-compare").contains("adds 5 µs per request")
                .doesNotContain("Caution"));
        // revoke-all's 86.8 hits/s lies above the 5 s point's 82: no interpolation, a bracket.
        assertThat(s).anySatisfy(l -> assertThat(l).startsWith("Break-even")
                .contains("86.8").contains("costs less at every swept TTL, even the shortest,"
                        + " 5 s: 82 hits/s, 94.5% of it"));
        // 14.0 of 86.8 hits/s in the simulate fixture.
        assertThat(s).anySatisfy(l -> assertThat(l).contains("16.1% of revoke-all's 86.8"));
        assertThat(s).anySatisfy(l -> assertThat(l).contains("The shortest swept TTL at a tenth")
                .contains("is 60 s"));
        assertThat(s).anySatisfy(l -> assertThat(l).contains("two-token 2150 ms"));
    }

    @Test
    void noRunsMeanNoStatements() {
        assertThat(Findings.statements(Map.of())).isEmpty();
    }
}
