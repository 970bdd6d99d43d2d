package org.revlab.core.store;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The part of a shared database server that belongs to one store: a PostgreSQL schema or a
 * Redis key prefix. A private namespace is made up at open and removed at close, so that tests
 * and runs on one server never see each other's sessions; a shared one is named by the caller
 * (several service nodes on one store) and left in place.
 *
 * @param name lower-case letters, digits and underscores, 1 to 40 characters
 * @param dropOnClose whether closing the store removes the namespace and everything in it
 */
public record StoreNamespace(String name, boolean dropOnClose) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    public StoreNamespace {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Store namespace '" + name + "' is not valid;"
                    + " give 1 to 40 lower-case letters, digits or underscores, starting with"
                    + " a letter.");
        }
    }

    /** A namespace of its own for one store instance, removed when the store closes. */
    public static StoreNamespace fresh() {
        String hex = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return new StoreNamespace("revlab_" + hex.toLowerCase(Locale.ROOT), true);
    }

    /** A namespace that several stores share and none of them removes. */
    public static StoreNamespace shared(String name) {
        return new StoreNamespace(name, false);
    }
}
