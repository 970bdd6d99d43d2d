package org.revlab.core.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * Where the session store lives and how it is reached. The default is a private in-memory
 * HSQLDB database that needs nothing installed.
 *
 * @param url a JDBC URL ({@code jdbc:hsqldb:…}, {@code jdbc:postgresql:…}) or a Redis URI
 *     ({@code redis://host:port})
 * @param user database user; may be empty
 * @param password database password; may be empty
 * @param poolSize connections held, each with its statements prepared once
 * @param timeout how long one operation may wait for a connection or an answer
 */
public record StoreSettings(
        String url, String user, String password, int poolSize, Duration timeout) {

    public static final int DEFAULT_POOL_SIZE = 8;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    public StoreSettings {
        Objects.requireNonNull(url, "url");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (poolSize < 1 || poolSize > 256) {
            throw new IllegalArgumentException("Store pool size " + poolSize
                    + " is out of range; give 1 to 256.");
        }
        if (timeout.isNegative() || timeout.toMillis() < 250) {
            throw new IllegalArgumentException("Store timeout " + timeout
                    + " is too short; give at least 250 ms.");
        }
    }

    /** A fresh, private in-memory HSQLDB database. */
    public static StoreSettings memory() {
        return new StoreSettings("jdbc:hsqldb:mem:revlab-" + UUID.randomUUID(), "SA", "",
                DEFAULT_POOL_SIZE, DEFAULT_TIMEOUT);
    }

    /**
     * An HSQLDB database in files at {@code path} (a path prefix: HSQLDB adds {@code .script},
     * {@code .log} and so on). Every commit is written before it is acknowledged, so revocations
     * survive a crash.
     */
    public static StoreSettings file(Path path) {
        return new StoreSettings("jdbc:hsqldb:file:" + path.toAbsolutePath()
                + ";hsqldb.write_delay=false", "SA", "", DEFAULT_POOL_SIZE, DEFAULT_TIMEOUT);
    }

    public StoreSettings withPoolSize(int size) {
        return new StoreSettings(url, user, password, size, timeout);
    }

    public StoreSettings withTimeout(Duration newTimeout) {
        return new StoreSettings(url, user, password, poolSize, newTimeout);
    }

    /** A short name for result files. */
    public String kind() {
        if (url.startsWith("jdbc:hsqldb:mem:")) {
            return "hsqldb-mem";
        }
        if (url.startsWith("jdbc:hsqldb:file:")) {
            return "hsqldb-file";
        }
        if (url.startsWith("jdbc:hsqldb:hsql:")) {
            return "hsqldb-server";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "postgres";
        }
        if (url.startsWith("redis://") || url.startsWith("rediss://")) {
            return "redis";
        }
        return "jdbc";
    }
}
