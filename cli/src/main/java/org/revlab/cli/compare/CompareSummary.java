package org.revlab.cli.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.revlab.core.Lab;
import org.revlab.core.StrategyId;

/**
 * Turns JMH's JSON from the comparison suite into per-request rows, their ratios to the
 * baselines, and issue 3's four targets. Pure: reads only its input, so that tests can feed it
 * a committed JMH file and later commands ({@code report}, {@code check}) can reuse it.
 */
public final class CompareSummary {

    /** Issue 3: the strategy layer may add at most this much over jjwt's bare parse. */
    public static final double STATELESS_OVER_JJWT = 1.25;
    /** Issue 3: {@code two-token} with a valid short token against {@code stateless}. */
    public static final double TWO_TOKEN_OVER_STATELESS = 1.10;
    /** Issue 3: one database hit against the bare prepared-statement lookup. */
    public static final double HIT_OVER_BARE_LOOKUP = 1.5;
    /** Relative slack on hit counts, for the few logins and refreshes at iteration edges. */
    static final double HITS_SLACK = 0.02;

    private static final String PACKAGE = "org.revlab.bench.";

    private final List<SummaryRow> rows;
    private final List<TargetResult> targets;

    private CompareSummary(List<SummaryRow> rows, List<TargetResult> targets) {
        this.rows = rows;
        this.targets = targets;
    }

    public List<SummaryRow> rows() {
        return rows;
    }

    public List<TargetResult> targets() {
        return targets;
    }

    /**
     * Reads JMH's JSON result array.
     *
     * @param lastSeenResolution how often {@code stateful} writes a session's last-seen time,
     *     which adds hits beyond its one lookup
     * @throws IllegalArgumentException when the results are not what the suite writes: another
     *     benchmark mode than average time, or no rows at all
     */
    public static CompareSummary fromJmh(JsonNode jmh, Duration lastSeenResolution) {
        if (jmh == null || !jmh.isArray() || jmh.isEmpty()) {
            throw new IllegalArgumentException("The JMH result holds no benchmark results.");
        }
        List<SummaryRow> raw = new ArrayList<>();
        for (JsonNode result : jmh) {
            raw.add(readRow(result));
        }
        List<SummaryRow> rows = new ArrayList<>();
        for (SummaryRow row : raw) {
            rows.add(withRatios(row, raw));
        }
        rows.sort(ORDER);
        return new CompareSummary(List.copyOf(rows), evaluate(rows, lastSeenResolution));
    }

    private static final List<String> MODES = List.of("accept", "revoked", "tampered", "floor",
            "jjwt-bare", "round-trip", "bare-lookup", "store-find-session");

    private static final Comparator<SummaryRow> ORDER = Comparator
            .comparing((SummaryRow r) -> MODES.indexOf(r.mode()))
            .thenComparing(r -> r.strategy() == null ? -1 : StrategyId.parse(r.strategy())
                    .ordinal())
            .thenComparing(r -> String.valueOf(r.algorithm()))
            .thenComparing(r -> String.valueOf(r.store()))
            .thenComparing(r -> r.shortTtl() == null ? 0L
                    : Lab.parseDuration(r.shortTtl()).toMillis())
            .thenComparing(r -> r.rate() == null ? 0.0 : r.rate());

    private static SummaryRow readRow(JsonNode result) {
        String benchmark = result.path("benchmark").asText();
        if (!"avgt".equals(result.path("mode").asText())) {
            throw new IllegalArgumentException("Benchmark " + benchmark + " ran in mode '"
                    + result.path("mode").asText() + "'; compare reads average time only"
                    + " (avgt): do not pass -bm to JMH.");
        }
        String name = benchmark.startsWith(PACKAGE) ? benchmark.substring(PACKAGE.length())
                : benchmark;
        JsonNode params = result.path("params");
        JsonNode primary = result.path("primaryMetric");
        double toMicros = microsPer(primary.path("scoreUnit").asText(), benchmark);
        double us = primary.path("score").asDouble() * toMicros;
        Double usError = finite(primary.path("scoreError")).map(e -> e * toMicros).orElse(null);
        JsonNode secondary = result.path("secondaryMetrics");
        Double bytes = finite(secondary.path("gc.alloc.rate.norm").path("score")).orElse(null);
        String algorithm = text(params, "algorithm");
        String store = text(params, "store");

        switch (name) {
            case "StrategyBenchmark.accept":
            case "StrategyBenchmark.revoked":
            case "StrategyBenchmark.tampered": {
                String strategy = text(params, "strategy");
                StrategyId id = StrategyId.parse(strategy);
                Double requests = finite(secondary.path("requests").path("score")).orElse(null);
                Double hits = perRequest(secondary.path("dbHits"), requests);
                Double accepted = perRequest(secondary.path("accepted"), requests);
                String shortTtl = text(params, "shortTtl");
                String window = id == StrategyId.TWO_TOKEN
                        ? "at most the short TTL (" + shortTtl + ")" : id.windowByDesign();
                return new SummaryRow(strategy, algorithm, store, shortTtl,
                        Double.valueOf(text(params, "rate")), name.substring(name.indexOf('.') + 1),
                        us, usError, bytes, hits, accepted, null, null, window);
            }
            case "TokenFloorBenchmark.floor":
                return baseline(algorithm, null, "floor", us, usError, bytes, null);
            case "TokenFloorBenchmark.jjwtBare":
                return baseline(algorithm, null, "jjwt-bare", us, usError, bytes, null);
            case "StoreLookupBenchmark.bareLookup":
                return baseline(null, store, "bare-lookup", us, usError, bytes, 1.0);
            case "StoreRoundTripBenchmark.ping":
                return baseline(null, store, "round-trip", us, usError, bytes, 0.0);
            case "StoreLookupBenchmark.findSession":
                return baseline(null, store, "store-find-session", us, usError, bytes, 1.0);
            default:
                throw new IllegalArgumentException("Benchmark " + benchmark + " is not part of"
                        + " the comparison suite; select only org.revlab.bench benchmarks.");
        }
    }

    private static SummaryRow baseline(String algorithm, String store, String mode, double us,
            Double usError, Double bytes, Double hits) {
        return new SummaryRow(null, algorithm, store, null, null, mode, us, usError, bytes, hits,
                null, null, null, null);
    }

    private static SummaryRow withRatios(SummaryRow row, List<SummaryRow> all) {
        if (row.algorithm() == null) {
            return row;
        }
        Double floor = find(all, "floor", row.algorithm()).map(f -> row.usPerOp() / f.usPerOp())
                .orElse(null);
        Double jjwt = find(all, "jjwt-bare", row.algorithm())
                .map(j -> row.usPerOp() / j.usPerOp()).orElse(null);
        return row.withRatios(floor, jjwt);
    }

    private static Optional<SummaryRow> find(List<SummaryRow> rows, String mode, String alg) {
        return rows.stream().filter(r -> mode.equals(r.mode()) && alg.equals(r.algorithm()))
                .findFirst();
    }

    private static List<TargetResult> evaluate(List<SummaryRow> rows, Duration lastSeen) {
        List<TargetResult> out = new ArrayList<>();
        for (SummaryRow r : accepts(rows, StrategyId.STATELESS)) {
            find(rows, "jjwt-bare", r.algorithm()).ifPresent(j -> out.add(ratioTarget(
                    "stateless-overhead", where(r), r, j, STATELESS_OVER_JJWT,
                    "stateless", "jjwt's bare parse")));
        }
        for (SummaryRow r : accepts(rows, StrategyId.TWO_TOKEN)) {
            accepts(rows, StrategyId.STATELESS).stream()
                    .filter(s -> sameSetting(s, r)).findFirst()
                    .ifPresent(s -> out.add(ratioTarget("two-token-vs-stateless", where(r), r, s,
                            TWO_TOKEN_OVER_STATELESS, "two-token", "stateless")));
        }
        for (SummaryRow bare : rows) {
            if (!"bare-lookup".equals(bare.mode())) {
                continue;
            }
            rows.stream().filter(r -> "store-find-session".equals(r.mode())
                    && bare.store().equals(r.store())).findFirst()
                    .ifPresent(f -> out.add(ratioTarget("db-hit-cost",
                            "the store's findSession, " + bare.store(), f, bare,
                            HIT_OVER_BARE_LOOKUP, "the store's lookup", "the bare lookup")));
            for (SummaryRow s : accepts(rows, StrategyId.STATEFUL)) {
                if (bare.store().equals(s.store())) {
                    out.add(ratioTarget("db-hit-cost", "stateful request, " + where(s), s, bare,
                            HIT_OVER_BARE_LOOKUP, "a whole stateful request",
                            "the bare lookup"));
                }
            }
            for (SummaryRow ra : accepts(rows, StrategyId.REVOKE_ALL)) {
                accepts(rows, StrategyId.STATELESS).stream()
                        .filter(s -> sameSetting(s, ra) && bare.store().equals(ra.store()))
                        .findFirst().ifPresent(s -> out.add(hitOverStateless(ra, s, bare)));
            }
        }
        for (SummaryRow r : rows) {
            if ("accept".equals(r.mode()) && r.dbHitsPerOp() != null) {
                out.add(hitsTarget(r, lastSeen));
            }
        }
        return List.copyOf(out);
    }

    private static List<SummaryRow> accepts(List<SummaryRow> rows, StrategyId id) {
        return rows.stream().filter(r -> "accept".equals(r.mode())
                && id.id().equals(r.strategy())).toList();
    }

    /** Same algorithm, store and rate; the short TTL matters to two-token only. */
    private static boolean sameSetting(SummaryRow a, SummaryRow b) {
        return Objects.equals(a.algorithm(), b.algorithm()) && Objects.equals(a.store(), b.store())
                && Objects.equals(a.rate(), b.rate());
    }

    private static String where(SummaryRow r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.algorithm()).append(", ").append(r.store());
        if (StrategyId.TWO_TOKEN.id().equals(r.strategy())) {
            sb.append(", short TTL ").append(r.shortTtl());
        }
        sb.append(", ").append(number(r.rate())).append(" req/s");
        return sb.toString();
    }

    private static TargetResult ratioTarget(String target, String where, SummaryRow measured,
            SummaryRow base, double limit, String measuredName, String baseName) {
        double ratio = measured.usPerOp() / base.usPerOp();
        boolean met = ratio <= limit;
        boolean conclusive = conclusive(measured.usPerOp(), measured.usError(), base.usPerOp(),
                base.usError(), limit);
        String detail = String.format(Locale.ROOT, "%s %.2f µs against %s %.2f µs: %.2f×"
                + " (limit %.2f×)", measuredName, measured.usPerOp(), baseName, base.usPerOp(),
                ratio, limit);
        if (!met) {
            detail += "; " + dominates(measured, base, measuredName, baseName);
        }
        return new TargetResult(target, where, ratio, limit, met, conclusive, detail + ".");
    }

    private static TargetResult hitOverStateless(SummaryRow revokeAll, SummaryRow stateless,
            SummaryRow bare) {
        double extra = revokeAll.usPerOp() - stateless.usPerOp();
        double ratio = extra / bare.usPerOp();
        boolean met = ratio <= HIT_OVER_BARE_LOOKUP;
        Double extraError = revokeAll.usError() == null || stateless.usError() == null ? null
                : revokeAll.usError() + stateless.usError();
        boolean conclusive = conclusive(extra, extraError, bare.usPerOp(), bare.usError(),
                HIT_OVER_BARE_LOOKUP);
        String detail = String.format(Locale.ROOT, "revoke-all %.2f µs minus stateless %.2f µs"
                + " leaves %.2f µs for its one hit, against the bare lookup's %.2f µs: %.2f×"
                + " (limit %.2f×)", revokeAll.usPerOp(), stateless.usPerOp(), extra,
                bare.usPerOp(), ratio, HIT_OVER_BARE_LOOKUP);
        if (!met) {
            detail += "; the difference of two token-dominated figures carries both of their"
                    + " errors (" + number(revokeAll.usError()) + " and "
                    + number(stateless.usError()) + " µs)";
        }
        return new TargetResult("db-hit-cost", "revoke-all's hit, " + where(revokeAll), ratio,
                HIT_OVER_BARE_LOOKUP, met, conclusive, detail + ".");
    }

    /**
     * Whether the ratio {@code a / b} stays on one side of {@code limit} across both figures'
     * confidence intervals. Without an error (too few iterations) nothing can be said, so the
     * verdict counts as inconclusive.
     */
    static boolean conclusive(double a, Double aError, double b, Double bError, double limit) {
        if (aError == null || bError == null) {
            return false;
        }
        double low = (a - aError) / (b + bError);
        double high = b - bError <= 0 ? Double.POSITIVE_INFINITY : (a + aError) / (b - bError);
        return high <= limit || low > limit;
    }

    /**
     * What a slower row spends its extra time on, as far as the gc profiler tells: allocation
     * drives the young collections, so more bytes per request point at the extra work.
     */
    private static String dominates(SummaryRow measured, SummaryRow base, String measuredName,
            String baseName) {
        double extraUs = measured.usPerOp() - base.usPerOp();
        String errors = measured.usError() == null || base.usError() == null
                ? "too few iterations for an error estimate"
                : String.format(Locale.ROOT, "the two errors are ±%s and ±%s µs",
                        number(measured.usError()), number(base.usError()));
        if (measured.bytesPerOp() == null || base.bytesPerOp() == null) {
            return String.format(Locale.ROOT, "%s spends %.2f µs more per request; run with"
                    + " -prof gc to see its allocation; %s", measuredName, extraUs, errors);
        }
        double extraBytes = measured.bytesPerOp() - base.bytesPerOp();
        return String.format(Locale.ROOT, "%s spends %.2f µs and allocates %.0f B more per"
                + " request than %s (%.0f against %.0f B); %s", measuredName, extraUs,
                extraBytes, baseName, measured.bytesPerOp(), base.bytesPerOp(), errors);
    }

    /**
     * The fewest hits per request a strategy can make: {@code stateless} none, {@code
     * revoke-all} one, {@code stateful} one plus a last-seen write per resolution period, and
     * {@code two-token} one refresh per short TTL (a short token's {@code exp} is rounded down
     * to the second, so a cycle can be up to one second shorter).
     */
    static TargetResult hitsTarget(SummaryRow r, Duration lastSeen) {
        StrategyId id = StrategyId.parse(r.strategy());
        double rate = r.rate();
        double measured = r.dbHitsPerOp();
        double expected;
        double upper;
        String basis;
        switch (id) {
            case STATELESS:
                expected = 0;
                upper = 0;
                basis = "no store";
                break;
            case REVOKE_ALL:
                expected = 1;
                upper = 1;
                basis = "one epoch read";
                break;
            case STATEFUL: {
                double requestsPerWrite = Math.max(1, rate * lastSeen.toMillis() / 1000.0);
                expected = 1 + 1 / requestsPerWrite;
                upper = expected;
                basis = String.format(Locale.ROOT, "one lookup, plus the last-seen write once"
                        + " per %d s (1 in %s requests at %s req/s)", lastSeen.toSeconds(),
                        number(requestsPerWrite), number(rate));
                break;
            }
            case TWO_TOKEN: {
                double ttlSeconds = Lab.parseDuration(r.shortTtl()).toMillis() / 1000.0;
                double perCycle = Math.max(1, rate * ttlSeconds);
                expected = 1 / perCycle;
                upper = 1 / Math.max(1, rate * (ttlSeconds - 1));
                basis = String.format(Locale.ROOT, "one refresh per short TTL: 1 in %s requests"
                        + " at %s req/s and %s", number(perCycle), number(rate), r.shortTtl());
                break;
            }
            default:
                throw new IllegalStateException("No hit target for " + id);
        }
        boolean met = measured >= expected * (1 - HITS_SLACK) - 1e-9
                && measured <= upper * (1 + HITS_SLACK) + 1e-9;
        String detail = String.format(Locale.ROOT, "%s: %.4f hits per request measured, %.4f"
                + " expected (%s).", r.strategy(), measured, expected, basis);
        return new TargetResult("db-hits", r.strategy() + ", " + where(r), measured, expected,
                met, true, detail);
    }

    private static Double perRequest(JsonNode counter, Double requests) {
        Optional<Double> total = finite(counter.path("score"));
        if (total.isEmpty() || requests == null || requests <= 0) {
            return null;
        }
        // Both are sums over the same iterations, so their ratio is per request.
        return total.get() / requests;
    }

    private static double microsPer(String unit, String benchmark) {
        switch (unit) {
            case "ns/op": return 1e-3;
            case "us/op": return 1;
            case "ms/op": return 1e3;
            case "s/op": return 1e6;
            default:
                throw new IllegalArgumentException("Benchmark " + benchmark + " reports '" + unit
                        + "'; compare reads time per operation (ns/op, us/op, ms/op or s/op).");
        }
    }

    private static Optional<Double> finite(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        double value = node.isNumber() ? node.asDouble()
                : node.isTextual() ? parse(node.asText()) : Double.NaN;
        return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
    }

    private static double parse(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String text(JsonNode params, String name) {
        JsonNode n = params.get(name);
        return n == null || n.isNull() ? null : n.asText();
    }

    /** A figure with as many digits as it needs, or "-" when absent. */
    static String number(Double value) {
        if (value == null) {
            return "-";
        }
        double v = value;
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.valueOf((long) v);
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (Math.abs(v) >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (Math.abs(v) >= 0.1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** The rows as a table with the given column separator style (console or Markdown). */
    public List<String> table(boolean markdown) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"strategy", "alg", "store", "mode", "µs/request", "±",
            "bytes/request", "db hits/request", "accepted", "revocation window", "× floor",
            "× jjwt"});
        for (SummaryRow r : rows) {
            String name = r.strategy() != null ? r.strategy() : "(baseline)";
            if (StrategyId.TWO_TOKEN.id().equals(r.strategy())) {
                name += " " + r.shortTtl() + " @" + number(r.rate()) + "/s";
            }
            cells.add(new String[] {name, dash(r.algorithm()), dash(r.store()), r.mode(),
                number(r.usPerOp()), number(r.usError()), number(round(r.bytesPerOp())),
                number(r.dbHitsPerOp()), r.acceptedShare() == null ? "-"
                    : String.format(Locale.ROOT, "%.0f%%", 100 * r.acceptedShare()),
                dash(r.windowByDesign()), ratio(r.ratioToFloor()), ratio(r.ratioToJjwt())});
        }
        return format(cells, markdown);
    }

    /**
     * The backends side by side: each store's bare round trip (its floor), its bare and its own
     * session lookup, and each strategy's accepted request on it, with how much that grew over
     * the first store named. Where a strategy ran at several settings, the first in the
     * table's order stands for it.
     */
    public List<String> storeTable(boolean markdown) {
        List<String> stores = rows.stream().map(SummaryRow::store).filter(Objects::nonNull)
                .distinct().toList();
        List<String[]> cells = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("store", "round trip µs", "bare lookup µs",
                "store lookup µs"));
        for (StrategyId id : StrategyId.values()) {
            header.add(id.id() + " µs");
        }
        cells.add(header.toArray(String[]::new));
        if (stores.isEmpty()) {
            return format(cells, markdown);
        }
        String first = stores.get(0);
        for (String store : stores) {
            List<String> line = new ArrayList<>(List.of(store,
                    us(baselineOf("round-trip", store)), us(baselineOf("bare-lookup", store)),
                    us(baselineOf("store-find-session", store))));
            for (StrategyId id : StrategyId.values()) {
                Optional<SummaryRow> here = acceptOn(id, store);
                Optional<SummaryRow> base = acceptOn(id, first);
                String cell = here.map(r -> number(r.usPerOp())).orElse("-");
                if (here.isPresent() && base.isPresent() && !store.equals(first)) {
                    cell += String.format(Locale.ROOT, " (%+.1f)",
                            here.get().usPerOp() - base.get().usPerOp());
                }
                line.add(cell);
            }
            cells.add(line.toArray(String[]::new));
        }
        return format(cells, markdown);
    }

    private Optional<SummaryRow> baselineOf(String mode, String store) {
        return rows.stream().filter(r -> mode.equals(r.mode()) && store.equals(r.store()))
                .findFirst();
    }

    private Optional<SummaryRow> acceptOn(StrategyId id, String store) {
        return accepts(rows, id).stream().filter(r -> store.equals(r.store())).findFirst();
    }

    private static String us(Optional<SummaryRow> row) {
        return row.map(r -> number(r.usPerOp()) + (r.usError() == null ? ""
                : " ±" + number(r.usError()))).orElse("-");
    }

    /** The targets as a table. */
    public List<String> targetTable(boolean markdown) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"target", "where", "measured", "limit", "status"});
        for (TargetResult t : targets) {
            cells.add(new String[] {t.target(), t.where(), number(t.measured()),
                number(t.limit()), t.status()});
        }
        return format(cells, markdown);
    }

    private static List<String> format(List<String[]> cells, boolean markdown) {
        int[] width = new int[cells.get(0).length];
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (int n = 0; n < cells.size(); n++) {
            StringBuilder sb = new StringBuilder(markdown ? "| " : "");
            String[] row = cells.get(n);
            for (int i = 0; i < row.length; i++) {
                sb.append(String.format("%-" + width[i] + "s", row[i]));
                sb.append(markdown ? " | " : "  ");
            }
            lines.add(sb.toString().stripTrailing());
            if (n == 0) {
                StringBuilder rule = new StringBuilder(markdown ? "|" : "");
                for (int w : width) {
                    rule.append(markdown ? " " + "-".repeat(w) + " |" : "-".repeat(w) + "  ");
                }
                lines.add(rule.toString().stripTrailing());
            }
        }
        return lines;
    }

    private static Double round(Double v) {
        return v == null ? null : (double) Math.round(v);
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    private static String ratio(Double r) {
        return r == null ? "-" : String.format(Locale.ROOT, "%.2f", r);
    }

    /**
     * What the profilers showed for each target during development (stack profiler once,
     * gc profiler on every run), and what was tried; the summary repeats it where a target is
     * missed, beside that run's own figures.
     */
    public static final Map<String, String> FINDINGS = Map.of(
            "stateless-overhead", "Stack profile (-prof stack on StrategyBenchmark.accept,"
                    + " stateless, HS256): the running samples are jjwt's tokenizer, its JSON"
                    + " reading (a new InputStreamReader per parse), UTF-8 encoding and Base64"
                    + " decoding; no frame of the strategy layer is among the top ten and"
                    + " SHA-256 is under 1%. The gc profiler agrees: jjwt allocates about 40 KB"
                    + " per parse against 1.4 KB for the floor, and the strategy adds under"
                    + " 1 KB (claim checks, Date to Instant, the verdict). Tried: warm-up of"
                    + " 5 x 1 s (jjwt's cost still falls for several seconds, more slowly on a"
                    + " loaded machine) and a fork per benchmark. A miss whose error bars"
                    + " straddle the limit says nothing; re-run on a quiet machine.",
            "two-token-vs-stateless", "two-token's accepting path includes its refreshes:"
                    + " one request in rate x short TTL parses the long token, writes the"
                    + " store and signs a new short token, which costs several plain requests."
                    + " Between refreshes the work is stateless's single jjwt parse. The gc"
                    + " profiler shows the refresh share as the extra bytes per request.",
            "db-hit-cost", "Stack profile of stateful: HSQLDB's own execution dominates"
                    + " (QuerySpecification.buildResult, IndexAVL.findNode, the two-phase-"
                    + "locking transaction manager); JdbcSessionStore.findSession's own frames"
                    + " are about 5%. A stateful request adds the session record and its"
                    + " Instants, the lane queue and the hit counter. revoke-all's per-hit"
                    + " figure is the difference of two token-dominated figures, so its error"
                    + " is the sum of theirs and usually larger than the hit itself.",
            "db-hits", "Hits come from the store's own counter, not from timing; a miss means"
                    + " a strategy made more or fewer round trips than its design says.");

    /** Findings for the targets this run missed, by target id. */
    public Map<String, String> findingsForMisses() {
        Map<String, String> out = new java.util.TreeMap<>();
        targets.stream().filter(t -> !t.met())
                .forEach(t -> out.put(t.target(), FINDINGS.get(t.target())));
        return out;
    }

    /** Counts of met and missed targets, for one line of output. */
    public Map<String, Long> tally() {
        long met = targets.stream().filter(TargetResult::met).count();
        return Map.of("met", met, "missed", targets.size() - met);
    }
}
