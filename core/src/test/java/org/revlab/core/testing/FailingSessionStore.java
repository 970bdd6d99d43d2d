package org.revlab.core.testing;

import java.time.Instant;
import java.util.List;
import org.revlab.core.SessionInfo;
import org.revlab.core.store.SessionStore;
import org.revlab.core.store.StoreUnavailableException;

/**
 * A store that works like the one it wraps until {@link #goDown()}, and from then on fails
 * every call as an unreachable database does. Failed calls count no hit: nothing reached the
 * database.
 */
public final class FailingSessionStore implements SessionStore {

    private final SessionStore delegate;
    private volatile boolean down;

    public FailingSessionStore(SessionStore delegate) {
        this.delegate = delegate;
    }

    public void goDown() {
        down = true;
    }

    public void comeBack() {
        down = false;
    }

    private void check(String what) {
        if (down) {
            throw new StoreUnavailableException("Store " + kind() + ": " + what
                    + " failed: the test took the store down.", null);
        }
    }

    @Override
    public void createSession(SessionInfo session) {
        check("create session");
        delegate.createSession(session);
    }

    @Override
    public SessionInfo findSession(String sessionId) {
        check("find session");
        return delegate.findSession(sessionId);
    }

    @Override
    public boolean touchIfLive(String sessionId, Instant now) {
        check("touch session");
        return delegate.touchIfLive(sessionId, now);
    }

    @Override
    public long epoch(String user) {
        check("read epoch");
        return delegate.epoch(user);
    }

    @Override
    public void revokeAll(String user, Instant now) {
        check("revoke all");
        delegate.revokeAll(user, now);
    }

    @Override
    public boolean revokeSession(String user, String sessionId, Instant now) {
        check("revoke session");
        return delegate.revokeSession(user, sessionId, now);
    }

    @Override
    public List<SessionInfo> sessions(String user) {
        check("list sessions");
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
