package org.revlab.loadtest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Response times and counts per request name, with the span from the first request sent to
 * the last answer, so that a result file carries req/s and percentiles of its own and does not
 * depend on the layout of Gatling's HTML report. Thread-safe.
 */
public final class LatencyRecorder {

    private static final class Series {
        private long[] values = new long[1024];
        private int size;
        private long firstSentMs = Long.MAX_VALUE;
        private long lastDoneMs = Long.MIN_VALUE;
    }

    private final Map<String, Series> series = new ConcurrentHashMap<>();

    /** One answered request that left at {@code sentAtMs} and took {@code latencyMs}. */
    public void record(String name, long sentAtMs, long latencyMs) {
        Series s = series.computeIfAbsent(name, n -> new Series());
        synchronized (s) {
            if (s.size == s.values.length) {
                s.values = java.util.Arrays.copyOf(s.values, s.size * 2);
            }
            s.values[s.size++] = latencyMs;
            s.firstSentMs = Math.min(s.firstSentMs, sentAtMs);
            s.lastDoneMs = Math.max(s.lastDoneMs, sentAtMs + latencyMs);
        }
    }

    /**
     * {@code count}, {@code perSecond} over the recorded span, {@code spanMs} and latency
     * percentiles {@code p50Ms}, {@code p95Ms}, {@code p99Ms}, {@code maxMs} (-1 with no data).
     */
    public Map<String, Object> stats(String name) {
        Series s = series.get(name);
        Map<String, Object> m = new LinkedHashMap<>();
        long[] values;
        long span;
        synchronized (s == null ? this : s) {
            values = s == null ? new long[0] : java.util.Arrays.copyOf(s.values, s.size);
            span = s == null ? 0 : Math.max(1, s.lastDoneMs - s.firstSentMs);
        }
        m.put("count", values.length);
        m.put("spanMs", span);
        m.put("perSecond", span == 0 ? 0.0 : Math.round(values.length * 10_000.0 / span) / 10.0);
        m.put("p50Ms", Percentiles.of(values, 50));
        m.put("p95Ms", Percentiles.of(values, 95));
        m.put("p99Ms", Percentiles.of(values, 99));
        m.put("maxMs", Percentiles.of(values, 100));
        return m;
    }
}
