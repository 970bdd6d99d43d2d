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

    @Test
    void theLoadFitRecoversFixedAndPerTtlParts() {
        // The tune fixture follows 2 + 400 / TTL hits/s exactly.
        Findings.LoadFit fit = Findings.fit(Figures.simRows(all().get(RunKind.TUNE)))
                .orElseThrow();
        assertThat(fit.fixed()).isCloseTo(2.0, within(1e-9));
        assertThat(fit.perTtl()).isCloseTo(400.0, within(1e-9));
        assertThat(fit.points()).isEqualTo(6);
    }

    @Test
    void breakEvenTtlIsWhereTwoTokenLoadMeetsRevokeAlls() {
        Findings.LoadFit fit = new Findings.LoadFit(2, 400, 6);
        assertThat(fit.ttlFor(86.8)).isCloseTo(400 / 84.8, within(1e-9));
        assertThat(fit.at(fit.ttlFor(86.8))).isCloseTo(86.8, within(1e-9));
        assertThat(fit.ttlFor(1.5)).isNaN();
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
                .contains("run 20261203-000000-compare"));
        assertThat(s).anySatisfy(l -> assertThat(l).startsWith("Break-even")
                .contains("short TTL of 4.72 s").contains("86.8"));
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
