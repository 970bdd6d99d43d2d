package org.revlab.core.sim;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.revlab.core.store.GuardedSessionStore;
import org.revlab.core.store.SessionStore;
import org.revlab.core.store.StoreUnavailableException;

/**
 * A store that is down from {@code from} (inclusive) to {@code until} (exclusive) by the
 * simulation's clock: every call in that window throws {@link StoreUnavailableException} without
 * reaching the real store, so it makes no change and counts no hit. Outside it, every call goes
 * to the real store. It counts the calls it refused, so that the simulator can tell an accept
 * made without the store from one the store should have been asked about.
 */
final class OutageSessionStore extends GuardedSessionStore {

    private final Clock clock;
    private final Instant from;
    private final Instant until;
    private long refused;

    OutageSessionStore(SessionStore delegate, Clock clock, Instant from, Instant until) {
        super(delegate);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.from = from;
        this.until = until;
    }

    /** Whether the store is down at the clock's current time. */
    boolean down() {
        Instant now = clock.instant();
        return !now.isBefore(from) && now.isBefore(until);
    }

    /** Calls refused so far. */
    long refused() {
        return refused;
    }

    @Override
    protected void beforeCall(String what) {
        if (down()) {
            refused++;
            throw new StoreUnavailableException("Simulated outage: the store is down until "
                    + until + "; " + what + " was refused.", null);
        }
    }
}
