package org.revlab.bench;

import org.revlab.core.store.StoreSettings;

/**
 * The stores a benchmark's {@code store} parameter may name. Only the embedded in-memory HSQLDB
 * exists so far; a networked store is one more case here and one more id in the CLI.
 */
final class BenchStores {

    /** Every id the {@code store} parameter accepts, in the order the CLI lists them. */
    static final String[] IDS = {"hsqldb-mem"};

    private BenchStores() {
    }

    static StoreSettings settings(String store) {
        if ("hsqldb-mem".equals(store)) {
            return StoreSettings.memory();
        }
        throw new IllegalArgumentException("Benchmark parameter store='" + store
                + "' is not known; accepted: " + String.join(", ", IDS) + ".");
    }
}
