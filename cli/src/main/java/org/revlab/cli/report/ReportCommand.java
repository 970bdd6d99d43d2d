package org.revlab.cli.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.revlab.cli.Home;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./revlab report}: writes {@code results/REPORT.md} with its charts from the newest run
 * of each kind (or the named ones). Missing kinds are named in the report, not an error.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write results/REPORT.md and its charts (results/report/*.png) from the"
                + " newest compare, attack, simulate and tune runs."})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--runs", split = ",", paramLabel = "FOLDER",
            description = "Run folders to use (names under results/runs/ or paths); the newest"
                    + " of each other kind is used.")
    List<String> runs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Map<RunKind, RunInfo> chosen = new RunCatalog(Home.get()).select(runs);
        for (RunKind k : RunKind.values()) {
            out.println("report: " + k.id() + ": " + (chosen.containsKey(k)
                    ? chosen.get(k).name() : "none (run " + k.command() + ")"));
        }
        new Report(chosen, Home.get().resolve("results"), out).write();
        return 0;
    }
}
