package org.revlab.cli.report;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.revlab.cli.report.CheckResult.Status;
import org.revlab.cli.report.Figures.AttackRow;
import org.revlab.cli.report.Figures.CompareRow;
import org.revlab.cli.report.Figures.SimRow;
import org.revlab.core.Lab;

/**
 * Compares runs with the baseline. Costs are compared as ratios between rows of the same run
 * (a strategy over its reference), so machines of different speed agree; revocation windows
 * and database hits are held to exact bounds that follow from each strategy's design. All
 * tolerances are in {@link Tolerances}.
 */
public final class RegressionCheck {

    private RegressionCheck() {
    }

    /**
     * Runs every check.
     *
     * @param required kinds whose absence is a failure rather than a skip
     */
    public static List<CheckResult> run(Map<RunKind, RunInfo> current,
            Map<RunKind, RunInfo> baseline, Set<RunKind> required) {
        List<CheckResult> out = new ArrayList<>();
        for (RunKind kind : RunKind.values()) {
            RunInfo run = current.get(kind);
            if (run == null) {
                boolean needed = required.contains(kind);
                out.add(new CheckResult(needed ? Status.FAIL : Status.SKIP, kind,
                        "no " + kind.id() + " run", "none under results/runs; run "
                        + kind.command() + (needed ? " (required by --require)" : "")));
                continue;
            }
            RunInfo base = baseline.get(kind);
            switch (kind) {
                case COMPARE -> out.addAll(compare(run, base));
                case ATTACK -> out.addAll(attack(run, base));
                case SIMULATE, TUNE -> out.addAll(sim(run, base));
                default -> throw new IllegalStateException(kind.toString());
            }
        }
        return out;
    }

    /** Whether any result is a failure. */
    public static boolean failed(List<CheckResult> results) {
        return results.stream().anyMatch(r -> r.status() == Status.FAIL);
    }

    // --- compare: cost ratios and hits per request -------------------------------------------

    /** What a strategy's cost is divided by: the row doing the same kind of work without it. */
    static Optional<CompareRow> costReference(List<CompareRow> rows, CompareRow r) {
        return switch (r.strategy()) {
            case "stateless" -> Figures.reference(rows, "jjwt-bare", r);
            case "stateful" -> Figures.reference(rows, "bare-lookup", r);
            default -> Figures.stateless(rows, r);
        };
    }

    static String referenceName(CompareRow r) {
        return switch (r.strategy()) {
            case "stateless" -> "jjwt bare parse";
            case "stateful" -> "bare lookup";
            default -> "stateless";
        };
    }

    static List<CheckResult> compare(RunInfo run, RunInfo base) {
        List<CheckResult> out = new ArrayList<>();
        List<CompareRow> rows = Figures.compareRows(run);
        List<CompareRow> baseRows = base == null ? List.of() : Figures.compareRows(base);
        double lastSeen = lastSeenSeconds(run);
        // A quick run warms the JIT for about a second and has no error bars, so its time
        // ratios carry warm-up as well as noise: only a gross slowdown fails it.
        boolean quick = run.summary().path("parameters").path("quick").asBoolean(false);
        double costLimit = quick ? Tolerances.QUICK_COST_RATIO_GROWTH
                : Tolerances.COST_RATIO_GROWTH;
        for (CompareRow r : Figures.accepts(rows)) {
            if (base == null) {
                out.add(new CheckResult(Status.SKIP, RunKind.COMPARE, r.key(),
                        "no compare baseline; make one with ./revlab check --update-baseline"));
            } else {
                Optional<CompareRow> b = Figures.accepts(baseRows).stream()
                        .filter(r::sameSetting).findFirst();
                if (b.isEmpty()) {
                    out.add(new CheckResult(Status.SKIP, RunKind.COMPARE, r.key(),
                            "not in the baseline (" + base.name() + ")"));
                } else {
                    out.add(ratioCheck(r, costReference(rows, r), costReference(baseRows, b.get()),
                            b.get(), "÷ " + referenceName(r), costLimit));
                    out.add(bytesCheck(r, costReference(rows, r),
                            costReference(baseRows, b.get()), b.get()));
                    out.add(ratioCheck(r, Figures.reference(rows, "floor", r),
                            Figures.reference(baseRows, "floor", b.get()), b.get(), "÷ floor",
                            Tolerances.FLOOR_RATIO_GROWTH));
                }
            }
            out.add(hitsCheck(r, lastSeen,
                    quick ? Tolerances.QUICK_HITS_SLACK : Tolerances.HITS_SLACK));
        }
        if (Figures.accepts(rows).isEmpty()) {
            out.add(new CheckResult(Status.FAIL, RunKind.COMPARE, run.name(),
                    "holds no strategy rows; the comparison measured nothing"));
        }
        return out;
    }

    private static CheckResult ratioCheck(CompareRow r, Optional<CompareRow> ref,
            Optional<CompareRow> baseRef, CompareRow b, String what, double limit) {
        if (ref.isEmpty() || baseRef.isEmpty()) {
            return new CheckResult(Status.SKIP, RunKind.COMPARE, r.key() + " µs " + what,
                    "reference row missing in the run or the baseline");
        }
        double now = r.us() / ref.get().us();
        double then = b.us() / baseRef.get().us();
        double growth = now / then;
        // With JMH's error bars (several forks), the most favourable reading of this run must
        // still exceed the limit: a loaded machine's wide bars make the move inconclusive.
        double low = (r.us() - err(r)) / (ref.get().us() + err(ref.get())) / then;
        boolean inconclusive = growth > limit && !(low > limit);
        boolean fail = growth > limit && !inconclusive;
        return new CheckResult(fail ? Status.FAIL : Status.PASS, RunKind.COMPARE,
                r.key() + " µs " + what, Format.ratio(then) + " → " + Format.ratio(now) + " ("
                + move(growth) + ", limit ×" + Format.ratio(limit) + ")"
                + (fail ? " SLOWER: " + Format.num(r.us()) + " µs against "
                        + Format.num(ref.get().us()) + " µs" : "")
                + (inconclusive ? " inconclusive: within the error bars (±"
                        + Format.num(err(r)) + " µs, ±" + Format.num(err(ref.get()))
                        + " µs) the move is ×" + Format.ratio(Math.max(low, 0)) : ""));
    }

    private static CheckResult bytesCheck(CompareRow r, Optional<CompareRow> ref,
            Optional<CompareRow> baseRef, CompareRow b) {
        String subject = r.key() + " bytes ÷ " + referenceName(r);
        if (ref.isEmpty() || baseRef.isEmpty() || !(ref.get().bytes() > 0)
                || !(baseRef.get().bytes() > 0) || Double.isNaN(r.bytes())
                || Double.isNaN(b.bytes())) {
            return new CheckResult(Status.SKIP, RunKind.COMPARE, subject,
                    "no allocation figures (JMH's gc profiler) in the run or the baseline");
        }
        double now = r.bytes() / ref.get().bytes();
        double then = b.bytes() / baseRef.get().bytes();
        double growth = now / then;
        boolean fail = growth > Tolerances.BYTES_RATIO_GROWTH;
        return new CheckResult(fail ? Status.FAIL : Status.PASS, RunKind.COMPARE, subject,
                Format.ratio(then) + " → " + Format.ratio(now) + " (" + move(growth)
                + ", limit ×" + Format.ratio(Tolerances.BYTES_RATIO_GROWTH) + ")"
                + (fail ? " MORE WORK: " + Format.num(r.bytes()) + " B against "
                        + Format.num(ref.get().bytes()) + " B per request" : ""));
    }

    private static double err(CompareRow r) {
        return Double.isNaN(r.usError()) ? 0 : r.usError();
    }

    static String move(double growth) {
        if (Math.abs(growth - 1) < Tolerances.REPORT_MOVE) {
            return "steady, ×" + Format.ratio(growth);
        }
        return (growth > 1 ? "up " : "down ") + "×" + Format.ratio(growth);
    }

    /**
     * The exact hits per request each strategy makes by design: stateless 0, revoke-all 1,
     * stateful 1 plus one last-seen write per resolution period, two-token one refresh per
     * short TTL (a short token's exp is rounded down to the second, so up to 1/(rate·(TTL−1))).
     */
    static double[] expectedHits(CompareRow r, double lastSeenSeconds) {
        return switch (r.strategy()) {
            case "stateless" -> new double[] {0, 0};
            case "revoke-all" -> new double[] {1, 1};
            case "stateful" -> {
                double e = 1 + 1 / Math.max(1, r.rate() * lastSeenSeconds);
                yield new double[] {e, e};
            }
            case "two-token" -> {
                double ttl = r.shortTtlSeconds();
                yield new double[] {1 / Math.max(1, r.rate() * ttl),
                    1 / Math.max(1, r.rate() * (ttl - 1))};
            }
            default -> new double[] {Double.NaN, Double.NaN};
        };
    }

    static CheckResult hitsCheck(CompareRow r, double lastSeen) {
        return hitsCheck(r, lastSeen, Tolerances.HITS_SLACK);
    }

    static CheckResult hitsCheck(CompareRow r, double lastSeen, double slack) {
        if (Double.isNaN(r.hits())) {
            return new CheckResult(Status.SKIP, RunKind.COMPARE, r.key() + " db hits/request",
                    "not recorded");
        }
        double[] e = expectedHits(r, lastSeen);
        // A refresh or last-seen write can fall either side of each iteration's edge: one
        // such write per measured iteration, spread over the requests, is not a regression.
        double edge = r.requests() > 0 && r.iterations() > 0 && e[1] > 0 && e[1] < 1.5
                ? r.iterations() / r.requests() : 0;
        double lo = Math.max(0, e[0] * (1 - slack) - edge) - 1e-9;
        double hi = e[1] * (1 + slack) + edge + 1e-9;
        boolean ok = r.hits() >= lo && r.hits() <= hi;
        String expected = e[0] == e[1] ? Format.num(e[0])
                : Format.num(e[0]) + "–" + Format.num(e[1]);
        return new CheckResult(ok ? Status.PASS : Status.FAIL, RunKind.COMPARE,
                r.key() + " db hits/request", Format.num(r.hits()) + " measured, " + expected
                + " by design (slack " + Format.num(100 * slack) + "%"
                + (edge > 0 ? " ± one write per iteration edge: " + Format.num(r.iterations())
                        + " over " + Format.num(r.requests()) + " requests" : "") + ")");
    }

    private static double lastSeenSeconds(RunInfo run) {
        String v = run.summary().path("parameters").path("lastSeenResolution").asText("60s");
        return Lab.parseDuration(v).toMillis() / 1e3;
    }

    // --- attack: exact window bounds, throughput ratio ---------------------------------------

    static List<CheckResult> attack(RunInfo run, RunInfo base) {
        List<CheckResult> out = new ArrayList<>();
        double shortTtl = Figures.attackSettingMs(run, "revlab.shortTtl");
        double accessTtl = Figures.attackSettingMs(run, "revlab.accessTtl");
        double interval = Figures.attackSettingMs(run, "revlab.interval");
        List<AttackRow> rows = Figures.attackRows(run);
        List<AttackRow> baseRows = base == null ? List.of() : Figures.attackRows(base);
        for (AttackRow r : rows) {
            String subject = r.strategy() + " " + r.scenario();
            if ("throughput".equals(r.scenario())) {
                out.add(throughputCheck(r, baseRows, subject));
                continue;
            }
            if (Double.isNaN(r.windowMax())) {
                out.add(new CheckResult(Status.FAIL, RunKind.ATTACK, subject,
                        "no revocation window was recorded; see the run's logs"));
                continue;
            }
            String w = "window p50/p99/max " + Format.num(r.windowP50()) + "/"
                    + Format.num(r.windowP99()) + "/" + Format.num(r.windowMax()) + " ms";
            switch (r.strategy()) {
                case "stateful", "revoke-all" -> out.add(new CheckResult(
                        r.exposure() == 0 ? Status.PASS : Status.FAIL, RunKind.ATTACK, subject,
                        "exposure " + Format.num(r.exposure()) + " accepted after the revoke,"
                        + " bound 0 (window 0); " + w));
                case "two-token" -> {
                    double limit = shortTtl + interval;
                    out.add(new CheckResult(r.windowMax() <= limit ? Status.PASS : Status.FAIL,
                            RunKind.ATTACK, subject, w + ", bound max ≤ short TTL "
                            + Format.num(shortTtl) + " + interval " + Format.num(interval)
                            + " = " + Format.num(limit) + " ms"));
                }
                default -> {
                    double limit = accessTtl + interval;
                    boolean ok = r.exposure() > 0 && r.windowMax() <= limit;
                    out.add(new CheckResult(ok ? Status.PASS : Status.FAIL, RunKind.ATTACK,
                            subject, w + ", exposure " + Format.num(r.exposure())
                            + "; bound: stays in until expiry (exposure > 0, max ≤ access TTL "
                            + Format.num(accessTtl) + " + interval " + Format.num(interval)
                            + " ms)"));
                }
            }
        }
        if (rows.isEmpty()) {
            out.add(new CheckResult(Status.FAIL, RunKind.ATTACK, run.name(),
                    "holds no results; the attack measured nothing"));
        }
        return out;
    }

    private static CheckResult throughputCheck(AttackRow r, List<AttackRow> baseRows,
            String subject) {
        Optional<AttackRow> b = baseRows.stream().filter(x -> Objects.equals(x.scenario(),
                r.scenario()) && Objects.equals(x.strategy(), r.strategy())).findFirst();
        double now = r.throughput() / r.baseRps();
        if (b.isEmpty() || Double.isNaN(now)) {
            return new CheckResult(Status.SKIP, RunKind.ATTACK, subject + " req/s ÷ /public",
                    b.isEmpty() ? "not in the baseline" : "throughput not recorded");
        }
        double then = b.get().throughput() / b.get().baseRps();
        double drop = then / now;
        boolean fail = drop > Tolerances.THROUGHPUT_RATIO_DROP;
        return new CheckResult(fail ? Status.FAIL : Status.PASS, RunKind.ATTACK,
                subject + " req/s ÷ /public", Format.ratio(then) + " → " + Format.ratio(now)
                + " (" + move(now / then) + ", limit ÷" + Format.ratio(
                        Tolerances.THROUGHPUT_RATIO_DROP) + "); latency p99 "
                + Format.num(r.latP99()) + " ms against /public " + Format.num(r.baseP99())
                + " ms");
    }

    // --- simulate / tune: exact window bounds, deterministic hits -----------------------------

    static List<CheckResult> sim(RunInfo run, RunInfo base) {
        List<CheckResult> out = new ArrayList<>();
        List<SimRow> rows = Figures.simRows(run);
        boolean sameTraffic = base != null && run.summary().path("parameters")
                .equals(base.summary().path("parameters"));
        List<SimRow> baseRows = base == null ? List.of() : Figures.simRows(base);
        for (SimRow r : rows) {
            String subject = r.strategy() + (run.kind() == RunKind.TUNE || "two-token".equals(
                    r.strategy()) ? " short TTL " + Format.num(r.shortTtl()) + " s" : "");
            out.add(windowBound(run.kind(), r, subject));
            if (base == null) {
                continue;
            }
            if (!sameTraffic) {
                out.add(new CheckResult(Status.SKIP, run.kind(), subject + " db hits/s",
                        "traffic parameters differ from the baseline (" + base.name()
                        + "); only the bounds apply"));
                continue;
            }
            baseRows.stream().filter(b -> b.strategy().equals(r.strategy())
                    && (b.shortTtl() == r.shortTtl() || !"two-token".equals(r.strategy())))
                    .findFirst().ifPresent(b -> {
                        double change = r.hitsPerSecond() / b.hitsPerSecond();
                        boolean ok = b.hitsPerSecond() == r.hitsPerSecond()
                                || change <= Tolerances.SIM_HITS_CHANGE
                                && change >= 1 / Tolerances.SIM_HITS_CHANGE;
                        out.add(new CheckResult(ok ? Status.PASS : Status.FAIL, run.kind(),
                                subject + " db hits/s", Format.num(b.hitsPerSecond()) + " → "
                                + Format.num(r.hitsPerSecond()) + " (same traffic and seed; "
                                + move(change) + ", limit ×" + Format.ratio(
                                        Tolerances.SIM_HITS_CHANGE) + " either way)"));
                    });
        }
        if (run.kind() == RunKind.TUNE) {
            out.addAll(monotone(rows));
        }
        if (rows.isEmpty()) {
            out.add(new CheckResult(Status.FAIL, run.kind(), run.name(),
                    "holds no rows; the simulator measured nothing"));
        }
        return out;
    }

    static CheckResult windowBound(RunKind kind, SimRow r, String subject) {
        String w = "window p50/p99/max " + Format.num(r.windowP50()) + "/"
                + Format.num(r.windowP99()) + "/" + Format.num(r.windowMax()) + " s";
        if (!(r.windows() > 0)) {
            return new CheckResult(Status.FAIL, kind, subject, "no revocation window observed;"
                    + " the run cannot show a bound");
        }
        return switch (r.strategy()) {
            case "stateful", "revoke-all" -> new CheckResult(r.windowMax() == 0
                    && r.exposure() == 0 ? Status.PASS : Status.FAIL, kind, subject, w
                    + ", exposure " + Format.num(r.exposure()) + "; bound 0 and 0");
            case "two-token" -> new CheckResult(r.windowMax() <= r.shortTtl() ? Status.PASS
                    : Status.FAIL, kind, subject, w + "; bound max ≤ short TTL "
                    + Format.num(r.shortTtl()) + " s");
            default -> new CheckResult("until expiry".equals(r.windowKind())
                    && r.windowMax() <= r.accessTtl() ? Status.PASS : Status.FAIL, kind, subject,
                    w + " (" + r.windowKind() + "); bound: until expiry, max ≤ access TTL "
                    + Format.num(r.accessTtl()) + " s");
        };
    }

    /** A longer short TTL never costs more database hits per second (beyond 2% noise). */
    static List<CheckResult> monotone(List<SimRow> rows) {
        List<SimRow> sorted = rows.stream()
                .sorted((a, b) -> Double.compare(a.shortTtl(), b.shortTtl())).toList();
        List<CheckResult> out = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            SimRow a = sorted.get(i - 1);
            SimRow b = sorted.get(i);
            boolean ok = b.hitsPerSecond() <= a.hitsPerSecond() * 1.02;
            out.add(new CheckResult(ok ? Status.PASS : Status.FAIL, RunKind.TUNE,
                    "hits/s from short TTL " + Format.num(a.shortTtl()) + " s to "
                    + Format.num(b.shortTtl()) + " s", Format.num(a.hitsPerSecond()) + " → "
                    + Format.num(b.hitsPerSecond()) + "; bound: does not grow"));
        }
        return out;
    }

    /** Every kind, for {@code --require all}. */
    public static Set<RunKind> allKinds() {
        return EnumSet.allOf(RunKind.class);
    }
}
