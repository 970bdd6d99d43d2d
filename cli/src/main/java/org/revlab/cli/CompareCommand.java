package org.revlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.revlab.cli.compare.CompareSummary;
import org.revlab.cli.compare.JmhProgress;
import org.revlab.cli.compare.TargetResult;
import org.revlab.cli.results.Environment;
import org.revlab.cli.results.RunFolder;
import org.revlab.core.Lab;
import org.revlab.core.LabSettings;
import org.revlab.core.StrategyId;
import org.revlab.core.store.StoreSpec;
import org.revlab.core.store.StoreUnavailableException;
import org.revlab.core.token.SigningAlgorithm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs the JMH comparison suite in a child JVM, follows its progress, and turns its JSON into
 * a run folder with a summary, the per-request table and issue 3's targets. It builds nothing:
 * the launcher builds every module, this command only checks that the benchmark jar is there.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Measure every strategy's cost per request with JMH: time, allocation and"
            + " database hits, beside the cryptographic floor, jjwt's bare parse and a bare"
            + " database lookup and round trip per store. About 3 minutes; --quick under 1"
            + " minute (each further --store adds about as much again).",
            "--quick runs the accepting path and the baselines only.",
            "Options after -- go to JMH unchanged, for example: -- -prof stack -f 2"})
public final class CompareCommand implements Callable<Integer> {

    static final String JAR = "benchmarks/target/benchmarks.jar";
    /** Benchmark selectors after the package; of the round trips, only ping (the floor). */
    static final List<String> BENCHMARKS = List.of("StrategyBenchmark\\.",
            "TokenFloorBenchmark\\.", "StoreLookupBenchmark\\.", "StoreRoundTripBenchmark\\.ping");
    /**
     * Short runs of the accepting path and the baselines only (what the targets need): enough
     * to see the order of things, not to quote. Each benchmark's fork costs about 2 s of JVM
     * start and set-up on a 2-core machine, so fewer benchmarks is what keeps this short.
     */
    static final List<String> QUICK = List.of("-wi", "1", "-w", "1500ms", "-i", "2", "-r",
            "500ms");
    /** Beyond this the child is stopped: the default suite takes about 3 minutes. */
    static final Duration LIMIT = Duration.ofMinutes(60);

    @Spec
    CommandSpec spec;

    @Option(names = "--strategy", split = ",", paramLabel = "ID",
            description = "Strategies to measure: stateless, stateful, revoke-all,"
                    + " two-token (default: all).")
    List<String> strategies = new ArrayList<>();

    @Option(names = "--alg", split = ",", paramLabel = "ALG", defaultValue = "HS256",
            description = "Signing algorithms: HS256, ES256, EdDSA, RS256"
                    + " (default: ${DEFAULT-VALUE}).")
    List<String> algorithms;

    @Option(names = "--store", split = ",", paramLabel = "STORE", defaultValue = "mem",
            description = "Session stores, several at once side by side, in the forms of serve"
                    + " --store: " + StoreOption.FORMS + " (default: ${DEFAULT-VALUE}).")
    List<String> stores;

    @Option(names = "--short-ttl", split = ",", paramLabel = "TTL", defaultValue = "60s",
            description = "two-token's short-token lifetime, such as 30s or 5m"
                    + " (default: ${DEFAULT-VALUE}).")
    List<String> shortTtls;

    @Option(names = "--rate", split = ",", paramLabel = "REQ/S", defaultValue = "1",
            description = "Requests per second per session; with the short TTL it sets how"
                    + " often two-token refreshes (default: ${DEFAULT-VALUE}).")
    List<String> rates;

    @Option(names = "--quick", description = "Short iterations: under a minute, rougher figures.")
    boolean quick;

    @Parameters(paramLabel = "JMH-OPTION", arity = "0..*",
            description = "Extra JMH options, after --.")
    List<String> jmhOptions = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> parameters = validatedParameters();
        checkStoresReachable();
        Path home = Home.get();
        Path jar = home.resolve(JAR);
        if (!Files.isRegularFile(jar)) {
            throw new UserFacingException("The benchmark jar " + jar + " is missing. Build it"
                    + " with 'mvn -B -q -DskipTests package' in " + home + " (./revlab does so"
                    + " itself when sources change), then run compare again.");
        }
        List<String> original = spec.commandLine().getParseResult().originalArgs();
        List<String> command = new ArrayList<>(original.isEmpty() || !"compare"
                .equals(original.get(0)) ? List.of("compare") : List.of());
        command.addAll(original);

        RunFolder run = RunFolder.start(home, "compare", out);
        Thread cleanup = null;
        try {
            List<String> jmh = jmhCommand(jar, run.resolve("jmh.json"));
            out.println("compare: running JMH (" + (quick ? "quick: accepting path and"
                    + " baselines, under a minute" : "about 3 minutes")
                    + (stores.size() > 1 ? " per store, " + stores.size() + " stores" : "")
                    + "); one line per benchmark finished.");
            out.flush();
            Process process = new ProcessBuilder(jmh).redirectErrorStream(true).start();
            Thread hook = new Thread(() -> {
                process.destroy();
                run.abandon();
            }, "compare-cleanup");
            Runtime.getRuntime().addShutdownHook(hook);
            cleanup = hook;
            Instant started = Instant.now();
            double loadBefore = loadAverage();
            Deque<String> tail = follow(process, run.resolve("jmh.log"), out);
            int status = waitFor(process);
            Duration took = Duration.between(started, Instant.now());
            if (status != 0) {
                run.abandon();
                err.println("compare: JMH exited with status " + status
                        + (status > 128 ? " (stopped by signal " + (status - 128) + ")" : "")
                        + "; its last lines:");
                tail.forEach(err::println);
                if (tail.stream().anyMatch(l -> l.contains("Unable to acquire the JMH lock"))) {
                    // JMH allows one run per machine; two at once would spoil both figures.
                    err.println("compare: another JMH run is going on on this machine; wait"
                            + " for it to finish, then run compare again. Nothing was written.");
                    err.flush();
                    return 1;
                }
                err.println("compare: nothing was written; earlier runs are untouched. "
                        + (status > 128 || status == 124 ? "The run was stopped (killed or"
                        + " over " + LIMIT.toMinutes() + " min); run it again."
                        : "Check the JMH options and messages above (./revlab compare --help,"
                        + " java -jar " + JAR + " -h), then run again."));
                err.flush();
                return 1;
            }
            parameters.put("loadAverageBefore", loadBefore);
            parameters.put("loadAverageAfter", loadAverage());
            writeSummary(run, home, command, jmh, parameters, took, out);
            run.publish();
            out.println("compare: run folder " + run.finalPath() + " (JMH took "
                    + took.toSeconds() + " s)");
            return 0;
        } catch (RuntimeException | IOException e) {
            run.abandon();
            throw e;
        } finally {
            if (cleanup != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is running already; it cleans up by itself.
                }
            }
        }
    }

    private Map<String, Object> validatedParameters() {
        strategies = effectiveStrategies();
        strategies.forEach(s -> StrategyId.parse(s.trim()));
        algorithms.forEach(a -> SigningAlgorithm.parse(a.trim()));
        List<StoreSpec> specs = new ArrayList<>();
        List<String> storeNames = new ArrayList<>();
        for (String store : stores) {
            StoreSpec parsed = StoreOption.parse(store);
            if (specs.contains(parsed)) {
                throw new IllegalArgumentException("--store names the same store twice ("
                        + parsed + "); give each store once.");
            }
            specs.add(parsed);
            storeNames.add(parsed.toString());
        }
        for (String ttl : shortTtls) {
            Duration d = Lab.parseDuration(ttl);
            if (d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(Duration.ofDays(365)) > 0) {
                throw new IllegalArgumentException("--short-ttl " + ttl + " is out of range;"
                        + " give 1s to 365d.");
            }
        }
        for (String rate : rates) {
            double r;
            try {
                r = Double.parseDouble(rate.trim());
            } catch (NumberFormatException e) {
                r = Double.NaN;
            }
            if (!(r >= 0.001 && r <= 1_000_000)) {
                throw new IllegalArgumentException("--rate " + rate + " is not a number of"
                        + " requests per second from 0.001 to 1000000.");
            }
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("strategies", strategies);
        p.put("algorithms", algorithms);
        p.put("stores", storeNames);
        p.put("shortTtls", shortTtls);
        p.put("ratesPerSecond", rates);
        p.put("lastSeenResolution", LabSettings.DEFAULTS.lastSeenResolution().toSeconds() + "s");
        p.put("quick", quick);
        p.put("extraJmhOptions", jmhOptions);
        return p;
    }

    /**
     * Opens and closes each networked store once, so that a stopped server is one sentence
     * with its start command before JMH starts, not a failed fork minutes into the run.
     */
    private void checkStoresReachable() {
        for (String store : stores) {
            StoreSpec spec = StoreOption.parse(store);
            if (!spec.external()) {
                continue;
            }
            try {
                spec.open().close();
            } catch (StoreUnavailableException e) {
                throw new UserFacingException("--store " + spec + ": " + e.getMessage());
            }
        }
    }

    /** The strategies asked for, or all of them. */
    private List<String> effectiveStrategies() {
        if (!strategies.isEmpty()) {
            return strategies;
        }
        List<String> all = new ArrayList<>();
        for (StrategyId id : StrategyId.values()) {
            all.add(id.id());
        }
        return all;
    }

    List<String> jmhCommand(Path jar, Path json) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.add("org\\.revlab\\.bench\\.(" + (quick ? "StrategyBenchmark\\.accept|" : "")
                + String.join("|", quick ? BENCHMARKS.subList(1, BENCHMARKS.size()) : BENCHMARKS)
                + ")");
        cmd.addAll(List.of("-p", "strategy=" + join(effectiveStrategies()), "-p",
                "algorithm=" + join(algorithms), "-p", "store=" + join(stores), "-p",
                "shortTtl=" + join(shortTtls), "-p", "rate=" + join(rates)));
        if (quick) {
            cmd.addAll(QUICK);
        }
        // Fail on error: a benchmark that throws must fail the run, not leave a hole in it.
        cmd.addAll(List.of("-foe", "true", "-prof", "gc", "-rf", "json", "-rff",
                json.toString()));
        cmd.addAll(jmhOptions);
        return cmd;
    }

    private static String join(List<String> values) {
        return String.join(",", values.stream().map(String::trim).toList());
    }

    /** Copies the child's output to the log, prints progress, and keeps the last lines. */
    private static Deque<String> follow(Process process, Path log, PrintWriter out)
            throws IOException {
        JmhProgress progress = new JmhProgress();
        Deque<String> tail = new ArrayDeque<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                process.getInputStream(), StandardCharsets.UTF_8));
                BufferedWriter file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                file.write(line);
                file.newLine();
                if (tail.size() == 20) {
                    tail.removeFirst();
                }
                tail.addLast(line);
                progress.feed(line).ifPresent(p -> {
                    out.println(p);
                    out.flush();
                });
            }
        }
        return tail;
    }

    /** The one-minute load average: a busy machine is the first suspect for noisy figures. */
    private static double loadAverage() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage();
        return Math.round(load * 100) / 100.0;
    }

    private static int waitFor(Process process) throws InterruptedException {
        if (!process.waitFor(LIMIT.toMinutes(), TimeUnit.MINUTES)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            return 124;
        }
        return process.exitValue();
    }

    private static void writeSummary(RunFolder run, Path home, List<String> command,
            List<String> jmh, Map<String, Object> parameters, Duration took, PrintWriter out)
            throws IOException {
        JsonNode results = RunFolder.JSON.readTree(run.resolve("jmh.json").toFile());
        CompareSummary summary = CompareSummary.fromJmh(results,
                LabSettings.DEFAULTS.lastSeenResolution());
        Map<String, Object> environment = Environment.capture(home, command);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schema", "revlab-compare/1");
        json.put("run", run.name());
        json.put("environment", environment);
        json.put("parameters", parameters);
        json.put("jmhCommand", jmh);
        json.put("jmhSeconds", took.toSeconds());
        json.put("rows", summary.rows());
        json.put("targets", summary.targets());
        json.put("findings", summary.findingsForMisses());
        run.writeJson("summary.json", json);
        run.writeText("summary.md", markdown(run, environment, parameters, jmh, summary));

        out.println();
        summary.table(false).forEach(out::println);
        out.println();
        summary.storeTable(false).forEach(out::println);
        out.println();
        summary.targetTable(false).forEach(out::println);
        for (TargetResult t : summary.targets()) {
            if (!t.met()) {
                out.println("missed " + t.target() + " (" + t.where() + "): " + t.detail());
            }
        }
        out.println("Figures from a shared or busy machine are noisy; compare runs from the"
                + " same machine only.");
        out.flush();
    }

    static String markdown(RunFolder run, Map<String, Object> environment,
            Map<String, Object> parameters, List<String> jmh, CompareSummary summary) {
        StringBuilder md = new StringBuilder();
        md.append("# Comparison ").append(run.name()).append("\n\n");
        md.append("Per-request cost of each strategy (JMH, average time, one thread)."
                + " Database hits come from the store's own counter; bytes from JMH's gc"
                + " profiler.\n\n");
        md.append("## Environment\n\n| | |\n| --- | --- |\n");
        environment.forEach((k, v) -> md.append("| ").append(k).append(" | `").append(v)
                .append("` |\n"));
        md.append("\n## Parameters\n\n| | |\n| --- | --- |\n");
        parameters.forEach((k, v) -> md.append("| ").append(k).append(" | `").append(v)
                .append("` |\n"));
        md.append("\nJMH command:\n\n```\n").append(String.join(" ", jmh)).append("\n```\n");
        md.append("\n## Results\n\n");
        summary.table(true).forEach(l -> md.append(l).append('\n'));
        md.append("\n`accepted` is the share of requests the strategy accepted: `stateless`"
                + " accepts a revoked credential until it expires. `× floor` and `× jjwt` divide"
                + " by the cryptographic floor and by jjwt's bare parse of the same"
                + " algorithm.\n");
        md.append("\n## Stores side by side\n\n");
        summary.storeTable(true).forEach(l -> md.append(l).append('\n'));
        md.append("\nThe round trip is one bare call on a held connection (`VALUES (1)`, Redis"
                + " `PING`): the floor under every hit on that store. The bare lookup reads the"
                + " session by hand, the store lookup through the store. Strategy columns are"
                + " accepted requests; in brackets, the growth over the first store.\n");
        md.append("\n## Targets (issue 3)\n\n");
        summary.targetTable(true).forEach(l -> md.append(l).append('\n'));
        md.append('\n');
        for (TargetResult t : summary.targets()) {
            md.append("- **").append(t.target()).append("**, ").append(t.where()).append(": ")
                    .append(t.status()).append(". ").append(t.detail()).append('\n');
        }
        Map<String, String> findings = summary.findingsForMisses();
        if (!findings.isEmpty()) {
            md.append("\n## What dominates where a target was missed\n\n");
            findings.forEach((k, v) -> md.append("- **").append(k).append("**: ").append(v)
                    .append('\n'));
        }
        return md.toString();
    }
}
