package org.revlab.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-thread event counts that JMH reports beside the time: database hits taken from the store's
 * own counter, requests, accepted requests and refreshes. In JMH's JSON each is a sum over the
 * measured iterations, so a per-request figure is {@code dbHits / requests}.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class RequestCounters {

    public long dbHits;
    public long requests;
    public long accepted;
    public long refreshes;

    @Setup(Level.Iteration)
    public void reset() {
        dbHits = 0;
        requests = 0;
        accepted = 0;
        refreshes = 0;
    }
}
