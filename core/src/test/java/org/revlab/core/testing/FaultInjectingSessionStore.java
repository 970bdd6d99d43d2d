package org.revlab.core.testing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.revlab.core.store.GuardedSessionStore;
import org.revlab.core.store.SessionStore;
import org.revlab.core.store.StoreUnavailableException;

/**
 * Wraps a real store and makes it fail on request: down, slower than its timeout, or failing
 * every Nth call. A failure is a {@link StoreUnavailableException}, as the real store raises
 * when its database is unreachable or its timeout expires; a failed call makes no change.
 */
public final class FaultInjectingSessionStore extends GuardedSessionStore {

    /** How the wrapped store behaves now. */
    public enum Mode {
        UP, DOWN, SLOW, EVERY_NTH
    }

    private volatile Mode mode = Mode.UP;
    private volatile Duration slowDelay = Duration.ZERO;
    private volatile int nth = 1;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    public FaultInjectingSessionStore(SessionStore delegate) {
        super(delegate);
    }

    public void up() {
        mode = Mode.UP;
    }

    public void down() {
        mode = Mode.DOWN;
    }

    /** Every call waits {@code delay} (the store's timeout, or longer) and then fails. */
    public void slow(Duration delay) {
        slowDelay = delay;
        mode = Mode.SLOW;
    }

    /** Every {@code n}th call from now on fails; the others reach the real store. */
    public void failEvery(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("failEvery n " + n + " must be at least 1.");
        }
        nth = n;
        calls.set(0);
        mode = Mode.EVERY_NTH;
    }

    public Mode mode() {
        return mode;
    }

    /** Calls refused so far. */
    public long failures() {
        return failures.get();
    }

    @Override
    protected void beforeCall(String what) {
        switch (mode) {
            case DOWN -> fail(what, "the database is down (injected)");
            case SLOW -> {
                try {
                    Thread.sleep(slowDelay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                fail(what, "no answer within " + slowDelay.toMillis() + " ms (injected)");
            }
            case EVERY_NTH -> {
                if (calls.incrementAndGet() % nth == 0) {
                    fail(what, "call failed (injected, every " + nth + ")");
                }
            }
            default -> {
            }
        }
    }

    private void fail(String what, String why) {
        failures.incrementAndGet();
        throw new StoreUnavailableException("Store " + delegate.kind() + ": " + what + ": " + why
                + ".", null);
    }
}
