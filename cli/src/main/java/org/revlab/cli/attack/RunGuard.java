package org.revlab.cli.attack;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import org.revlab.cli.results.RunFolder;

/**
 * The attack command's shutdown hook: on Ctrl-C or SIGTERM it stops the running Maven/Gatling
 * process, removes the unfinished run's staging folder and says so in one line, so that an
 * interrupted run leaves nothing behind and earlier runs stay as they were.
 */
public final class RunGuard implements Runnable {

    private final RunFolder run;
    private final PrintWriter err;
    private volatile Process current;
    private volatile boolean finished;
    private volatile boolean interrupted;

    public RunGuard(RunFolder run, PrintWriter err) {
        this.run = run;
        this.err = err;
    }

    /** The simulation process now running; the hook stops it first. */
    public void watch(Process process) {
        current = process;
    }

    /** The run ended on its own (published or abandoned); the hook then has nothing to do. */
    public void finish() {
        finished = true;
    }

    /** Whether the hook has started: the command then stays quiet, the hook speaks for it. */
    public boolean interrupted() {
        return interrupted;
    }

    @Override
    public void run() {
        if (finished) {
            return;
        }
        interrupted = true;
        Process p = current;
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            try {
                // The child may still be writing into the staging folder; let it go first.
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        run.abandon();
        err.println("revlab attack: interrupted; the unfinished run was removed and earlier runs"
                + " under results/runs/ are untouched.");
        err.flush();
    }
}
