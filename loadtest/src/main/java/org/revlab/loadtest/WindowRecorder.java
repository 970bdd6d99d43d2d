package org.revlab.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What each victim/attacker pair saw: when the victim's revoke was acknowledged and, for every
 * attacker request, when it was sent and whether it got in. From that it derives the revocation
 * window (first rejection sent after the acknowledgement, minus the acknowledgement) and the
 * exposure (attacker requests sent after the acknowledgement and still accepted). Thread-safe:
 * Gatling's virtual users record into it concurrently, one pair per user.
 */
public final class WindowRecorder {

    /** One attacker request: when it left, and the verdict. */
    public record Observation(long sentAtMs, boolean accepted, String reason) {
    }

    /** One pair's outcome; {@code windowMs} is -1 while no rejection followed the revoke. */
    public record PairResult(int pair, long ackAtMs, long windowMs, int exposure,
            String firstRejectionReason, int requests) {

        public boolean revoked() {
            return ackAtMs >= 0;
        }

        public boolean complete() {
            return revoked() && windowMs >= 0;
        }
    }

    /** The distribution over all pairs. Times are milliseconds; -1 where there is no data. */
    public record Summary(int pairs, int revoked, int complete, long windowP50Ms,
            long windowP99Ms, long windowMaxMs, long exposure, int maxExposurePerPair,
            int pairsWithExposure, Map<String, Integer> firstRejectionReasons,
            List<PairResult> results) {
    }

    private static final class Pair {
        private final List<Observation> observations = new ArrayList<>();
        private long ackAtMs = -1;
    }

    private final AtomicInteger nextPair = new AtomicInteger();
    private final Map<Integer, Pair> pairs = new ConcurrentHashMap<>();

    /** Starts a pair at log-in and returns its id. */
    public int startPair() {
        int id = nextPair.getAndIncrement();
        pairs.put(id, new Pair());
        return id;
    }

    /** The victim's revoke came back acknowledged at {@code ackAtMs}. */
    public void acknowledged(int pair, long ackAtMs) {
        Pair p = pair(pair);
        synchronized (p) {
            p.ackAtMs = ackAtMs;
        }
    }

    /** One attacker request sent at {@code sentAtMs} with its verdict. */
    public void observe(int pair, long sentAtMs, boolean accepted, String reason) {
        Pair p = pair(pair);
        synchronized (p) {
            p.observations.add(new Observation(sentAtMs, accepted, reason));
        }
    }

    /** Whether the attacker of {@code pair} has been turned away since the revoke. */
    public boolean rejectedSinceRevoke(int pair) {
        return result(pair).complete();
    }

    public PairResult result(int pair) {
        Pair p = pair(pair);
        synchronized (p) {
            long window = -1;
            int exposure = 0;
            String reason = null;
            // A request sent before the acknowledgement may be accepted by any strategy, since
            // the revoke had not happened yet; only later ones count.
            if (p.ackAtMs >= 0) {
                for (Observation o : p.observations) {
                    if (o.sentAtMs() < p.ackAtMs) {
                        continue;
                    }
                    if (o.accepted()) {
                        exposure++;
                    } else {
                        window = o.sentAtMs() - p.ackAtMs;
                        reason = o.reason();
                        break;
                    }
                }
            }
            return new PairResult(pair, p.ackAtMs, window, exposure, reason,
                    p.observations.size());
        }
    }

    public Summary summarize() {
        List<PairResult> results = new ArrayList<>();
        for (int id : new TreeMap<>(pairs).keySet()) {
            results.add(result(id));
        }
        long[] windows = results.stream().filter(PairResult::complete)
                .mapToLong(PairResult::windowMs).toArray();
        Map<String, Integer> reasons = new TreeMap<>();
        long exposure = 0;
        int maxExposure = 0;
        int withExposure = 0;
        for (PairResult r : results) {
            exposure += r.exposure();
            maxExposure = Math.max(maxExposure, r.exposure());
            withExposure += r.exposure() > 0 ? 1 : 0;
            if (r.firstRejectionReason() != null) {
                reasons.merge(r.firstRejectionReason(), 1, Integer::sum);
            }
        }
        int revoked = (int) results.stream().filter(PairResult::revoked).count();
        return new Summary(results.size(), revoked, windows.length,
                Percentiles.of(windows, 50), Percentiles.of(windows, 99),
                Percentiles.of(windows, 100), exposure, maxExposure, withExposure, reasons,
                results);
    }

    private Pair pair(int id) {
        Pair p = pairs.get(id);
        if (p == null) {
            throw new IllegalArgumentException("No pair " + id + " was started.");
        }
        return p;
    }
}
