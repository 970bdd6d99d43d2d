package org.revlab.core.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.revlab.core.SessionInfo;
import org.revlab.core.store.SessionStore;
import org.revlab.core.store.StoreUnavailableException;

/**
 * Wraps a real store and makes it fail on request: down, slower than its timeout, or failing
 * every Nth call. A failure is a {@link StoreUnavailableException}, as the real store raises
 * when its database is unreachable or its timeout expires; a failed call makes no change.
 */
public final class FaultInjectingSessionStore implements SessionStore {

    /** How the wrapped store behaves now. */
    public enum Mode {
        UP, DOWN, SLOW, EVERY_NTH
    }

    private final SessionStore delegate;
    private volatile Mode mode = Mode.UP;
    private volatile Duration slowDelay = Duration.ZERO;
    private volatile int nth = 1;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    public FaultInjectingSessionStore(SessionStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
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

    private <T> T call(String what, Supplier<T> work) {
        Mode m = mode;
        switch (m) {
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
        return work.get();
    }

    private void fail(String what, String why) {
        failures.incrementAndGet();
        throw new StoreUnavailableException("Store " + delegate.kind() + ": " + what + ": " + why
                + ".", null);
    }

    @Override
    public void createSession(SessionInfo session) {
        call("create session", () -> {
            delegate.createSession(session);
            return null;
        });
    }

    @Override
    public SessionInfo findSession(String sessionId) {
        return call("find session", () -> delegate.findSession(sessionId));
    }

    @Override
    public boolean touchIfLive(String sessionId, Instant now) {
        return call("touch session", () -> delegate.touchIfLive(sessionId, now));
    }

    @Override
    public long epoch(String user) {
        return call("read epoch", () -> delegate.epoch(user));
    }

    @Override
    public void revokeAll(String user, Instant now) {
        call("revoke all", () -> {
            delegate.revokeAll(user, now);
            return null;
        });
    }

    @Override
    public boolean revokeSession(String user, String sessionId, Instant now) {
        return call("revoke session", () -> delegate.revokeSession(user, sessionId, now));
    }

    @Override
    public List<SessionInfo> sessions(String user) {
        return call("list sessions", () -> delegate.sessions(user));
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
