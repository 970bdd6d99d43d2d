package org.revlab.core.sim;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.revlab.core.StrategyId;

/**
 * What one strategy did in one simulated run, counted over the measured period only (the
 * warm-up and the probes that time the windows are left out). One CSV row; the columns are
 * documented in the README and in {@link #CSV_HEADER}.
 *
 * @param strategy the strategy
 * @param shortTtl short TTL ({@code two-token}); the other strategies ignore it
 * @param accessTtl token lifetime of {@code stateless} and {@code revoke-all}
 * @param duration measured simulated time
 * @param activeSessionSeconds summed time that sessions were logged in and sending requests
 * @param requests requests served, legitimate and attackers' together
 * @param accepted of those, accepted
 * @param refreshes short tokens issued by a {@code two-token} refresh
 * @param logins log-ins, the first of each session and after every rejection
 * @param revocations "log out everywhere" calls
 * @param dbHits round trips counted by the store
 * @param windows revocation windows of every credential a device held when its user revoked
 * @param attackerRequests requests sent with stolen copies
 * @param attackerAccepted of those, accepted
 * @param exposure attackers' requests accepted after the victim's revoke was acknowledged
 * @param events simulation events processed, probes and warm-up included (for speed figures)
 * @param outage what happened during the store outage, or null for a run without one; its
 *     columns are added to the CSV only then, so runs without an outage keep their format
 */
public record SimulationResult(
        StrategyId strategy,
        Duration shortTtl,
        Duration accessTtl,
        Duration duration,
        long activeSessionSeconds,
        long requests,
        long accepted,
        long refreshes,
        long logins,
        long revocations,
        long dbHits,
        WindowStats windows,
        long attackerRequests,
        long attackerAccepted,
        long exposure,
        long events,
        OutageStats outage) {

    /** The CSV columns, in order. Units are in the names; times are seconds. */
    public static final List<String> CSV_COLUMNS = List.of("strategy", "short_ttl_s",
            "access_ttl_s", "duration_s", "mean_active_sessions", "requests", "accepted",
            "refreshes", "logins", "revocations", "db_hits", "db_hits_per_s",
            "db_hits_per_request", "window_kind", "windows", "window_min_s", "window_p50_s",
            "window_p99_s", "window_max_s", "attacker_requests", "attacker_accepted", "exposure");

    public static final String CSV_HEADER = String.join(",", CSV_COLUMNS);

    /** A result of a run without an outage. */
    public SimulationResult(StrategyId strategy, Duration shortTtl, Duration accessTtl,
            Duration duration, long activeSessionSeconds, long requests, long accepted,
            long refreshes, long logins, long revocations, long dbHits, WindowStats windows,
            long attackerRequests, long attackerAccepted, long exposure, long events) {
        this(strategy, shortTtl, accessTtl, duration, activeSessionSeconds, requests, accepted,
                refreshes, logins, revocations, dbHits, windows, attackerRequests,
                attackerAccepted, exposure, events, null);
    }

    /** The columns of a run, with the outage columns when {@code withOutage}. */
    public static List<String> csvColumns(boolean withOutage) {
        if (!withOutage) {
            return CSV_COLUMNS;
        }
        List<String> all = new java.util.ArrayList<>(CSV_COLUMNS);
        all.addAll(OutageStats.CSV_COLUMNS);
        return List.copyOf(all);
    }

    public double hitsPerSecond() {
        return (double) dbHits / duration.toSeconds();
    }

    public double hitsPerRequest() {
        return requests == 0 ? 0 : (double) dbHits / requests;
    }

    public double meanActiveSessions() {
        return (double) activeSessionSeconds / duration.toSeconds();
    }

    /** One CSV row, formatted the same on every machine (fixed decimals, no locale). */
    public String csvRow() {
        return String.join(",", strategy.id(),
                String.valueOf(shortTtl.toSeconds()),
                String.valueOf(accessTtl.toSeconds()),
                String.valueOf(duration.toSeconds()),
                fmt("%.1f", meanActiveSessions()),
                String.valueOf(requests),
                String.valueOf(accepted),
                String.valueOf(refreshes),
                String.valueOf(logins),
                String.valueOf(revocations),
                String.valueOf(dbHits),
                fmt("%.3f", hitsPerSecond()),
                fmt("%.5f", hitsPerRequest()),
                windows.kind(),
                String.valueOf(windows.count()),
                seconds(windows.minMs()),
                seconds(windows.p50Ms()),
                seconds(windows.p99Ms()),
                seconds(windows.maxMs()),
                String.valueOf(attackerRequests),
                String.valueOf(attackerAccepted),
                String.valueOf(exposure))
                + (outage == null ? "" : "," + outage.csvCells());
    }

    /** Milliseconds as seconds with three decimals. */
    public static String seconds(long ms) {
        return fmt("%.3f", ms / 1000.0);
    }

    private static String fmt(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }
}
