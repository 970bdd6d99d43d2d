package org.revlab.core.store;

/**
 * A store that an outside party turns off and on at run time: while it is down every call is
 * refused with {@link StoreUnavailableException} before it reaches the wrapped store, so it
 * changes nothing and counts no hit. The load test's outage scenario drives it from a timer.
 */
public final class SwitchableSessionStore extends GuardedSessionStore {

    // Read on every request thread, written by the timer thread: volatile is all it needs.
    private volatile boolean down;

    public SwitchableSessionStore(SessionStore delegate) {
        super(delegate);
    }

    /** Refuses every call from now on, until {@link #up()}. */
    public void down() {
        down = true;
    }

    /** Lets calls through again. */
    public void up() {
        down = false;
    }

    public boolean isDown() {
        return down;
    }

    @Override
    protected void beforeCall(String what) {
        if (down) {
            throw new StoreUnavailableException("Store " + kind() + " is switched off: "
                    + what + " refused.", null);
        }
    }
}
