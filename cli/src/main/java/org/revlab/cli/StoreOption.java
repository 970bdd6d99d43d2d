package org.revlab.cli;

import org.revlab.core.store.StoreSpec;

/**
 * The {@code --store} option of every command. The forms themselves are read in one place in
 * core, {@link StoreSpec#parse}; this class only puts the option's name into the message.
 */
public final class StoreOption {

    /** The forms accepted, for help texts. */
    public static final String FORMS = "mem, file:<path>, hsqldb-server[:<path>], postgres,"
            + " jdbc:postgresql://host:port/db, redis, redis://host:port";

    private StoreOption() {
    }

    /** Reads one {@code --store} value; {@code mem} (or nothing) is a private in-memory store. */
    public static StoreSpec parse(String text) {
        try {
            return StoreSpec.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^Store ", "--store "),
                    e);
        }
    }
}
