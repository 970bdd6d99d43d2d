package org.revlab.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.revlab.cli.report.Figures.AttackRow;
import org.revlab.cli.report.Figures.CompareRow;
import org.revlab.cli.report.Figures.SimRow;

/**
 * The "which strategy, when" statements: each one is computed from the runs' figures and
 * names the run it came from, so that the advice moves when the measurements do.
 */
public final class Findings {

    private Findings() {
    }

    /**
     * The short TTL at which two-token's database load equals {@code load}, interpolated
     * linearly in 1/TTL between the two swept TTLs around it (the load of one refresh per TTL
     * per session is linear in 1/TTL between neighbours); NaN when {@code load} lies outside
     * the swept range, because beyond it refreshes saturate or vanish and a fit would guess.
     */
    public static double breakEvenTtl(List<SimRow> frontier, double load) {
        List<SimRow> sorted = frontier.stream().filter(r -> r.shortTtl() > 0)
                .sorted((a, b) -> Double.compare(a.shortTtl(), b.shortTtl())).toList();
        for (int i = 1; i < sorted.size(); i++) {
            SimRow shorter = sorted.get(i - 1);
            SimRow longer = sorted.get(i);
            double hi = shorter.hitsPerSecond();
            double lo = longer.hitsPerSecond();
            if (load <= hi && load >= lo && hi > lo) {
                double x1 = 1 / shorter.shortTtl();
                double x2 = 1 / longer.shortTtl();
                double x = x2 + (load - lo) / (hi - lo) * (x1 - x2);
                return 1 / x;
            }
        }
        return Double.NaN;
    }

    /**
     * revoke-all's database load at the tune run's traffic: its requests per second times
     * revoke-all's hits per request, taken from the simulate run when it simulated the same
     * traffic, else from the comparison, else its design figure of one.
     */
    public static double revokeAllLoad(RunInfo tune, RunInfo simulate, List<CompareRow> cmp) {
        List<SimRow> frontier = Figures.simRows(tune);
        if (frontier.isEmpty()) {
            return Double.NaN;
        }
        SimRow any = frontier.get(0);
        double requestsPerSecond = any.requests() / any.durationS();
        double perRequest = 1;
        if (simulate != null) {
            Optional<SimRow> ra = Figures.simRows(simulate).stream()
                    .filter(r -> "revoke-all".equals(r.strategy())).findFirst();
            if (ra.isPresent() && Math.abs(ra.get().requests() / ra.get().durationS()
                    - requestsPerSecond) <= 0.05 * requestsPerSecond) {
                return ra.get().hitsPerSecond();
            }
        }
        Optional<CompareRow> measured = Figures.accepts(cmp).stream()
                .filter(r -> "revoke-all".equals(r.strategy()) && Double.isFinite(r.hits()))
                .findFirst();
        if (measured.isPresent()) {
            perRequest = measured.get().hits();
        }
        return requestsPerSecond * perRequest;
    }

    /** Every statement the runs support, in Markdown bullets. */
    public static List<String> statements(Map<RunKind, RunInfo> runs) {
        List<String> out = new ArrayList<>();
        RunInfo compare = runs.get(RunKind.COMPARE);
        List<CompareRow> cmp = compare == null ? List.of() : Figures.compareRows(compare);
        for (CompareRow s : Figures.accepts(cmp)) {
            if (!"stateless".equals(s.strategy())) {
                continue;
            }
            StringBuilder sb = new StringBuilder("Per request (" + s.algorithm() + ", "
                    + s.store() + ", run " + compare.name() + "): stateless costs "
                    + Format.num(s.us()) + " µs");
            for (CompareRow r : Figures.accepts(cmp)) {
                if (!"stateless".equals(r.strategy()) && Figures.stateless(cmp, r)
                        .filter(x -> x == s).isPresent()) {
                    sb.append("; ").append(r.strategy()).append("two-token".equals(r.strategy())
                            ? " (short TTL " + r.shortTtl() + ", " + Format.num(r.rate())
                            + " req/s)" : "").append(" costs ×").append(Format.ratio(
                            r.us() / s.us())).append(" of that with ")
                            .append(Format.num(r.hits())).append(" database hits per request");
                }
            }
            Figures.accepts(cmp).stream().filter(r -> "revoke-all".equals(r.strategy())
                    && Figures.stateless(cmp, r).filter(x -> x == s).isPresent()).findFirst()
                    .ifPresent(ra -> sb.append(". Revoking at once (revoke-all) adds ")
                            .append(Format.num(ra.us() - s.us())).append(" µs per request to"
                            + " stateless"));
            List<String> noisy = Figures.accepts(cmp).stream()
                    .filter(r -> !(r.usError() <= 0.5 * r.us())).map(CompareRow::strategy)
                    .toList();
            sb.append(noisy.isEmpty() ? "." : ". Caution: the error bars of " + String.join(
                    ", ", noisy) + " exceed half their value (or are missing) in this run, so"
                    + " these ratios are not conclusive; measure on a quiet machine.");
            out.add(sb.toString());
        }
        RunInfo sim = runs.get(RunKind.SIMULATE);
        if (sim != null) {
            List<SimRow> rows = Figures.simRows(sim);
            Optional<SimRow> ra = rows.stream().filter(r -> "revoke-all".equals(r.strategy()))
                    .findFirst();
            Optional<SimRow> tt = rows.stream().filter(r -> "two-token".equals(r.strategy()))
                    .findFirst();
            if (ra.isPresent() && tt.isPresent()) {
                out.add("At the simulated traffic (run " + sim.name() + ", "
                        + Format.num(ra.get().requests() / ra.get().durationS())
                        + " req/s), two-token with a " + Format.num(tt.get().shortTtl())
                        + " s short TTL makes " + Format.num(tt.get().hitsPerSecond())
                        + " database hits/s, " + percent(tt.get().hitsPerSecond()
                        / ra.get().hitsPerSecond()) + " of revoke-all's "
                        + Format.num(ra.get().hitsPerSecond()) + ", and pays for it with a"
                        + " worst revocation window of " + Format.num(tt.get().windowMax())
                        + " s (revoke-all: " + Format.num(ra.get().windowMax()) + " s).");
            }
            rows.stream().filter(r -> "stateless".equals(r.strategy())).findFirst()
                    .ifPresent(s -> out.add("A stolen stateless token stayed usable for up to "
                            + Format.num(s.windowMax()) + " s after the revoke (median "
                            + Format.num(s.windowP50()) + " s, access TTL "
                            + Format.num(s.accessTtl()) + " s; run " + sim.name() + "), with "
                            + Format.num(s.exposure()) + " attacker requests accepted after"
                            + " it."));
        }
        RunInfo tune = runs.get(RunKind.TUNE);
        if (tune != null) {
            List<SimRow> frontier = Figures.simRows(tune);
            double raLoad = revokeAllLoad(tune, sim, cmp);
            if (!frontier.isEmpty() && Double.isFinite(raLoad)) {
                double ttl = breakEvenTtl(frontier, raLoad);
                SimRow shortest = frontier.stream().min((a, b) -> Double.compare(a.shortTtl(),
                        b.shortTtl())).orElseThrow();
                SimRow longest = frontier.stream().max((a, b) -> Double.compare(a.shortTtl(),
                        b.shortTtl())).orElseThrow();
                String head = "Break-even: at the tuned traffic (run " + tune.name() + ", "
                        + Format.num(shortest.requests() / shortest.durationS()) + " req/s),"
                        + " revoke-all makes about " + Format.num(raLoad) + " database hits/s";
                if (Double.isFinite(ttl)) {
                    out.add(head + "; two-token makes as many at a short TTL of about "
                            + Format.num(ttl) + " s (interpolated between the swept TTLs);"
                            + " every longer TTL costs less and bounds the window by that"
                            + " TTL.");
                } else if (raLoad > shortest.hitsPerSecond()) {
                    out.add(head + "; two-token costs less at every swept TTL, even the"
                            + " shortest, " + Format.num(shortest.shortTtl()) + " s: "
                            + Format.num(shortest.hitsPerSecond()) + " hits/s, "
                            + percent(shortest.hitsPerSecond() / raLoad) + " of it.");
                } else {
                    out.add(head + "; two-token costs more at every swept TTL, even the"
                            + " longest, " + Format.num(longest.shortTtl()) + " s: "
                            + Format.num(longest.hitsPerSecond()) + " hits/s.");
                }
                frontier.stream().filter(r -> r.hitsPerSecond() <= 0.1 * raLoad)
                        .min((a, b) -> Double.compare(a.shortTtl(), b.shortTtl()))
                        .ifPresent(r -> out.add("The shortest swept TTL at a tenth of"
                                + " revoke-all's load or less is " + Format.num(r.shortTtl())
                                + " s: " + Format.num(r.hitsPerSecond()) + " hits/s, worst"
                                + " window " + Format.num(r.windowMax()) + " s, p99 "
                                + Format.num(r.windowP99()) + " s (run " + tune.name()
                                + ")."));
            }
        }
        RunInfo attack = runs.get(RunKind.ATTACK);
        if (attack != null) {
            StringBuilder sb = new StringBuilder("Over HTTP (Gatling, run " + attack.name()
                    + "), worst window after the revoke:");
            boolean any = false;
            for (AttackRow r : Figures.attackRows(attack)) {
                if ("revocation-timing".equals(r.scenario()) && !Double.isNaN(r.windowMax())) {
                    sb.append(any ? ";" : "").append(" ").append(r.strategy()).append(' ')
                            .append(Format.num(r.windowMax())).append(" ms (exposure ")
                            .append(Format.num(r.exposure())).append(")");
                    any = true;
                }
            }
            if (any) {
                out.add(sb.append(". Short TTL ").append(Format.num(Figures.attackSettingMs(
                        attack, "revlab.shortTtl"))).append(" ms, access TTL ")
                        .append(Format.num(Figures.attackSettingMs(attack, "revlab.accessTtl")))
                        .append(" ms.").toString());
            }
        }
        return out;
    }

    static String percent(double share) {
        return Format.num(100 * share) + "%";
    }
}
