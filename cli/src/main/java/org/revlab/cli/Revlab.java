package org.revlab.cli;

import org.revlab.cli.report.CheckCommand;
import org.revlab.cli.report.ReportCommand;
import org.revlab.cli.sim.SimulateCommand;
import org.revlab.cli.sim.TuneCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code ./revlab} command line: one subcommand per job. Bad usage prints the usage and
 * exits 2; a failure prints one sentence that says what went wrong and what to do.
 */
@Command(name = "revlab",
        mixinStandardHelpOptions = true,
        version = "Revocation Lab 0.1.0",
        description = "Measures what session revocation costs in a mostly stateless architecture.",
        subcommands = {
            DemoCommand.class,
            ServeCommand.class,
            InspectCommand.class,
            CompareCommand.class,
            ReportCommand.class,
            CheckCommand.class,
            SimulateCommand.class,
            TuneCommand.class,
            AttackCommand.class,
        })
public final class Revlab implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a command.");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code; tests call this. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Revlab());
        // picocli prints either a "did you mean" suggestion or the usage; a user who typed
        // a wrong name needs both, whatever command happens to be close to it.
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine bad = ex.getCommandLine();
            bad.getErr().println(ex.getMessage());
            UnmatchedArgumentException.printSuggestions(ex, bad.getErr());
            bad.usage(bad.getErr());
            return bad.getCommandSpec().exitCodeOnInvalidInput();
        });
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException || e instanceof UserFacingException) {
                commandLine.getErr().println("revlab " + commandLine.getCommandName() + ": "
                        + e.getMessage());
                return 2;
            }
            commandLine.getErr().println("revlab " + commandLine.getCommandName()
                    + ": failed: " + e + ". Re-run with REVLAB_DEBUG=1 for the stack trace.");
            if (System.getenv("REVLAB_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            return 1;
        });
        return cl;
    }
}
