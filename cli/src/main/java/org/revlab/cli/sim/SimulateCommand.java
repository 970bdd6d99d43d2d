package org.revlab.cli.sim;

import java.io.PrintWriter;
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
import org.revlab.core.sim.Outage;
import org.revlab.core.sim.OutageStats;
import org.revlab.core.sim.RevocationBounds;
import org.revlab.core.sim.Simulation;
import org.revlab.core.sim.SimulationResult;
import org.revlab.core.sim.SimulationSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./revlab simulate}: every strategy under one traffic shape in virtual time, with the
 * real strategy code and store. Writes {@code simulate.csv}, then {@code summary.json} and
 * {@code summary.md}, to a new run folder ({@code -outage} with {@code --outage});
 * {@code --check} also asserts each strategy's revocation-window bound and exits 1 when one
 * breaks, for CI.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate users, devices, revocations and attackers in virtual time and"
                + " count each strategy's database hits and revocation windows.",
            "With --check: a small shape (a few seconds) that asserts the window bounds: 0 for"
                + " stateful and revoke-all, at most the short TTL for two-token, until expiry"
                + " for stateless; exit 1 if one breaks."})
public final class SimulateCommand implements Callable<Integer> {

    static final String CSV = "simulate.csv";

    @Spec
    CommandSpec spec;

    @Mixin
    TrafficOptions traffic;

    @Option(names = "--short-ttl", paramLabel = "DURATION",
            description = "Short-lived token of two-token (default: 1m; 30s with --check).")
    String shortTtl;

    @Option(names = "--strategy", paramLabel = "IDS", defaultValue = "all",
            description = "Strategies, comma-separated, or all (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--check",
            description = "Assert every strategy's revocation-window bound; exit 1 if one breaks.")
    boolean check;

    @Option(names = "--outage", paramLabel = "START+LENGTH",
            description = "Take the store down in virtual time, START into the measured period"
                    + " for LENGTH (e.g. 10m+5m), and report each strategy's availability and"
                    + " false accepts in that window.")
    String outage;

    @Option(names = "--threads", paramLabel = "N",
            description = "Strategies simulated in parallel (default: up to 2).")
    Integer threads;

    @Option(names = "--quiet", description = "No progress bar on stderr.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SimulationSettings settings = traffic.settings(shortTtl, check);
        if (outage != null) {
            settings = settings.withOutage(Outage.parse(outage));
        }
        SimulationSettings shape = settings;
        List<StrategyId> ids = strategies(strategy);
        int n = threads == null ? Runs.defaultThreads() : threads;
        if (n < 1 || n > 64) {
            throw new IllegalArgumentException("--threads " + n
                    + " is out of range; give 1 to 64.");
        }

        long start = System.nanoTime();
        AtomicLong cpu = new AtomicLong();
        List<SimulationResult> results;
        try (SimProgress progress = new SimProgress("simulate",
                ids.size() * settings.duration().toSeconds(), quiet)) {
            List<Callable<SimulationResult>> runs = new ArrayList<>();
            for (StrategyId id : ids) {
                runs.add(() -> Simulation.run(id, shape, progress.listener()));
            }
            results = Runs.all(runs, n, cpu);
        }
        Speed speed = Speed.of(start, cpu.get(), results, Math.min(n, ids.size()));

        List<List<String>> violations = new ArrayList<>();
        for (SimulationResult r : results) {
            violations.add(check ? RevocationBounds.violations(r) : List.of());
        }
        write(settings, results, violations, speed);

        out.print(Tables.text(tableHeader(shape), tableRows(shape, results)));
        if (noWindowsNote(results) != null) {
            out.println("note: " + noWindowsNote(results));
        }
        out.println(speed.line());
        if (!check) {
            return 0;
        }
        boolean failed = false;
        for (int i = 0; i < results.size(); i++) {
            SimulationResult r = results.get(i);
            List<String> broken = violations.get(i);
            out.printf("check %-10s %s  (%s)%n", r.strategy().id(), broken.isEmpty() ? "PASS"
                    : "FAIL", RevocationBounds.promise(r));
            broken.forEach(b -> out.println("  " + b));
            failed |= !broken.isEmpty();
        }
        out.println(failed ? "check: FAILED" : "check: every strategy kept its revocation bound");
        return failed ? 1 : 0;
    }

    private void write(SimulationSettings settings, List<SimulationResult> results,
            List<List<String>> violations, Speed speed) {
        PrintWriter out = spec.commandLine().getOut();
        // An outage run goes to its own kind of folder: the report and the regression check
        // read the newest plain simulate run, and an outage's hit counts are not comparable.
        RunFolder run = RunFolder.start(Home.get(), settings.outage() == null ? "simulate"
                : "outage", out);
        try {
            List<String> columns = SimulationResult.csvColumns(settings.outage() != null);
            StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
            results.forEach(r -> csv.append(r.csvRow()).append('\n'));
            run.writeText(CSV, csv.toString());

            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("kind", "simulate");
            summary.put("schema", 1);
            summary.put("csv", CSV);
            summary.put("parameters", parameters(settings));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                Map<String, Object> row = Tables.json(columns, results.get(i).csvRow());
                if (check) {
                    row.put("bound", RevocationBounds.promise(results.get(i)));
                    row.put("violations", violations.get(i));
                }
                rows.add(row);
            }
            summary.put("results", rows);
            if (check) {
                summary.put("check_passed", violations.stream().allMatch(List::isEmpty));
            }
            summary.put("speed", speed.toMap());
            Map<String, Object> env = Environment.capture(Home.get(),
                    spec.commandLine().getParseResult().originalArgs());
            summary.put("environment", env);
            run.writeJson("summary.json", summary);
            run.writeText("summary.md", markdown(settings, results, speed, env));
            run.publish();
        } catch (RuntimeException e) {
            run.abandon();
            throw e;
        }
    }

    private static String markdown(SimulationSettings settings, List<SimulationResult> results,
            Speed speed, Map<String, Object> env) {
        StringBuilder md = new StringBuilder("# Simulation\n\n");
        md.append("Command: `").append(env.get("command")).append("` at commit ")
                .append(env.get("commit")).append(".\n\n");
        md.append(Tables.markdown(tableHeader(settings), tableRows(settings, results)))
                .append('\n');
        if (noWindowsNote(results) != null) {
            md.append("Note: ").append(noWindowsNote(results)).append("\n\n");
        }
        if (settings.outage() != null) {
            md.append(OUTAGE_NOTE).append("\n\n");
        }
        md.append("Parameters:\n\n");
        parameters(settings).forEach((k, v) ->
                md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n").append(speed.line()).append(" (").append(env.get("cores"))
                .append(" cores, ").append(env.get("jvm")).append(").\n");
        return md.toString();
    }

    static final String OUTAGE_NOTE = "Outage columns count legitimate requests in the"
            + " outage window (those held back by a device whose log-in failed included),"
            + " how many were served (avail), the share served of those sent with credentials"
            + " (avail w/ token), and false accepts: accepts in the window that needed the"
            + " store (must be 0). Attacker accepts are valid tokens that need no store check.";

    /** The parameters as written in the summary, with the outage when there is one. */
    static Map<String, Object> parameters(SimulationSettings settings) {
        Map<String, Object> p = TrafficOptions.describe(settings);
        if (settings.outage() != null) {
            p.put("outage", settings.outage().text());
            p.put("outage_start_s", settings.outage().start().toSeconds());
            p.put("outage_length_s", settings.outage().length().toSeconds());
        }
        return p;
    }

    /** A note under the table when no revocation happened, so that no window was measured. */
    static String noWindowsNote(List<SimulationResult> results) {
        return results.stream().anyMatch(r -> r.windows().count() == 0)
                ? "no revocation happened for some strategies, so no window was measured for"
                        + " them; raise --revoke-rate, --users or --duration."
                : null;
    }

    static List<String> tableHeader(SimulationSettings settings) {
        List<String> h = new ArrayList<>(List.of("strategy", "requests", "db hits", "hits/s",
                "hits/req", "refreshes", "window min", "p50", "p99", "max", "exposure"));
        if (settings.outage() != null) {
            h.addAll(List.of("outage reqs", "served", "avail", "avail w/ token", "false acc",
                    "attacker acc", "failed logins", "deferred revokes"));
        }
        return h;
    }

    static List<List<String>> tableRows(SimulationSettings settings,
            List<SimulationResult> results) {
        List<List<String>> rows = new ArrayList<>();
        for (SimulationResult r : results) {
            String[] row = r.csvRow().split(",");
            boolean expiry = r.windows().kind().equals("until expiry");
            String suffix = expiry ? " (expiry)" : "";
            // With no revocation in the run there is no window to show; 0 s would read as an
            // instant revocation, even for stateless.
            boolean none = r.windows().count() == 0;
            List<String> cells = new ArrayList<>(List.of(r.strategy().id(), row[5], row[10],
                    row[11], row[12], row[7], none ? "none" : row[15] + " s",
                    none ? "-" : row[16] + " s", none ? "-" : row[17] + " s",
                    none ? "-" : row[18] + " s" + suffix, row[21]));
            OutageStats o = r.outage();
            if (settings.outage() != null && o != null) {
                cells.addAll(List.of(String.valueOf(o.requests()), String.valueOf(o.accepted()),
                        String.format(Locale.ROOT, "%.2f %%", o.availabilityPercent()),
                        String.format(Locale.ROOT, "%.2f %%", o.presentedAvailabilityPercent()),
                        String.valueOf(o.falseAccepts()),
                        o.attackerAccepted() + "/" + o.attackerRequests(),
                        String.valueOf(o.failedLogins()), String.valueOf(o.deferredRevokes())));
            }
            rows.add(cells);
        }
        return rows;
    }

    static List<StrategyId> strategies(String text) {
        if (text == null || text.isBlank() || text.trim().equals("all")) {
            return List.of(StrategyId.values());
        }
        List<StrategyId> ids = new ArrayList<>();
        for (String part : text.split(",")) {
            StrategyId id;
            try {
                id = StrategyId.parse(part.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--strategy: " + e.getMessage()
                        + " Or give all.");
            }
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }
}
