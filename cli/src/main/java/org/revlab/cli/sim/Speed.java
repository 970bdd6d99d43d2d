package org.revlab.cli.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.revlab.core.sim.SimulationResult;

/**
 * How fast the simulator ran: wall time and simulated requests per wall second. Recorded in
 * the summary, never in the CSV, which must stay byte-identical between runs.
 */
record Speed(double wallSeconds, double cpuSeconds, long requests, long events, int threads) {

    static Speed of(long startNanos, long cpuNanos, List<SimulationResult> results,
            int threads) {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        long requests = 0;
        long events = 0;
        for (SimulationResult r : results) {
            requests += r.requests();
            events += r.events();
        }
        return new Speed(wall, cpuNanos / 1e9, requests, events, threads);
    }

    double requestsPerSecond() {
        return wallSeconds == 0 ? 0 : requests / wallSeconds;
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("wall_s", Math.round(wallSeconds * 1000) / 1000.0);
        m.put("simulation_cpu_s", Math.round(cpuSeconds * 1000) / 1000.0);
        m.put("simulated_requests", requests);
        m.put("simulated_requests_per_s", Math.round(requestsPerSecond()));
        m.put("events", events);
        m.put("threads", threads);
        m.put("simulated_requests_per_cpu_s",
                cpuSeconds == 0 ? 0 : Math.round(requests / cpuSeconds));
        m.put("load_average_at_end", java.lang.management.ManagementFactory
                .getOperatingSystemMXBean().getSystemLoadAverage());
        m.put("note", "wall time on a shared machine; other builds may have run alongside");
        return m;
    }

    String line() {
        return String.format(java.util.Locale.ROOT,
                "speed: %,d simulated requests in %.1f s wall (%,d requests/s, %d thread%s;"
                        + " %.1f s of simulation CPU)",
                requests, wallSeconds, Math.round(requestsPerSecond()), threads,
                threads == 1 ? "" : "s", cpuSeconds);
    }
}
