package org.revlab.cli.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import org.revlab.core.sim.SimulationResult;

/**
 * Runs independent simulations on a few threads and returns their results in submission order.
 * Each run is single-threaded and seeded, so the results do not depend on the thread count.
 */
final class Runs {

    private Runs() {
    }

    static int defaultThreads() {
        return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Runs every simulation and adds the CPU time their threads spent to {@code cpuNanos}: on a
     * shared machine wall time says more about the neighbours than about the simulator.
     */
    static List<SimulationResult> all(List<Callable<SimulationResult>> runs, int threads,
            AtomicLong cpuNanos) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "revlab-sim");
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), daemons);
        try {
            List<Future<SimulationResult>> futures = new ArrayList<>();
            for (Callable<SimulationResult> run : runs) {
                futures.add(pool.submit(() -> {
                    long before = mx.getCurrentThreadCpuTime();
                    try {
                        return run.call();
                    } finally {
                        cpuNanos.addAndGet(mx.getCurrentThreadCpuTime() - before);
                    }
                }));
            }
            List<SimulationResult> results = new ArrayList<>();
            for (Future<SimulationResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("A simulation failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while simulating.", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
