package org.revlab.core.sim;

import java.util.Arrays;

/**
 * The revocation windows observed in one run, in milliseconds: count, min, p50, p99, max by
 * the nearest-rank method (so every figure is one that was observed), and how many ended only
 * because the credential expired rather than because the revoke was seen.
 *
 * @param count windows observed
 * @param untilExpiry of those, how many ended by expiry: the strategy never saw the revoke
 */
public record WindowStats(long count, long untilExpiry, long minMs, long p50Ms, long p99Ms,
        long maxMs) {

    /** What the windows say about the strategy: "none" observed, "bounded" or "until expiry". */
    public String kind() {
        if (count == 0) {
            return "none";
        }
        return untilExpiry > 0 ? "until expiry" : "bounded";
    }

    static WindowStats of(long[] samples, int n, long untilExpiry) {
        if (n == 0) {
            return new WindowStats(0, 0, 0, 0, 0, 0);
        }
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        return new WindowStats(n, untilExpiry, sorted[0], rank(sorted, 0.50), rank(sorted, 0.99),
                sorted[n - 1]);
    }

    private static long rank(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
