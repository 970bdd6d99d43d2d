package org.revlab.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.revlab.cli.attack.AttackSummary;
import org.revlab.cli.attack.RunGuard;
import org.revlab.cli.attack.SimulationLog;
import org.revlab.cli.results.Environment;
import org.revlab.cli.results.RunFolder;
import org.revlab.core.Lab;
import org.revlab.core.StrategyId;
import org.revlab.loadtest.AttackSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Plays the stolen-token story over real HTTP with Gatling: runs the loadtest module's
 * simulations once per strategy and scenario, each in its own Maven/Gatling process, and
 * writes their HTML reports, result files and a summary into one run folder. Exits 1 when a
 * strategy broke its revocation bound, with one sentence per broken bound.
 */
@Command(name = "attack", mixinStandardHelpOptions = true,
        description = {"Run the Gatling simulations (throughput, stolen token, revocation"
                + " timing) against each strategy over HTTP on 127.0.0.1 and summarise"
                + " windows, exposure and throughput in a new folder under results/runs/.",
            "Needs Maven on the PATH; each simulation runs as"
                + " 'mvn -pl loadtest -am test-compile gatling:test'."})
public final class AttackCommand implements Callable<Integer> {

    /** The simulations by the names used on the command line and in result files. */
    enum Scenario {
        THROUGHPUT("throughput", "org.revlab.loadtest.ThroughputSimulation"),
        STOLEN_TOKEN("stolen-token", "org.revlab.loadtest.StolenTokenSimulation"),
        REVOCATION_TIMING("revocation-timing", "org.revlab.loadtest.RevocationTimingSimulation",
                true),
        // Left out of "all" so that --ci and the default run keep their length; name it.
        OUTAGE("outage", "org.revlab.loadtest.OutageSimulation", false);

        final String id;
        final String simulationClass;
        final boolean inAll;

        Scenario(String id, String simulationClass) {
            this(id, simulationClass, true);
        }

        Scenario(String id, String simulationClass, boolean inAll) {
            this.id = id;
            this.simulationClass = simulationClass;
            this.inAll = inAll;
        }

        static List<Scenario> parse(String text) {
            if (text.equals("all")) {
                return java.util.Arrays.stream(values()).filter(s -> s.inAll).toList();
            }
            List<Scenario> out = new ArrayList<>();
            for (String part : text.split(",")) {
                Scenario found = null;
                for (Scenario s : values()) {
                    if (s.id.equals(part.trim())) {
                        found = s;
                    }
                }
                if (found == null) {
                    throw new UserFacingException("--scenario '" + part + "' is unknown; give"
                            + " throughput, stolen-token, revocation-timing, outage or all"
                            + " (all leaves outage out).");
                }
                out.add(found);
            }
            return out;
        }
    }

    /** A single simulation process may take this long before it is stopped. */
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(15);

    @Spec
    CommandSpec spec;

    @Option(names = "--strategy", defaultValue = "all",
            description = "Strategies, comma-separated, or all (default: ${DEFAULT-VALUE}).")
    String strategies;

    @Option(names = "--scenario", defaultValue = "all",
            description = "throughput, stolen-token, revocation-timing, outage, comma-separated,"
                    + " or all: every one but outage, which runs only when named (default:"
                    + " ${DEFAULT-VALUE}).")
    String scenarios;

    @Option(names = "--short-ttl", defaultValue = "2s",
            description = "Short-token lifetime for two-token (default: ${DEFAULT-VALUE}).")
    String shortTtl;

    @Option(names = "--access-ttl", defaultValue = "4s",
            description = "Token lifetime for stateless and revoke-all: how long a stateless"
                    + " thief stays in (default: ${DEFAULT-VALUE}).")
    String accessTtl;

    @Option(names = "--interval", defaultValue = "250ms",
            description = "Time between the thief's requests (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--outage", defaultValue = "3s",
            description = "How long the store stays down in the outage scenario, 500ms to 1m"
                    + " (default: ${DEFAULT-VALUE}).")
    String outage;

    @Option(names = "--duration",
            description = "How long throughput users keep arriving (default: 30s, 15s with"
                    + " --ci).")
    String duration;

    @Option(names = "--rate",
            description = "Resource requests per second the throughput load aims at"
                    + " (default: 200, 150 with --ci).")
    Integer rate;

    @Option(names = "--pairs",
            description = "Victim/thief pairs in revocation-timing (default: 40, 20 with --ci).")
    Integer pairs;

    @Option(names = "--target",
            description = "Attack a running './revlab serve' at http://127.0.0.1:PORT instead of"
                    + " starting a server per run; give the one --strategy it serves.")
    String target;

    @Option(names = "--nodes", defaultValue = "1",
            description = "Service nodes per strategy, started as './revlab serve --nodes N'"
                    + " on --store; users are spread over them and each thief calls another"
                    + " node than its victim (default: ${DEFAULT-VALUE}: one server in the"
                    + " simulation's JVM).")
    int nodes;

    @Option(names = "--store",
            description = "Session store of the nodes: postgres, redis or their URLs (needed"
                    + " with --nodes 2 or more; with one node any serve --store form).")
    String store;

    @Option(names = "--ci",
            description = "The CI profile: all strategies and scenarios, short TTLs and a short"
                    + " load, about 5 minutes on 2 cores.")
    boolean ci;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<StrategyId> ids = parseStrategies(ci ? "all" : strategies);
        List<Scenario> chosen = Scenario.parse(ci ? "all" : scenarios);
        if (target != null && ids.size() != 1) {
            throw new UserFacingException("--target serves one strategy; name it with --strategy"
                    + " (one of " + StrategyId.validIds() + ").");
        }
        Map<String, String> props = properties(ids);
        checkNodes();
        if (chosen.contains(Scenario.OUTAGE) && (target != null || store != null)) {
            throw new UserFacingException("--scenario outage switches the store of a server it"
                    + " starts in-process; drop --target and --store, or run the other"
                    + " scenarios.");
        }
        Path home = Home.get();
        requireProject(home);
        if (target != null) {
            requireAnswering(target, ids.get(0));
        }

        RunFolder run = RunFolder.start(home, "attack", out);
        RunGuard guard = new RunGuard(run, spec.commandLine().getErr());
        Thread hook = new Thread(guard, "revlab-attack-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        List<AttackSummary.Run> runs = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (StrategyId id : ids) {
                if (store == null) {
                    for (Scenario scenario : chosen) {
                        runs.add(runOne(home, run, guard, scenario, id, props, out));
                    }
                    continue;
                }
                try (NodeGroup group = NodeGroup.start(id, nodes, store, props,
                        run.dir().resolve("logs").resolve("nodes-" + id.id() + ".log"))) {
                    out.println("attack: " + nodes + " node(s) for " + id.id() + " on "
                            + StoreOption.parse(store) + ": " + String.join(", ", group.urls()));
                    Map<String, String> withNodes = new LinkedHashMap<>(props);
                    withNodes.put("revlab.targets", String.join(",", group.urls()));
                    for (Scenario scenario : chosen) {
                        runs.add(runOne(home, run, guard, scenario, id, withNodes, out));
                    }
                }
            }
            AttackSummary summary = new AttackSummary(runs);
            Map<String, Object> settings = new LinkedHashMap<>(props);
            settings.put("strategies", ids.stream().map(StrategyId::id).toList());
            settings.put("scenarios", chosen.stream().map(s -> s.id).toList());
            settings.put("ci", ci);
            settings.remove("revlab.targets");
            settings.put("nodes", store == null ? "in-process" : nodes);
            settings.put("store", store == null ? "mem (in-process)"
                    : StoreOption.parse(store).toString());
            settings.put("elapsedSeconds", (System.nanoTime() - started) / 1_000_000_000L);
            Map<String, Object> env = Environment.capture(home, spec.commandLine()
                    .getParseResult().originalArgs().stream().toList());
            run.writeJson("environment.json", env);
            run.writeJson("summary.json", summary.toJson(settings, env));
            run.writeText("summary.md", summary.toMarkdown("Attack run " + run.name(), List.of(
                    "Command: `" + env.get("command") + "` at commit " + env.get("commit")
                            + "; " + env.get("cores") + " cores.",
                    "",
                    "Short TTL " + props.get("revlab.shortTtl") + ", access TTL "
                            + props.get("revlab.accessTtl") + ", thief interval "
                            + props.get("revlab.interval") + ". Windows are measured from the"
                            + " revoke's acknowledgement to the thief's first rejected request;"
                            + " exposure counts the thief's requests accepted after it.",
                    "",
                    store == null ? "One server per run, in the simulation's JVM."
                            : nodes + " node(s) per strategy on " + StoreOption.parse(store)
                            + (nodes > 1 ? ", sharing one namespace; every thief calls another"
                            + " node than its victim." : "."))));
            Path published = run.publish();
            guard.finish();
            out.println("attack: " + (summary.passed() ? "every bound held" : "bounds broke")
                    + "; run folder " + published);
            if (!summary.passed()) {
                summary.brokenBounds().forEach(s -> spec.commandLine().getErr().println(
                        "revlab attack: " + s));
                return 1;
            }
            return 0;
        } catch (RuntimeException e) {
            if (e instanceof RunFailed f && f.signalled) {
                // Ctrl-C reaches Maven and this JVM together; give the hook its moment.
                awaitHook(guard);
            }
            if (guard.interrupted()) {
                // The killed simulation looks like a failure; the hook already said why.
                return 1;
            }
            guard.finish();
            run.abandon();
            if (!(e instanceof RunFailed)) {
                throw e;
            }
            PrintWriter err = spec.commandLine().getErr();
            err.println("revlab attack: " + e.getMessage());
            err.println("revlab attack: the run itself failed, so nothing was published;"
                    + " earlier runs under results/runs/ are untouched.");
            return 1;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running already; it removes the staging folder.
            }
        }
    }

    /** A simulation that ended without a verdict (crashed, timed out, lost its server). */
    static final class RunFailed extends RuntimeException {
        final boolean signalled;

        RunFailed(String message, int exit) {
            super(message);
            // 130/143/137: the child died of SIGINT, SIGTERM or SIGKILL, as on Ctrl-C.
            this.signalled = exit == 130 || exit == 143 || exit == 137;
        }
    }

    private static void awaitHook(RunGuard guard) {
        for (int i = 0; i < 20 && !guard.interrupted(); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Whether a finished simulation is a measurement (its bounds held or broke) or a failed run
     * that must not be published: no result file, a timeout, or a non-zero exit with every
     * bound held means the bounds were not what stopped it.
     */
    public static boolean runItselfFailed(int exit, Map<String, Object> result) {
        if (result == null || exit == 124) {
            return true;
        }
        return exit != 0 && Boolean.TRUE.equals(result.get("passed"));
    }

    /** Refuses a --target where nothing answers, before any folder or process exists. */
    static void requireAnswering(String target, StrategyId id) {
        String base = target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
        if (!answers(base)) {
            throw new UserFacingException("Nothing answers at " + base + "/health; start"
                    + " './revlab serve --strategy " + id.id() + "' there first, or drop --target"
                    + " to let each run start its own server.");
        }
    }

    private static boolean answers(String base) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        try {
            HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(base + "/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private AttackSummary.Run runOne(Path home, RunFolder run, RunGuard guard,
            Scenario scenario, StrategyId id, Map<String, String> props, PrintWriter out) {
        String name = scenario.id + "-" + id.id();
        Path gatlingDir = run.dir().resolve("gatling").resolve(name);
        Path rawDir = run.dir().resolve("raw");
        Path log = run.dir().resolve("logs").resolve(name + ".log");
        List<String> cmd = new ArrayList<>(List.of("mvn", "-B", "-q", "-pl", "loadtest", "-am",
                "test-compile", "gatling:test",
                "-Dgatling.simulationClass=" + scenario.simulationClass,
                "-Dgatling.resultsFolder=" + gatlingDir,
                "-Dgatling.data.enableAnalytics=false",
                "-Drevlab.strategy=" + id.id(),
                "-Drevlab.out=" + rawDir));
        props.forEach((k, v) -> {
            // --pairs sizes the crowd of revocation-timing; stolen-token keeps its few pairs.
            if (!k.equals("revlab.pairs") || scenario == Scenario.REVOCATION_TIMING) {
                cmd.add("-D" + k + "=" + v);
            }
        });
        out.printf("attack: %-17s against %-10s ... ", scenario.id, id.id());
        out.flush();
        long t0 = System.nanoTime();
        int exit = execute(home, cmd, log, guard);
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;

        Path rawFile = rawDir.resolve(name + ".json");
        Map<String, Object> result = null;
        if (Files.isRegularFile(rawFile)) {
            try {
                result = RunFolder.JSON.readValue(rawFile.toFile(),
                        new TypeReference<Map<String, Object>>() { });
            } catch (IOException e) {
                result = null;
            }
        }
        String report = findReport(gatlingDir);
        if (runItselfFailed(exit, result)) {
            out.println("did not finish (" + seconds + " s)");
            out.flush();
            String why = exit == 124 ? "stopped after " + RUN_TIMEOUT.toMinutes() + " minutes"
                    : SimulationLog.cause(log);
            throw new RunFailed(scenario.id + " against " + id.id() + " failed (exit " + exit
                    + "): " + why, exit);
        }
        if (target != null && !answers(target.replaceAll("/$", ""))) {
            out.println("lost its server (" + seconds + " s)");
            out.flush();
            throw new RunFailed(scenario.id + " against " + id.id() + ": " + target
                    + " stopped answering /health during the run, so its figures are not a"
                    + " measurement of the strategy.", exit);
        }
        boolean ok = exit == 0 && Boolean.TRUE.equals(result.get("passed"));
        out.println((ok ? "passed" : "FAILED") + " (" + seconds + " s)");
        return new AttackSummary.Run(scenario.id, id.id(), exit, result,
                "raw/" + name + ".json", report, "logs/" + name + ".log");
    }

    private static int execute(Path home, List<String> cmd, Path log, RunGuard guard) {
        try {
            Files.createDirectories(log.getParent());
            Process p = new ProcessBuilder(cmd).directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            // Ctrl-C on the command must not leave Maven and Gatling's fork running.
            guard.watch(p);
            if (!p.waitFor(RUN_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
                stop(p);
                p.waitFor(30, TimeUnit.SECONDS);
                return 124;
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new UserFacingException("Cannot start Maven (" + String.join(" ", cmd.subList(0,
                    3)) + "): " + e.getMessage() + ". Install Maven 3.8+ and put 'mvn' on the"
                    + " PATH.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserFacingException("Interrupted while a simulation ran; nothing was"
                    + " published.", e);
        }
    }

    private static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
    }

    /** The report's index.html relative to the run folder, or null when Gatling wrote none. */
    private static String findReport(Path gatlingDir) {
        if (!Files.isDirectory(gatlingDir)) {
            return null;
        }
        try (Stream<Path> files = Files.walk(gatlingDir, 2)) {
            return files.filter(p -> p.getFileName().toString().equals("index.html"))
                    .findFirst()
                    .map(p -> gatlingDir.getParent().getParent().relativize(p).toString()
                            .replace(File.separatorChar, '/'))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The simulation settings, validated here with the simulations' own checks
     * ({@link AttackSettings#from}) so that a bad value fails before any process starts.
     */
    Map<String, String> properties(List<StrategyId> ids) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("revlab.shortTtl", checkedDuration("--short-ttl", shortTtl));
        p.put("revlab.accessTtl", checkedDuration("--access-ttl", accessTtl));
        p.put("revlab.interval", checkedDuration("--interval", interval));
        p.put("revlab.duration", checkedDuration("--duration",
                duration != null ? duration : ci ? "15s" : "30s"));
        p.put("revlab.rate", Integer.toString(rate != null ? rate : ci ? 150 : 200));
        p.put("revlab.pairs", Integer.toString(pairs != null ? pairs : ci ? 20 : 40));
        p.put("revlab.spread", ci ? "8s" : "15s");
        p.put("revlab.outage", checkedDuration("--outage", outage));
        Duration down = Lab.parseDuration(p.get("revlab.outage"));
        if (down.toMillis() < 500 || down.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new UserFacingException("--outage " + outage + " is out of range; give 500ms"
                    + " to 1m.");
        }
        p.put("revlab.backgroundRate", ci ? "50" : "100");
        if (target != null) {
            if (!target.matches("http://127\\.0\\.0\\.1:[0-9]{1,5}/?")) {
                throw new UserFacingException("--target '" + target + "' is not allowed; give"
                        + " http://127.0.0.1:PORT of a running './revlab serve', since no load"
                        + " may leave this machine.");
            }
            p.put("revlab.target", target);
        }
        if (Lab.parseDuration(p.get("revlab.shortTtl"))
                .compareTo(Lab.parseDuration(p.get("revlab.accessTtl"))) > 0) {
            throw new UserFacingException("--short-ttl " + shortTtl + " is longer than"
                    + " --access-ttl " + accessTtl + "; the comparison expects the short token"
                    + " to be the shorter one.");
        }
        for (StrategyId id : ids) {
            Map<String, String> one = new LinkedHashMap<>(p);
            one.put("revlab.strategy", id.id());
            try {
                AttackSettings.from(one::get);
            } catch (IllegalArgumentException e) {
                throw new UserFacingException(asOptions(e.getMessage()));
            }
        }
        return p;
    }

    /** The simulations name their properties; the user typed options. */
    static String asOptions(String message) {
        return message.replace("revlab.shortTtl", "--short-ttl")
                .replace("revlab.accessTtl", "--access-ttl")
                .replace("revlab.interval", "--interval")
                .replace("revlab.duration", "--duration")
                .replace("revlab.rate", "--rate")
                .replace("revlab.pairs", "--pairs")
                .replace("revlab.target", "--target")
                .replaceAll("(?<![-\\w.])(short-ttl|access-ttl|long-ttl)\\b", "--$1");
    }

    /** --nodes and --store, checked before anything starts. */
    private void checkNodes() {
        if (nodes < 1 || nodes > ServeNodes.MAX_NODES) {
            throw new UserFacingException("--nodes " + nodes + " is out of range; give 1 to "
                    + ServeNodes.MAX_NODES + ".");
        }
        if (store == null && nodes > 1) {
            throw new UserFacingException("--nodes " + nodes + " needs --store postgres or"
                    + " --store redis (or their URLs): the nodes share their sessions there.");
        }
        if (store != null && target != null) {
            throw new UserFacingException("--target attacks a server you started; --store and"
                    + " --nodes start servers. Give one or the other.");
        }
        if (store != null && nodes > 1 && !StoreOption.parse(store).external()) {
            throw new UserFacingException("--nodes " + nodes + " needs a store the nodes share"
                    + " over the network: --store postgres or --store redis (or their URLs);"
                    + " --store " + store + " lives inside one process, so a revocation on one"
                    + " node would never reach the others.");
        }
    }

    private static String checkedDuration(String option, String value) {
        try {
            Lab.parseDuration(value);
            return value.trim();
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(option + ": " + e.getMessage());
        }
    }

    static List<StrategyId> parseStrategies(String text) {
        if (text.equals("all")) {
            return List.of(StrategyId.values());
        }
        List<StrategyId> out = new ArrayList<>();
        for (String part : text.split(",")) {
            out.add(StrategyId.parse(part.trim()));
        }
        return out;
    }

    private static void requireProject(Path home) {
        if (!Files.isRegularFile(home.resolve("loadtest").resolve("pom.xml"))) {
            throw new UserFacingException("No loadtest module under " + home + "; run"
                    + " './revlab attack' from the project's checkout.");
        }
    }
}
