package org.revlab.cli.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.revlab.core.sim.SimulationResult;

/**
 * How fast the simulator ran: wall time and simulated requests per wall second. Recorded in
 * the summary, never in the CSV, which must stay byte-identical between runs.
 */
record Speed(double wallSeconds, long requests, long events, int threads) {

    static Speed of(long startNanos, List<SimulationResult> results, int threads) {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        long requests = 0;
        long events = 0;
        for (SimulationResult r : results) {
            requests += r.requests();
            events += r.events();
        }
        return new Speed(wall, requests, events, threads);
    }

    double requestsPerSecond() {
        return wallSeconds == 0 ? 0 : requests / wallSeconds;
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("wall_s", Math.round(wallSeconds * 1000) / 1000.0);
        m.put("simulated_requests", requests);
        m.put("simulated_requests_per_s", Math.round(requestsPerSecond()));
        m.put("events", events);
        m.put("threads", threads);
        m.put("note", "wall time on a shared machine; other builds may have run alongside");
        return m;
    }

    String line() {
        return String.format(java.util.Locale.ROOT,
                "speed: %,d simulated requests in %.1f s wall (%,d requests/s, %d thread%s)",
                requests, wallSeconds, Math.round(requestsPerSecond()), threads,
                threads == 1 ? "" : "s");
    }
}
