package org.revlab.core.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.revlab.core.Lab;
import org.revlab.core.LabSettings;
import org.revlab.core.MutableClock;
import org.revlab.core.SessionStrategy;
import org.revlab.core.StrategyId;
import org.revlab.core.token.JjwtTokenCodec;
import org.revlab.core.token.SigningAlgorithm;
import org.revlab.core.token.SigningKeys;

/**
 * One strategy on a fresh store and a {@link MutableClock} that starts 400 ms into a second, so
 * that the truncation of {@code iat} and {@code exp} to whole seconds shows in every test. TTLs
 * are short and round; the store can be taken down through {@link #store()}.
 */
public final class TestLab implements AutoCloseable {

    /** 400 ms past a whole second: {@code exp} is then 400 ms earlier than now + TTL. */
    public static final Instant START = Instant.parse("2026-01-01T00:00:00.400Z");

    /** access 30 s, short 10 s, long 1 h, skew 5 s, last-seen resolution 1 min. */
    public static final LabSettings SETTINGS = new LabSettings(Duration.ofSeconds(30),
            Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofSeconds(5),
            Duration.ofMinutes(1));

    private final Lab lab;
    private final MutableClock clock;
    private final FailingSessionStore store;
    private final SigningKeys keys;

    private TestLab(Lab lab, MutableClock clock, FailingSessionStore store, SigningKeys keys) {
        this.lab = lab;
        this.clock = clock;
        this.store = store;
        this.keys = keys;
    }

    /** HS256 on an in-memory HSQLDB store. */
    public static TestLab open(StrategyId id) {
        return open(id, StoreBackend.hsqldbMemory());
    }

    public static TestLab open(StrategyId id, StoreBackend backend) {
        return open(id, backend, SigningKeys.generate(SigningAlgorithm.HS256), SETTINGS);
    }

    public static TestLab open(StrategyId id, StoreBackend backend, SigningKeys keys,
            LabSettings settings) {
        MutableClock clock = new MutableClock(START);
        FailingSessionStore store = new FailingSessionStore(backend.open());
        return new TestLab(Lab.open(id, keys, store, clock, settings), clock, store, keys);
    }

    public SessionStrategy strategy() {
        return lab.strategy();
    }

    public MutableClock clock() {
        return clock;
    }

    /** The store the strategy uses; {@link FailingSessionStore#goDown()} makes it unreachable. */
    public FailingSessionStore store() {
        return store;
    }

    public JjwtTokenCodec codec() {
        return lab.codec();
    }

    public SigningKeys keys() {
        return keys;
    }

    /** Crafts tokens signed with this lab's key, for attacks the strategies must refuse. */
    public TokenForge forge() {
        return new TokenForge(keys, clock);
    }

    /** Moves the clock to {@code START} plus {@code offset}. */
    public void at(Duration offset) {
        clock.set(START.plus(offset));
    }

    /** The call's result with the database hits it cost. */
    public <T> Hits.Counted<T> counting(Supplier<T> call) {
        return Hits.around(store, call);
    }

    /** The database hits {@code call} cost. */
    public long hitsDuring(Runnable call) {
        return Hits.during(store, call);
    }

    @Override
    public void close() {
        lab.close();
    }
}
