package org.revlab.cli.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.revlab.cli.Home;
import org.revlab.cli.report.CheckResult.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./revlab check}: compares the newest runs (or the named ones) with the committed
 * baseline, one line per check, and exits 1 on a regression; with {@code --update-baseline}
 * it copies those runs' summaries into the baseline instead.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Compare the newest runs with results/baseline/: cost as ratios between"
                + " strategies of the same run, windows and database hits against exact"
                + " bounds. Exits 1 on a regression, 0 otherwise.",
            "--update-baseline copies the chosen runs' summaries into results/baseline/."})
public final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--run", split = ",", paramLabel = "FOLDER",
            description = "Run folders to check (names under results/runs/ or paths); the"
                    + " newest of each other kind is used.")
    List<String> runs = new ArrayList<>();

    @Option(names = "--require", paramLabel = "KINDS",
            description = "Kinds that must be present, such as compare,attack,tune; a missing"
                    + " one fails the check instead of being skipped.")
    String require;

    @Option(names = "--update-baseline",
            description = "Copy the chosen runs' summary.json into results/baseline/ (and"
                    + " record where they came from) instead of checking.")
    boolean updateBaseline;

    @Option(names = "--verbose", description = "Print passing checks too (default: failures,"
            + " skips and moves only, then a count).")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Set<RunKind> required = require == null ? EnumSet.noneOf(RunKind.class)
                : EnumSet.copyOf(nonEmpty(RunKind.parseList(require)));
        Map<RunKind, RunInfo> current = new RunCatalog(Home.get()).select(runs);
        Baseline baseline = new Baseline(Home.get());
        if (updateBaseline) {
            if (current.isEmpty()) {
                throw new IllegalArgumentException("No runs under results/runs to copy; run"
                        + " ./revlab compare, ./revlab attack and ./revlab tune first.");
            }
            baseline.update(current, out);
            return 0;
        }
        Map<RunKind, RunInfo> base = baseline.load();
        for (RunInfo r : current.values()) {
            RunInfo b = base.get(r.kind());
            out.println("check: " + r.kind().id() + " run " + r.name() + " against "
                    + (b == null ? "no baseline" : "baseline " + b.name()));
        }
        List<CheckResult> results = RegressionCheck.run(current, base, required);
        int pass = 0;
        int fail = 0;
        int skip = 0;
        for (CheckResult r : results) {
            switch (r.status()) {
                case PASS -> pass++;
                case FAIL -> fail++;
                default -> skip++;
            }
            if (verbose || r.status() != Status.PASS || r.detail().contains("up ×")
                    || r.detail().contains("down ×")) {
                out.println(r.line());
            }
        }
        out.println("check: " + pass + " passed, " + fail + " failed, " + skip + " skipped"
                + (fail > 0 ? " — REGRESSION" : ""));
        out.flush();
        return fail > 0 ? 1 : 0;
    }

    private static List<RunKind> nonEmpty(List<RunKind> kinds) {
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("--require needs at least one of compare, attack,"
                    + " simulate, tune.");
        }
        return kinds;
    }
}
