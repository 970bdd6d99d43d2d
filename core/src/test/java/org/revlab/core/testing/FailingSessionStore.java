package org.revlab.core.testing;

import org.revlab.core.store.GuardedSessionStore;
import org.revlab.core.store.SessionStore;
import org.revlab.core.store.StoreUnavailableException;

/**
 * A store that works like the one it wraps until {@link #goDown()}, and from then on fails
 * every call as an unreachable database does. Failed calls count no hit: nothing reached the
 * database.
 */
public final class FailingSessionStore extends GuardedSessionStore {

    private volatile boolean down;

    public FailingSessionStore(SessionStore delegate) {
        super(delegate);
    }

    public void goDown() {
        down = true;
    }

    public void comeBack() {
        down = false;
    }

    @Override
    protected void beforeCall(String what) {
        if (down) {
            throw new StoreUnavailableException("Store " + kind() + ": " + what
                    + " failed: the test took the store down.", null);
        }
    }
}
