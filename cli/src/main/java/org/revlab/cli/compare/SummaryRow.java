package org.revlab.cli.compare;

/**
 * One line of a comparison: one benchmark at one set of parameters, with its figures per
 * request. This is the row schema of {@code summary.json}; fields that do not apply are null.
 *
 * @param strategy strategy id; null for a baseline
 * @param algorithm JWA name; null for a store baseline
 * @param store the {@code --store} value as given, such as {@code mem} or {@code postgres};
 *     null for a token baseline
 * @param shortTtl {@code two-token}'s short TTL as given (such as {@code 60s}); null for baselines
 * @param rate requests per second per session; null for baselines
 * @param mode {@code accept}, {@code revoked}, {@code tampered}, or a baseline's name:
 *     {@code floor}, {@code jjwt-bare}, {@code round-trip} (the store's bare round trip),
 *     {@code bare-lookup}, {@code store-find-session}
 * @param usPerOp mean time per request in microseconds
 * @param usError half-width of JMH's 99.9% confidence interval, in microseconds; null when
 *     there were too few iterations to compute one
 * @param bytesPerOp bytes allocated per request (JMH's {@code gc.alloc.rate.norm}); null when
 *     the run had no gc profiler
 * @param dbHitsPerOp store round trips per request, from the store's own counter; null for
 *     token baselines
 * @param acceptedShare share of requests accepted (0 to 1); null for baselines
 * @param ratioToFloor {@code usPerOp} over the cryptographic floor of the same algorithm
 * @param ratioToJjwt {@code usPerOp} over jjwt's bare parse of the same algorithm
 * @param windowByDesign the strategy's revocation window by design, in words
 */
public record SummaryRow(
        String strategy,
        String algorithm,
        String store,
        String shortTtl,
        Double rate,
        String mode,
        double usPerOp,
        Double usError,
        Double bytesPerOp,
        Double dbHitsPerOp,
        Double acceptedShare,
        Double ratioToFloor,
        Double ratioToJjwt,
        String windowByDesign) {

    SummaryRow withRatios(Double toFloor, Double toJjwt) {
        return new SummaryRow(strategy, algorithm, store, shortTtl, rate, mode, usPerOp, usError,
                bytesPerOp, dbHitsPerOp, acceptedShare, toFloor, toJjwt, windowByDesign);
    }

    boolean isStrategy() {
        return strategy != null;
    }
}
