package org.revlab.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.revlab.core.SessionInfo;

/**
 * A store that asks {@link #beforeCall} before every round trip and otherwise forwards to the
 * store it wraps: the one base of the simulator's outage and of the tests' fault injection. A
 * refused call throws {@link StoreUnavailableException} before reaching the wrapped store, so it
 * changes nothing and counts no hit.
 */
public abstract class GuardedSessionStore implements SessionStore {

    protected final SessionStore delegate;

    protected GuardedSessionStore(SessionStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * Decides whether the call named {@code what} (for example {@code "find session"}) may go
     * through; refuses it by throwing {@link StoreUnavailableException}.
     */
    protected abstract void beforeCall(String what);

    @Override
    public void createSession(SessionInfo session) {
        beforeCall("create session");
        delegate.createSession(session);
    }

    @Override
    public SessionInfo findSession(String sessionId) {
        beforeCall("find session");
        return delegate.findSession(sessionId);
    }

    @Override
    public boolean touchIfLive(String sessionId, Instant now) {
        beforeCall("touch session");
        return delegate.touchIfLive(sessionId, now);
    }

    @Override
    public long epoch(String user) {
        beforeCall("read epoch");
        return delegate.epoch(user);
    }

    @Override
    public void revokeAll(String user, Instant now) {
        beforeCall("revoke all");
        delegate.revokeAll(user, now);
    }

    @Override
    public boolean revokeSession(String user, String sessionId, Instant now) {
        beforeCall("revoke session");
        return delegate.revokeSession(user, sessionId, now);
    }

    @Override
    public List<SessionInfo> sessions(String user) {
        beforeCall("list sessions");
        return delegate.sessions(user);
    }

    @Override
    public void ping() {
        beforeCall("ping");
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
