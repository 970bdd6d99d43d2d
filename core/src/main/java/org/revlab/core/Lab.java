package org.revlab.core;

import java.time.Clock;
import java.time.Duration;
import org.revlab.core.store.JdbcSessionStore;
import org.revlab.core.store.SessionStore;
import org.revlab.core.store.StoreSettings;
import org.revlab.core.token.JjwtTokenCodec;
import org.revlab.core.token.SigningAlgorithm;
import org.revlab.core.token.SigningKeys;

/**
 * Assembles one strategy with its codec, store and clock: what the CLI, the HTTP service, the
 * benchmarks and the tests all build the same way. Closing the lab closes its store.
 */
public final class Lab implements AutoCloseable {

    private final SessionStrategy strategy;
    private final SessionStore store;
    private final JjwtTokenCodec codec;

    private Lab(SessionStrategy strategy, SessionStore store, JjwtTokenCodec codec) {
        this.strategy = strategy;
        this.store = store;
        this.codec = codec;
    }

    /** A strategy on a fresh in-memory store with generated HS256 keys and default settings. */
    public static Lab open(StrategyId id) {
        return open(id, SigningKeys.generate(SigningAlgorithm.HS256), StoreSettings.memory(),
                Clock.systemUTC(), LabSettings.DEFAULTS);
    }

    public static Lab open(StrategyId id, SigningKeys keys, StoreSettings storeSettings,
            Clock clock, LabSettings settings) {
        return open(id, keys, new JdbcSessionStore(storeSettings), clock, settings);
    }

    /** Takes ownership of {@code store}: closing the lab closes it. */
    public static Lab open(StrategyId id, SigningKeys keys, SessionStore store, Clock clock,
            LabSettings settings) {
        JjwtTokenCodec codec = new JjwtTokenCodec(keys, clock, settings.clockSkew());
        SessionStrategy strategy = Strategies.create(id,
                new StrategyContext(codec, store, clock, settings));
        return new Lab(strategy, store, codec);
    }

    public SessionStrategy strategy() {
        return strategy;
    }

    public SessionStore store() {
        return store;
    }

    public JjwtTokenCodec codec() {
        return codec;
    }

    @Override
    public void close() {
        store.close();
    }

    /** Parses durations such as {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d}, {@code 250ms}. */
    public static Duration parseDuration(String text) {
        String t = text == null ? "" : text.trim();
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            switch (t.charAt(t.length() - 1)) {
                case 's': return Duration.ofSeconds(n);
                case 'm': return Duration.ofMinutes(n);
                case 'h': return Duration.ofHours(n);
                case 'd': return Duration.ofDays(n);
                default: break;
            }
        } catch (RuntimeException e) {
            // Fall through to the message below, which says what is accepted.
        }
        throw new IllegalArgumentException("Cannot read '" + text + "' as a duration; write a"
                + " whole number with a unit: ms, s, m, h or d (for example 30s, 5m, 7d).");
    }
}
