package org.revlab.cli.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.revlab.core.sim.SimulationResult;

/**
 * The TTL {@code tune} recommends and why. With a database budget: the shortest TTL whose hits
 * per second fit it (shorter means a shorter window). With a longest window: the cheapest TTL
 * whose worst window fits. With both: the shortest TTL that meets both. The figures of the
 * chosen point, and of the nearest one that missed, go with it.
 *
 * @param chosen the recommended point, or null when none fits or nothing was asked
 * @param lines sentences for the terminal and summary.md
 * @param basis the rule applied, for summary.json
 */
record Recommendation(TuneCommand.Point chosen, List<String> lines, String basis) {

    static Recommendation of(List<TuneCommand.Point> points, Double budget, Duration maxWindow,
            Double hitCostUs) {
        if (budget == null && maxWindow == null) {
            return new Recommendation(null, List.of("No recommendation asked: give --db-budget"
                    + " (e.g. 500/s) or --max-window (e.g. 2m)."), "none");
        }
        List<TuneCommand.Point> fits = new ArrayList<>();
        for (TuneCommand.Point p : points) {
            boolean inBudget = budget == null || p.result().hitsPerSecond() <= budget;
            boolean inWindow = maxWindow == null
                    || p.result().windows().maxMs() <= maxWindow.toMillis();
            if (inBudget && inWindow) {
                fits.add(p);
            }
        }
        String asked = (budget != null ? "database budget " + num(budget) + " hits/s" : "")
                + (budget != null && maxWindow != null ? " and " : "")
                + (maxWindow != null ? "longest window " + sec(maxWindow.toMillis()) + " s" : "");
        String basis = budget != null && maxWindow != null ? "shortest TTL meeting both"
                : budget != null ? "shortest TTL within the budget"
                : "cheapest TTL within the window";
        List<String> lines = new ArrayList<>();
        if (fits.isEmpty()) {
            TuneCommand.Point cheapest = points.stream()
                    .min(Comparator.comparingDouble(p -> p.result().hitsPerSecond())).get();
            TuneCommand.Point tightest = points.stream()
                    .min(Comparator.comparingLong(p -> p.result().windows().maxMs())).get();
            lines.add("No swept TTL meets the " + asked + ".");
            lines.add("  cheapest swept: " + figures(cheapest, hitCostUs));
            lines.add("  shortest window swept: " + figures(tightest, hitCostUs));
            lines.add("Sweep other TTLs with --ttls, or relax the limit.");
            return new Recommendation(null, lines, basis);
        }
        TuneCommand.Point chosen = maxWindow != null && budget == null
                ? fits.stream().min(Comparator.comparingDouble((TuneCommand.Point p) ->
                        p.result().hitsPerSecond()).thenComparing(TuneCommand.Point::ttl)).get()
                : fits.stream().min(Comparator.comparing(TuneCommand.Point::ttl)).get();
        lines.add("Recommended short TTL: " + chosen.label() + " (" + basis + ", for the "
                + asked + ").");
        lines.add("  figures: " + figures(chosen, hitCostUs));
        int i = points.indexOf(chosen);
        TuneCommand.Point neighbour = budget != null && i > 0 ? points.get(i - 1)
                : budget == null && i + 1 < points.size() ? points.get(i + 1) : null;
        if (neighbour != null && !fits.contains(neighbour)) {
            lines.add("  next TTL, which misses: " + figures(neighbour, hitCostUs));
        }
        return new Recommendation(chosen, lines, basis);
    }

    /** One line for the chart: the choice and its two figures. */
    String headline() {
        if (chosen == null) {
            return "";
        }
        return String.format(Locale.ROOT, "recommended: TTL %s (%s) — %s db hits/s, worst"
                + " window %s s", chosen.label(), basis, num(chosen.result().hitsPerSecond()),
                sec(chosen.result().windows().maxMs()));
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("basis", basis);
        m.put("short_ttl_s", chosen == null ? null : chosen.ttl().toSeconds());
        m.put("text", String.join("\n", lines));
        return m;
    }

    private static String figures(TuneCommand.Point p, Double hitCostUs) {
        SimulationResult r = p.result();
        String cost = hitCostUs == null ? "" : String.format(Locale.ROOT,
                ", %.1f ms of database time per second at %s µs per hit",
                r.hitsPerSecond() * hitCostUs / 1000, num(hitCostUs));
        return String.format(Locale.ROOT, "TTL %s: %s db hits/s (%s per request), worst window"
                + " %s s, p99 %s s, p50 %s s, %d attacker requests accepted after a revoke%s",
                p.label(), num(r.hitsPerSecond()), String.format(Locale.ROOT, "%.4f",
                        r.hitsPerRequest()), sec(r.windows().maxMs()), sec(r.windows().p99Ms()),
                sec(r.windows().p50Ms()), r.exposure(), cost);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String sec(long ms) {
        return SimulationResult.seconds(ms);
    }
}
