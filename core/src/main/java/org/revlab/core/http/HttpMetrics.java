package org.revlab.core.http;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.revlab.core.Reason;

/**
 * The service's counters: requests served and verdicts by reason. Adders, not locks, because
 * they are bumped on every measured request.
 */
final class HttpMetrics {

    private final LongAdder requests = new LongAdder();
    private final Map<Reason, LongAdder> verdicts = new EnumMap<>(Reason.class);
    private final long startedNanos = System.nanoTime();

    HttpMetrics() {
        for (Reason r : Reason.values()) {
            verdicts.put(r, new LongAdder());
        }
    }

    void request() {
        requests.increment();
    }

    void verdict(Reason reason) {
        verdicts.get(reason).increment();
    }

    long requests() {
        return requests.sum();
    }

    long verdicts(Reason reason) {
        return verdicts.get(reason).sum();
    }

    double uptimeSeconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
