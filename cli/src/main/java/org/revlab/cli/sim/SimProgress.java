package org.revlab.cli.sim;

import java.util.function.LongConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A progress bar on stderr counting simulated seconds across all runs of a command, so that
 * stdout keeps only the results. Thread-safe: parallel runs report into one bar.
 */
final class SimProgress implements AutoCloseable {

    private final ProgressBar bar;

    SimProgress(String task, long totalSimulatedSeconds, boolean quiet) {
        this.bar = quiet ? null : new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(totalSimulatedSeconds)
                .setUnit(" sim-min", 60)
                .setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build();
    }

    /** What a simulation calls with the simulated seconds it has advanced. */
    LongConsumer listener() {
        return seconds -> {
            if (bar != null && seconds > 0) {
                bar.stepBy(seconds);
            }
        };
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
