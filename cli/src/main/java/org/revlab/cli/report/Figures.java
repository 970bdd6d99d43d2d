package org.revlab.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.revlab.cli.results.RunFolder;
import org.revlab.core.Lab;

/**
 * Reads the figures the report and the check use out of the runs' summaries, into small typed
 * rows. The schemas are those of {@code ./revlab compare} ({@code revlab-compare/1}),
 * {@code ./revlab attack} ({@code revlab-attack/1}) and the simulator's {@code simulate} and
 * {@code tune} summaries; a figure a summary lacks reads as NaN, never as zero.
 */
public final class Figures {

    private Figures() {
    }

    /** One row of a comparison (JMH): see {@code SummaryRow} in the compare command. */
    public record CompareRow(String strategy, String algorithm, String store, String shortTtl,
            double rate, String mode, double us, double usError, double hits, double requests,
            double iterations, double bytes) {

        public CompareRow(String strategy, String algorithm, String store, String shortTtl,
                double rate, String mode, double us, double usError, double hits) {
            this(strategy, algorithm, store, shortTtl, rate, mode, us, usError, hits, Double.NaN,
                    Double.NaN, Double.NaN);
        }

        CompareRow withBytes(double b) {
            return new CompareRow(strategy, algorithm, store, shortTtl, rate, mode, us, usError,
                    hits, requests, iterations, b);
        }

        /**
         * Runs from before the store option named the in-memory store {@code hsqldb-mem}; it is
         * the same backend as {@code mem}, and a baseline must still match it.
         */
        public static String canonicalStore(String store) {
            if (store == null) {
                return null;
            }
            return switch (store) {
                case "hsqldb-mem" -> "mem";
                case "postgresql" -> "postgres";
                default -> store;
            };
        }

        /** Strategy, algorithm, store, rate and (for two-token) short TTL. */
        public String key() {
            return strategy + " " + algorithm + " " + store
                    + ("two-token".equals(strategy) ? " short TTL " + shortTtl : "")
                    + " @" + Format.num(rate) + "/s";
        }

        boolean sameSetting(CompareRow o) {
            return Objects.equals(strategy, o.strategy) && Objects.equals(algorithm, o.algorithm)
                    && Objects.equals(canonicalStore(store), canonicalStore(o.store))
                    && rate == o.rate
                    && (!"two-token".equals(strategy) || Objects.equals(shortTtl, o.shortTtl));
        }

        public double shortTtlSeconds() {
            return shortTtl == null ? Double.NaN : Lab.parseDuration(shortTtl).toMillis() / 1e3;
        }
    }

    /** One strategy in one Gatling scenario; times in ms, NaN where the scenario has none. */
    public record AttackRow(String scenario, String strategy, double windowP50, double windowP99,
            double windowMax, double exposure, double throughput, double latP50, double latP95,
            double latP99, double baseRps, double baseP50, double baseP95, double baseP99,
            double hitsPerSecond, double hitsPerRequest, boolean passed) {
    }

    /** One simulated strategy (simulate) or one swept short TTL of two-token (tune). */
    public record SimRow(String strategy, double shortTtl, double accessTtl, double durationS,
            double requests, double hitsPerSecond, double hitsPerRequest, String windowKind,
            double windows, double windowP50, double windowP99, double windowMax,
            double exposure) {
    }

    public static List<CompareRow> compareRows(RunInfo run) {
        JsonNode jmh = jmh(run);
        List<CompareRow> out = new ArrayList<>();
        for (JsonNode r : run.summary().path("rows")) {
            CompareRow row = new CompareRow(text(r, "strategy"), text(r, "algorithm"),
                    text(r, "store"), text(r, "shortTtl"), num(r, "rate"), text(r, "mode"),
                    num(r, "usPerOp"), num(r, "usError"), num(r, "dbHitsPerOp"));
            out.add(withCounts(row, jmh).withBytes(num(r, "bytesPerOp")));
        }
        return out;
    }

    /** The run's raw JMH results when the folder has them (a baseline copy does not). */
    private static JsonNode jmh(RunInfo run) {
        Path file = run.dir().resolve("jmh.json");
        if (run.dir().getFileName() == null || !run.dir().getFileName().toString()
                .equals(run.name()) || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return RunFolder.JSON.readTree(file.toFile());
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Adds how many requests and measured iterations stood behind a strategy row, from JMH's
     * counters: a quick run's few requests make the per-request hit count coarse.
     */
    private static CompareRow withCounts(CompareRow row, JsonNode jmh) {
        if (jmh == null || row.strategy() == null) {
            return row;
        }
        for (JsonNode b : jmh) {
            JsonNode p = b.path("params");
            if (b.path("benchmark").asText().endsWith("." + row.mode())
                    && row.strategy().equals(p.path("strategy").asText())
                    && Objects.equals(row.algorithm(), p.path("algorithm").asText(null))
                    && Objects.equals(row.store(), p.path("store").asText(null))
                    && Objects.equals(row.shortTtl(), p.path("shortTtl").asText(null))
                    && row.rate() == num(p, "rate")) {
                double requests = num(b.path("secondaryMetrics").path("requests"), "score");
                double iterations = b.path("measurementIterations").asDouble(Double.NaN)
                        * b.path("forks").asDouble(1);
                return new CompareRow(row.strategy(), row.algorithm(), row.store(),
                        row.shortTtl(), row.rate(), row.mode(), row.us(), row.usError(),
                        row.hits(), requests, iterations, Double.NaN);
            }
        }
        return row;
    }

    /** The accepting-path rows of the strategies. */
    public static List<CompareRow> accepts(List<CompareRow> rows) {
        return rows.stream().filter(r -> r.strategy() != null && "accept".equals(r.mode()))
                .toList();
    }

    /** A baseline row ({@code floor}, {@code jjwt-bare}, {@code bare-lookup}) for a row. */
    public static Optional<CompareRow> reference(List<CompareRow> rows, String mode,
            CompareRow of) {
        return rows.stream().filter(r -> mode.equals(r.mode()))
                .filter(r -> mode.equals("bare-lookup") || mode.equals("store-find-session")
                        ? Objects.equals(r.store(), of.store())
                        : Objects.equals(r.algorithm(), of.algorithm()))
                .findFirst();
    }

    /**
     * The scenario whose windows the report shows: revocation-timing (a crowd of pairs) when
     * the run has it, otherwise stolen-token, or null when the run measured no windows.
     */
    public static String windowScenario(List<AttackRow> rows) {
        for (String preferred : List.of("revocation-timing", "stolen-token")) {
            if (rows.stream().anyMatch(r -> preferred.equals(r.scenario()))) {
                return preferred;
            }
        }
        return null;
    }

    /** The stateless accepting row with the same algorithm, store and rate. */
    public static Optional<CompareRow> stateless(List<CompareRow> rows, CompareRow of) {
        return accepts(rows).stream().filter(r -> "stateless".equals(r.strategy()))
                .filter(r -> Objects.equals(r.algorithm(), of.algorithm())
                        && Objects.equals(r.store(), of.store()) && r.rate() == of.rate())
                .findFirst();
    }

    public static List<AttackRow> attackRows(RunInfo run) {
        List<AttackRow> out = new ArrayList<>();
        for (JsonNode r : run.summary().path("results")) {
            JsonNode w = r.path("windowMs");
            JsonNode l = r.path("latencyMs");
            JsonNode b = r.path("baselineLatencyMs");
            out.add(new AttackRow(text(r, "scenario"), text(r, "strategy"), pos(w, "p50"),
                    pos(w, "p99"), pos(w, "max"), pos(r, "exposure"), pos(r, "throughputRps"),
                    pos(l, "p50"), pos(l, "p95"), pos(l, "p99"), pos(r, "baselineRps"),
                    pos(b, "p50"), pos(b, "p95"), pos(b, "p99"), pos(r, "dbHitsPerSecond"),
                    pos(r, "dbHitsPerRequest"), r.path("passed").asBoolean(false)));
        }
        return out;
    }

    /** An attack run's setting, such as {@code revlab.shortTtl}, in milliseconds. */
    public static double attackSettingMs(RunInfo run, String key) {
        String v = run.summary().path("settings").path(key).asText("");
        return v.isEmpty() ? Double.NaN : Lab.parseDuration(v).toMillis();
    }

    /** Simulate: one row per strategy; tune: one two-token row per swept short TTL. */
    public static List<SimRow> simRows(RunInfo run) {
        JsonNode summary = run.summary();
        JsonNode params = summary.path("parameters");
        boolean tune = run.kind() == RunKind.TUNE;
        List<SimRow> out = new ArrayList<>();
        for (JsonNode r : summary.path(tune ? "frontier" : "results")) {
            double duration = r.has("duration_s") ? num(r, "duration_s")
                    : num(params, "duration_s");
            double access = r.has("access_ttl_s") ? num(r, "access_ttl_s")
                    : num(params, "access_ttl_s");
            out.add(new SimRow(tune ? "two-token" : text(r, "strategy"), num(r, "short_ttl_s"),
                    access, duration, num(r, "requests"), num(r, "db_hits_per_s"),
                    num(r, "db_hits_per_request"), tune ? "bounded" : text(r, "window_kind"),
                    num(r, "windows"), num(r, "window_p50_s"), num(r, "window_p99_s"),
                    num(r, "window_max_s"), num(r, "exposure")));
        }
        return out;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static double num(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        try {
            return Double.parseDouble(v.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The attack summary writes -1 for "does not apply"; that reads as NaN here. */
    private static double pos(JsonNode n, String field) {
        double v = num(n, field);
        return v < 0 ? Double.NaN : v;
    }
}
