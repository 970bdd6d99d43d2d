package org.revlab.cli.attack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the simulations' result files into the attack run's summary: one row per strategy and
 * scenario, the list of broken bounds as sentences, and a Markdown table.
 *
 * <p>{@code summary.json} schema ({@code "schema": "revlab-attack/1"}; times in ms, rates per
 * second; -1 where a figure does not apply or is missing):
 * <pre>
 * { "schema", "passed": bool, "brokenBounds": [sentence…], "settings": {…},
 *   "environment": {…},
 *   "results": [ { "scenario", "strategy", "passed", "exitCode",
 *       "windowMs": {"p50","p99","max"}, "exposure", "pairs",
 *       "throughputRps", "latencyMs": {"p50","p95","p99"},
 *       "baselineRps", "baselineLatencyMs": {"p50","p95","p99"},
 *       "dbHitsPerSecond", "dbHitsPerRequest",
 *       "outage": {"outageMs", "requests", "availabilityPct", "unavailable503",
 *                  "rejected401", "falseAccepts", "recoveryMs"} (outage scenario only),
 *       "bounds": [ {"name","limit","observed","passed","sentence"} ],
 *       "raw", "report", "log" } ] }
 * </pre>
 */
public final class AttackSummary {

    public static final String SCHEMA = "revlab-attack/1";

    /** One simulation run as the command saw it: its exit code and its result file. */
    public record Run(String scenario, String strategy, int exitCode,
            Map<String, Object> result, String raw, String report, String log) {
    }

    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final List<String> broken = new ArrayList<>();

    public AttackSummary(List<Run> runs) {
        for (Run run : runs) {
            rows.add(row(run));
        }
    }

    public boolean passed() {
        return broken.isEmpty();
    }

    /** One sentence per broken bound, in run order. */
    public List<String> brokenBounds() {
        return List.copyOf(broken);
    }

    public List<Map<String, Object>> rows() {
        return List.copyOf(rows);
    }

    /** The document written as {@code summary.json}. */
    public Map<String, Object> toJson(Map<String, Object> settings, Map<String, Object> env) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("schema", SCHEMA);
        out.put("passed", passed());
        out.put("brokenBounds", brokenBounds());
        out.put("settings", settings);
        out.put("environment", env);
        out.put("results", rows);
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> row(Run run) {
        Map<String, Object> r = run.result() == null ? Map.of() : run.result();
        Map<String, Object> windows = (Map<String, Object>) r.getOrDefault("windows", Map.of());
        Map<String, Object> resource = (Map<String, Object>) r.getOrDefault("resource", Map.of());
        Map<String, Object> baseline = (Map<String, Object>) r.getOrDefault("baseline", Map.of());
        Map<String, Object> db = (Map<String, Object>) r.getOrDefault("dbHits", Map.of());
        List<Map<String, Object>> bounds =
                (List<Map<String, Object>>) r.getOrDefault("bounds", List.of());

        Map<String, Object> row = new LinkedHashMap<>();
        row.put("scenario", run.scenario());
        row.put("strategy", run.strategy());
        row.put("exitCode", run.exitCode());
        boolean attack = !"throughput".equals(run.scenario());
        row.put("windowMs", attack ? triple(windows, "p50Ms", "p99Ms", "maxMs", "p50", "p99",
                "max") : triple(Map.of(), "", "", "", "p50", "p99", "max"));
        row.put("exposure", attack ? number(windows, "exposure") : -1L);
        row.put("pairs", attack ? number(windows, "pairs") : -1L);
        row.put("throughputRps", decimal(resource, "perSecond"));
        row.put("latencyMs", triple(resource, "p50Ms", "p95Ms", "p99Ms", "p50", "p95", "p99"));
        row.put("baselineRps", decimal(baseline, "perSecond"));
        row.put("baselineLatencyMs",
                triple(baseline, "p50Ms", "p95Ms", "p99Ms", "p50", "p95", "p99"));
        row.put("dbHitsPerSecond", decimal(db, "perSecond"));
        row.put("dbHitsPerRequest", decimal(db, "perRequest"));
        Map<String, Object> outage = (Map<String, Object>) r.get("outage");
        if (outage != null) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("outageMs", number(outage, "measuredMs"));
            o.put("requests", number(outage, "requests"));
            o.put("availabilityPct", decimal(outage, "availabilityPct"));
            o.put("unavailable503", number(outage, "unavailable503"));
            o.put("rejected401", number(outage, "rejected401"));
            o.put("falseAccepts", number(outage, "falseAccepts"));
            o.put("recoveryMs", number(outage, "recoveryMs"));
            row.put("outage", o);
        }
        row.put("bounds", bounds);
        row.put("raw", run.raw());
        row.put("report", run.report());
        row.put("log", run.log());

        List<String> sentences = new ArrayList<>();
        if (run.result() == null) {
            sentences.add(run.scenario() + " against " + run.strategy() + " stopped before"
                    + " writing its results (exit code " + run.exitCode() + "); see "
                    + run.log() + ".");
        } else {
            for (Map<String, Object> b : bounds) {
                if (!Boolean.TRUE.equals(b.get("passed"))) {
                    sentences.add(run.scenario() + ": " + b.get("sentence"));
                }
            }
            if (run.exitCode() != 0 && sentences.isEmpty()) {
                sentences.add(run.scenario() + " against " + run.strategy() + ": Gatling's"
                        + " assertions failed (a request failed or was accepted where the bound"
                        + " forbids it; exit code " + run.exitCode() + "); see " + run.log()
                        + " and the report.");
            }
        }
        row.put("passed", sentences.isEmpty());
        broken.addAll(sentences);
        return row;
    }

    /** The Markdown written as {@code summary.md}. */
    @SuppressWarnings("unchecked")
    public String toMarkdown(String title, List<String> notes) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        for (String note : notes) {
            md.append(note).append("\n");
        }
        md.append("\n| strategy | scenario | window p50 / p99 / max (ms) | exposure | resource"
                + " req/s | latency p50 / p95 / p99 (ms) | /public req/s | db hits/s | bounds"
                + " |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Map<String, Object> row : rows) {
            Map<String, Object> w = (Map<String, Object>) row.get("windowMs");
            Map<String, Object> l = (Map<String, Object>) row.get("latencyMs");
            md.append("| ").append(row.get("strategy"))
                    .append(" | ").append(row.get("scenario"))
                    .append(" | ").append(slash(w, "p50", "p99", "max"))
                    .append(" | ").append(dash(row.get("exposure")))
                    .append(" | ").append(dash(row.get("throughputRps")))
                    .append(" | ").append(slash(l, "p50", "p95", "p99"))
                    .append(" | ").append(dash(row.get("baselineRps")))
                    .append(" | ").append(dash(row.get("dbHitsPerSecond")))
                    .append(" | ").append(Boolean.TRUE.equals(row.get("passed")) ? "pass"
                            : "**FAIL**")
                    .append(" |\n");
        }
        List<Map<String, Object>> outages = rows.stream().filter(r -> r.containsKey("outage"))
                .toList();
        if (!outages.isEmpty()) {
            md.append("\n## Store outage\n\n");
            md.append("Client-side figures for requests sent after the store went down and"
                    + " answered before it returned; a false accept is a 200 that only the"
                    + " store could decide; recovery is from the store's return to the first"
                    + " such 200 (– where no request needs the store); a 401 is a token that"
                    + " expired and could not be renewed while the store was down.\n\n");
            md.append("| strategy | outage (ms) | requests | availability | 503s | 401s | false"
                    + " accepts | recovery (ms) |\n");
            md.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
            for (Map<String, Object> row : outages) {
                Map<String, Object> o = (Map<String, Object>) row.get("outage");
                md.append("| ").append(row.get("strategy"))
                        .append(" | ").append(dash(o.get("outageMs")))
                        .append(" | ").append(dash(o.get("requests")))
                        .append(" | ").append(dash(o.get("availabilityPct")))
                        .append(o.get("availabilityPct") instanceof Number n
                                && n.doubleValue() >= 0 ? " %" : "")
                        .append(" | ").append(dash(o.get("unavailable503")))
                        .append(" | ").append(dash(o.get("rejected401")))
                        .append(" | ").append(dash(o.get("falseAccepts")))
                        .append(" | ").append(dash(o.get("recoveryMs")))
                        .append(" |\n");
            }
        }
        if (!broken.isEmpty()) {
            md.append("\n## Broken bounds\n\n");
            broken.forEach(s -> md.append("- ").append(s).append("\n"));
        }
        return md.toString();
    }

    private static Map<String, Object> triple(Map<String, Object> from, String a, String b,
            String c, String na, String nb, String nc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(na, number(from, a));
        m.put(nb, number(from, b));
        m.put(nc, number(from, c));
        return m;
    }

    private static long number(Map<String, Object> from, String key) {
        Object v = from.get(key);
        return v instanceof Number n ? n.longValue() : -1;
    }

    private static double decimal(Map<String, Object> from, String key) {
        Object v = from.get(key);
        return v instanceof Number n ? n.doubleValue() : -1;
    }

    private static String slash(Map<String, Object> m, String a, String b, String c) {
        if (number(m, a) < 0) {
            return "–";
        }
        return m.get(a) + " / " + m.get(b) + " / " + m.get(c);
    }

    private static String dash(Object v) {
        if (v instanceof Number n && n.doubleValue() < 0) {
            return "–";
        }
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.1f", d);
        }
        return String.valueOf(v);
    }
}
