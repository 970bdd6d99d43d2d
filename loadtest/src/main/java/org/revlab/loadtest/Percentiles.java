package org.revlab.loadtest;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample, the way the result files report them. */
public final class Percentiles {

    private Percentiles() {
    }

    /**
     * The smallest value with at least {@code p} percent of the sample at or below it; -1 for an
     * empty sample, so that "no data" never reads as "zero".
     */
    public static long of(long[] values, double p) {
        if (values.length == 0) {
            return -1;
        }
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile " + p + " is out of range; give"
                    + " (0, 100].");
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
