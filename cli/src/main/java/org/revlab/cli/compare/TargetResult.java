package org.revlab.cli.compare;

/**
 * One of issue 3's targets checked against one set of parameters.
 *
 * @param target stable id: {@code stateless-overhead}, {@code two-token-vs-stateless},
 *     {@code db-hit-cost}, {@code db-hits}
 * @param where which rows were compared, in words
 * @param measured the measured ratio or count
 * @param limit what the target allows (an upper bound, or the expected count)
 * @param met whether the target holds
 * @param conclusive false when the compared figures' error bars straddle the limit, so that
 *     the verdict could flip on a re-run; always true for hit counts, which do not vary
 * @param detail one sentence with the figures behind the verdict and, when missed, what
 *     dominates
 */
public record TargetResult(
        String target, String where, double measured, double limit, boolean met, boolean conclusive,
        String detail) {

    public String status() {
        return (met ? "met" : "missed") + (conclusive ? "" : " (inconclusive)");
    }
}
