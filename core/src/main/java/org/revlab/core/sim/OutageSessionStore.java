package org.revlab.core.sim;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.revlab.core.SessionInfo;
import org.revlab.core.store.SessionStore;
import org.revlab.core.store.StoreUnavailableException;

/**
 * A store that is down from {@code from} (inclusive) to {@code until} (exclusive) by the
 * simulation's clock: every call in that window throws {@link StoreUnavailableException} without
 * reaching the real store, so it makes no change and counts no hit. Outside it, every call goes
 * to the real store. It counts the calls it refused, so that the simulator can tell an accept
 * made without the store from one the store should have been asked about.
 */
final class OutageSessionStore implements SessionStore {

    private final SessionStore delegate;
    private final Clock clock;
    private final Instant from;
    private final Instant until;
    private long refused;

    OutageSessionStore(SessionStore delegate, Clock clock, Instant from, Instant until) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
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

    private void check(String what) {
        if (down()) {
            refused++;
            throw new StoreUnavailableException("Simulated outage: the store is down until "
                    + until + "; " + what + " was refused.", null);
        }
    }

    @Override
    public void createSession(SessionInfo session) {
        check("createSession");
        delegate.createSession(session);
    }

    @Override
    public SessionInfo findSession(String sessionId) {
        check("findSession");
        return delegate.findSession(sessionId);
    }

    @Override
    public boolean touchIfLive(String sessionId, Instant now) {
        check("touchIfLive");
        return delegate.touchIfLive(sessionId, now);
    }

    @Override
    public long epoch(String user) {
        check("epoch");
        return delegate.epoch(user);
    }

    @Override
    public void revokeAll(String user, Instant now) {
        check("revokeAll");
        delegate.revokeAll(user, now);
    }

    @Override
    public boolean revokeSession(String user, String sessionId, Instant now) {
        check("revokeSession");
        return delegate.revokeSession(user, sessionId, now);
    }

    @Override
    public List<SessionInfo> sessions(String user) {
        check("sessions");
        return delegate.sessions(user);
    }

    @Override
    public void ping() {
        check("ping");
        delegate.ping();
    }

    @Override
    public long hits() {
        return delegate.hits();
    }

    @Override
    public String kind() {
        return delegate.kind();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
