package org.revlab.cli.sim;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.revlab.cli.Home;
import org.revlab.cli.results.Environment;
import org.revlab.cli.results.RunFolder;
import org.revlab.core.StrategyId;
import org.revlab.core.sim.Rates;
import org.revlab.core.sim.Simulation;
import org.revlab.core.sim.SimulationResult;
import org.revlab.core.sim.SimulationSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./revlab tune}: sweeps two-token's short TTL for one traffic shape, prints the frontier
 * of database hits per second against the worst and p99 revocation window, writes it as
 * {@code frontier.csv} and {@code frontier.png}, and recommends a TTL for a database budget or a
 * longest acceptable window, with the figures behind the choice.
 */
@Command(name = "tune", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sweep two-token's short TTL in the simulator and recommend one.",
            "--db-budget 500/s: the shortest TTL whose database hits fit the budget.",
            "--max-window 2m: the cheapest TTL whose worst revocation window fits."})
public final class TuneCommand implements Callable<Integer> {

    static final String CSV = "frontier.csv";
    static final String PNG = "frontier.png";
    static final List<String> COLUMNS = List.of("short_ttl_s", "requests", "refreshes",
            "db_hits", "db_hits_per_s", "db_hits_per_request", "windows", "window_p50_s",
            "window_p99_s", "window_max_s", "exposure", "db_time_ms_per_s");

    /** One swept TTL and what the simulator measured with it. */
    record Point(Duration ttl, SimulationResult result) {
        String label() {
            return TrafficOptions.text(ttl);
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    TrafficOptions traffic;

    @Option(names = "--ttls", paramLabel = "LIST", defaultValue = "5s,15s,30s,1m,2m,5m,10m,15m",
            description = "Short TTLs to sweep, comma-separated (default: ${DEFAULT-VALUE}).")
    String ttls;

    @Option(names = "--db-budget", paramLabel = "RATE",
            description = "Database hits per second you can afford, e.g. 500/s: recommends the"
                    + " shortest TTL that fits.")
    String dbBudget;

    @Option(names = "--max-window", paramLabel = "DURATION",
            description = "Longest acceptable revocation window, e.g. 2m: recommends the"
                    + " cheapest TTL whose worst window fits.")
    String maxWindow;

    @Option(names = "--hit-cost-us", paramLabel = "MICROS",
            description = "Measured cost of one database hit on your backend, in microseconds;"
                    + " adds the database time per second to the frontier.")
    Double hitCostUs;

    @Option(names = "--hit-cost-of", paramLabel = "STORE",
            description = "Take the cost of one database hit from the newest './revlab compare'"
                    + " run that measured this store (mem, postgres, redis).")
    String hitCostOf;

    @Option(names = "--threads", paramLabel = "N",
            description = "TTLs simulated in parallel; results do not depend on it (default: up"
                    + " to 2).")
    Integer threads;

    @Option(names = "--quiet", description = "No progress bar on stderr.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SimulationSettings base = traffic.settings(null, false);
        List<Duration> sweep = parseTtls(ttls, base.lab().longTtl());
        Double budget = dbBudget == null ? null : Rates.perSecond("--db-budget", dbBudget);
        if (budget != null && !(budget > 0)) {
            throw new IllegalArgumentException("--db-budget " + dbBudget + " is out of range;"
                    + " give more than 0 hits per second, e.g. 500/s.");
        }
        Duration window = maxWindow == null ? null
                : TrafficOptions.duration("--max-window", maxWindow, null);
        if (window != null && window.isNegative()) {
            throw new IllegalArgumentException("--max-window " + maxWindow + " is out of range;"
                    + " give 0s or more.");
        }
        if (hitCostUs != null && !(hitCostUs > 0 && hitCostUs <= 1_000_000)) {
            throw new IllegalArgumentException("--hit-cost-us " + hitCostUs + " is out of range;"
                    + " give more than 0 up to 1000000 microseconds.");
        }
        if (hitCostOf != null) {
            if (hitCostUs != null) {
                throw new IllegalArgumentException("Give either --hit-cost-us or --hit-cost-of,"
                        + " not both.");
            }
            MeasuredHitCost measured = MeasuredHitCost.find(Home.get(), hitCostOf);
            hitCostUs = measured.micros();
            out.printf(Locale.ROOT, "tune: one database hit on %s costs %.2f µs (store lookup in"
                    + " run %s)%n", measured.store(), measured.micros(), measured.run());
        }
        int n = threads == null ? Runs.defaultThreads() : threads;
        if (n < 1 || n > 64) {
            throw new IllegalArgumentException("--threads " + n
                    + " is out of range; give 1 to 64.");
        }

        long start = System.nanoTime();
        AtomicLong cpu = new AtomicLong();
        List<SimulationResult> results;
        try (SimProgress progress = new SimProgress("tune " + sweep.size() + " TTLs",
                sweep.size() * base.duration().toSeconds(), quiet)) {
            List<Callable<SimulationResult>> runs = new ArrayList<>();
            for (Duration ttl : sweep) {
                SimulationSettings s = base.withShortTtl(ttl);
                runs.add(() -> Simulation.run(StrategyId.TWO_TOKEN, s, progress.listener()));
            }
            results = Runs.all(runs, n, cpu);
        }
        Speed speed = Speed.of(start, cpu.get(), results, Math.min(n, sweep.size()));
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < sweep.size(); i++) {
            points.add(new Point(sweep.get(i), results.get(i)));
        }
        if ((budget != null || window != null)
                && points.stream().anyMatch(p -> p.result().windows().count() == 0)) {
            throw new IllegalArgumentException("No revocation was observed in some runs, so no"
                    + " window can be compared; raise --revoke-rate, --users or --duration.");
        }
        Recommendation rec = Recommendation.of(points, budget, window, hitCostUs);

        List<List<String>> rows = new ArrayList<>();
        points.forEach(p -> rows.add(List.of(csvRow(p).split(",", -1))));
        String table = Tables.text(COLUMNS, rows);
        write(base, points, rec, budget, window, speed, table);

        out.print(table);
        out.println(speed.line());
        rec.lines().forEach(out::println);
        return 0;
    }

    private void write(SimulationSettings base, List<Point> points, Recommendation rec,
            Double budget, Duration window, Speed speed, String table) {
        PrintWriter out = spec.commandLine().getOut();
        RunFolder run = RunFolder.start(Home.get(), "tune", out);
        try {
            StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append('\n');
            points.forEach(p -> csv.append(csvRow(p)).append('\n'));
            run.writeText(CSV, csv.toString());

            FrontierChart.render(points, budget, window == null ? null
                    : window.toMillis() / 1000.0, rec.chosen(), rec.headline(), subtitle(base),
                    run.resolve(PNG));
            out.println("wrote " + run.finalPath().resolve(PNG));

            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("kind", "tune");
            summary.put("schema", 1);
            summary.put("csv", CSV);
            summary.put("chart", PNG);
            Map<String, Object> params = TrafficOptions.describe(base);
            params.remove("short_ttl_s");
            params.put("ttls_s", points.stream().map(p -> p.ttl().toSeconds()).toList());
            params.put("db_budget_per_s", budget);
            params.put("max_window_s", window == null ? null : window.toMillis() / 1000.0);
            params.put("hit_cost_us", hitCostUs);
            params.put("hit_cost_of", hitCostOf);
            summary.put("parameters", params);
            List<Map<String, Object>> frontier = new ArrayList<>();
            points.forEach(p -> frontier.add(Tables.json(COLUMNS, csvRow(p))));
            summary.put("frontier", frontier);
            summary.put("recommendation", rec.toMap());
            summary.put("speed", speed.toMap());
            Map<String, Object> env = Environment.capture(Home.get(),
                    spec.commandLine().getParseResult().originalArgs());
            summary.put("environment", env);
            run.writeJson("summary.json", summary);

            StringBuilder md = new StringBuilder("# Short-TTL tuning (two-token)\n\n");
            md.append("Command: `").append(env.get("command")).append("` at commit ")
                    .append(env.get("commit")).append(".\n\n");
            md.append(Tables.markdown(COLUMNS, splitRows(points))).append('\n');
            md.append("![frontier](").append(PNG).append(")\n\n");
            rec.lines().forEach(l -> md.append(l).append("\n\n"));
            md.append("Traffic: ").append(subtitle(base)).append(".\n\n");
            md.append(speed.line()).append(" (").append(env.get("cores")).append(" cores, ")
                    .append(env.get("jvm")).append(").\n");
            run.writeText("summary.md", md.toString());
            run.publish();
        } catch (RuntimeException e) {
            run.abandon();
            throw e;
        }
    }

    private List<List<String>> splitRows(List<Point> points) {
        List<List<String>> rows = new ArrayList<>();
        points.forEach(p -> rows.add(List.of(csvRow(p).split(",", -1))));
        return rows;
    }

    private String csvRow(Point p) {
        SimulationResult r = p.result();
        String dbTime = hitCostUs == null ? ""
                : String.format(Locale.ROOT, "%.3f", r.hitsPerSecond() * hitCostUs / 1000);
        return String.join(",", String.valueOf(p.ttl().toSeconds()),
                String.valueOf(r.requests()), String.valueOf(r.refreshes()),
                String.valueOf(r.dbHits()),
                String.format(Locale.ROOT, "%.3f", r.hitsPerSecond()),
                String.format(Locale.ROOT, "%.5f", r.hitsPerRequest()),
                String.valueOf(r.windows().count()),
                SimulationResult.seconds(r.windows().p50Ms()),
                SimulationResult.seconds(r.windows().p99Ms()),
                SimulationResult.seconds(r.windows().maxMs()),
                String.valueOf(r.exposure()), dbTime);
    }

    private static String subtitle(SimulationSettings s) {
        return String.format(Locale.ROOT, "%,d users × %d devices, %s per session (%s), "
                + "sessions %s + idle %s, revokes %s per user, %s simulated, seed %d",
                s.users(), s.devicesPerUser(), Rates.format(s.requestRate()),
                s.bursty() ? "bursty" : "Poisson", TrafficOptions.text(s.sessionLength()),
                TrafficOptions.text(s.idleMean()), perHour(s.revokeRate()),
                TrafficOptions.text(s.duration()), s.seed());
    }

    private static String perHour(double perSecond) {
        return String.format(Locale.ROOT, "%.3g/h", perSecond * 3600);
    }

    static List<Duration> parseTtls(String text, Duration longTtl) {
        List<Duration> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            Duration ttl = TrafficOptions.duration("--ttls", part.trim(), null);
            TrafficOptions.requireTtl("--ttls", ttl, longTtl, true);
            if (ttl.toMillis() % 1000 != 0) {
                throw new IllegalArgumentException("--ttls " + part.trim() + " is not whole"
                        + " seconds; tokens carry whole-second expiry, so give 1s, 90s, 2m….");
            }
            if (!out.contains(ttl)) {
                out.add(ttl);
            }
        }
        if (out.isEmpty() || out.size() > 40) {
            throw new IllegalArgumentException("--ttls '" + text + "' names " + out.size()
                    + " TTLs; give 1 to 40, comma-separated, e.g. 15s,1m,5m.");
        }
        out.sort(null);
        return out;
    }
}
