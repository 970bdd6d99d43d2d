package org.revlab.core.testing;

import java.util.function.Supplier;
import org.revlab.core.store.SessionStore;

/**
 * Counts the store's round trips around one call, using the store's own counter, the single
 * source of truth for hits.
 */
public final class Hits {

    private Hits() {
    }

    /** A call's result and the hits it cost. */
    public record Counted<T>(T value, long hits) {
    }

    public static <T> Counted<T> around(SessionStore store, Supplier<T> call) {
        long before = store.hits();
        T value = call.get();
        return new Counted<>(value, store.hits() - before);
    }

    public static long during(SessionStore store, Runnable call) {
        long before = store.hits();
        call.run();
        return store.hits() - before;
    }
}
