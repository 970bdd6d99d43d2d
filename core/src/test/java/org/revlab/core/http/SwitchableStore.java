package org.revlab.core.http;

import java.time.Instant;
import java.util.List;
import org.revlab.core.SessionInfo;
import org.revlab.core.store.JdbcSessionStore;
import org.revlab.core.store.SessionStore;
import org.revlab.core.store.StoreSettings;
import org.revlab.core.store.StoreUnavailableException;

/** A real in-memory store that can be taken down and brought back, to inject an outage. */
final class SwitchableStore implements SessionStore {

    private final SessionStore real = new JdbcSessionStore(StoreSettings.memory());
    private volatile boolean down;
    private volatile boolean broken;

    void down(boolean value) {
        down = value;
    }

    /** Makes every call fail as a defect would: not an outage, an unexpected exception. */
    void broken(boolean value) {
        broken = value;
    }

    private void reachable() {
        if (down) {
            throw new StoreUnavailableException("Store hsqldb-mem is down (injected).", null);
        }
        if (broken) {
            throw new IllegalStateException("Injected defect: NullPointerException-like bug");
        }
    }

    @Override
    public void createSession(SessionInfo session) {
        reachable();
        real.createSession(session);
    }

    @Override
    public SessionInfo findSession(String sessionId) {
        reachable();
        return real.findSession(sessionId);
    }

    @Override
    public boolean touchIfLive(String sessionId, Instant now) {
        reachable();
        return real.touchIfLive(sessionId, now);
    }

    @Override
    public long epoch(String user) {
        reachable();
        return real.epoch(user);
    }

    @Override
    public void revokeAll(String user, Instant now) {
        reachable();
        real.revokeAll(user, now);
    }

    @Override
    public boolean revokeSession(String user, String sessionId, Instant now) {
        reachable();
        return real.revokeSession(user, sessionId, now);
    }

    @Override
    public List<SessionInfo> sessions(String user) {
        reachable();
        return real.sessions(user);
    }

    @Override
    public long hits() {
        return real.hits();
    }

    @Override
    public String kind() {
        return real.kind();
    }

    @Override
    public void close() {
        real.close();
    }
}
