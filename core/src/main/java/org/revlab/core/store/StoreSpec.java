package org.revlab.core.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Which session store to open, from one setting ({@code --store}): the only place that reads
 * that setting, so that every command, benchmark and test names backends alike. The strategies
 * see only the {@link SessionStore} that {@link #open()} returns.
 *
 * <p>Forms: {@code mem} (the default), {@code file:<path>}, {@code hsqldb-server[:<path>]},
 * {@code postgres} or {@code jdbc:postgresql://…}, {@code redis} or {@code redis://host:port}.
 */
public final class StoreSpec {

    public static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String DEFAULT_POSTGRES_USER = "postgres";
    public static final String DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

    /** The kinds of store, each with what a user does when its server is not running. */
    public enum Backend {
        MEM("mem", null),
        FILE("file", null),
        HSQLDB_SERVER("hsqldb-server", null),
        POSTGRES("postgres", "Start PostgreSQL (on Debian: pg_ctlcluster"
                + " --skip-systemctl-redirect $(ls /etc/postgresql) main start) or point --store"
                + " at a running server: --store jdbc:postgresql://host:5432/db?user=name."),
        REDIS("redis", "Start Redis (redis-server --daemonize yes --bind 127.0.0.1 --port 6379"
                + " --save '' --appendonly no) or point --store at a running server:"
                + " --store redis://host:6379.");

        private final String id;
        private final String startHint;

        Backend(String id, String startHint) {
            this.id = id;
            this.startHint = startHint;
        }

        /** The name used in {@code --store}, JMH parameters and result files. */
        public String id() {
            return id;
        }

        /** How to start this backend's server; null for the embedded ones. */
        public String startHint() {
            return startHint;
        }
    }

    private final String text;
    private final Backend backend;
    private final String target;
    private final StoreNamespace namespace;
    private final int poolSize;
    private final Duration timeout;

    private StoreSpec(String text, Backend backend, String target, StoreNamespace namespace,
            int poolSize, Duration timeout) {
        this.text = text;
        this.backend = backend;
        this.target = target;
        this.namespace = namespace;
        this.poolSize = poolSize;
        this.timeout = timeout;
    }

    /** The default: a private in-memory HSQLDB database. */
    public static StoreSpec memory() {
        return parse("mem");
    }

    /**
     * Reads one {@code --store} value. Blank means {@code mem}.
     *
     * @throws IllegalArgumentException naming the value and listing the accepted forms
     */
    public static StoreSpec parse(String value) {
        String v = value == null ? "" : value.trim();
        String lower = v.toLowerCase(Locale.ROOT);
        if (v.isEmpty() || lower.equals("mem") || lower.equals("hsqldb-mem")) {
            return of(v.isEmpty() ? "mem" : v, Backend.MEM, null);
        }
        if (lower.startsWith("file:")) {
            return of(v, Backend.FILE, requirePath(v, v.substring("file:".length())));
        }
        if (lower.equals("hsqldb-server")) {
            return of(v, Backend.HSQLDB_SERVER, null);
        }
        if (lower.startsWith("hsqldb-server:")) {
            return of(v, Backend.HSQLDB_SERVER,
                    requirePath(v, v.substring("hsqldb-server:".length())));
        }
        if (lower.equals("postgres") || lower.equals("postgresql")) {
            return of(v, Backend.POSTGRES, DEFAULT_POSTGRES_URL);
        }
        if (lower.startsWith("jdbc:postgresql://")) {
            return of(v, Backend.POSTGRES, v);
        }
        if (lower.equals("redis")) {
            return of(v, Backend.REDIS, DEFAULT_REDIS_URL);
        }
        if (lower.startsWith("redis://") && v.length() > "redis://".length()) {
            return of(v, Backend.REDIS, v);
        }
        throw new IllegalArgumentException("Store '" + value + "' is not one I know. "
                + acceptedForms());
    }

    /** One sentence listing every accepted {@code --store} form, for error messages and help. */
    public static String acceptedForms() {
        return "Give one of: mem (in-memory HSQLDB, the default), file:<path> (HSQLDB files),"
                + " hsqldb-server or hsqldb-server:<path> (an HSQLDB server started on"
                + " 127.0.0.1, in memory or in files), postgres (" + DEFAULT_POSTGRES_URL
                + " as user " + DEFAULT_POSTGRES_USER + ") or jdbc:postgresql://host:port/db"
                + "[?user=…&password=…], redis (" + DEFAULT_REDIS_URL + ") or"
                + " redis://[:password@]host:port[/db].";
    }

    private static StoreSpec of(String text, Backend backend, String target) {
        return new StoreSpec(text, backend, target, null, StoreSettings.DEFAULT_POOL_SIZE,
                StoreSettings.DEFAULT_TIMEOUT);
    }

    private static String requirePath(String value, String path) {
        if (path.isBlank()) {
            throw new IllegalArgumentException("Store '" + value + "' names no path; write, for"
                    + " example, file:results/store/sessions. " + acceptedForms());
        }
        return path;
    }

    public Backend backend() {
        return backend;
    }

    /** The URL or path this spec points at; null where the store makes up its own. */
    public String target() {
        return target;
    }

    /** Whether the store runs on a server that this process does not start. */
    public boolean external() {
        return backend == Backend.POSTGRES || backend == Backend.REDIS;
    }

    /** Connections held for SQL stores; Redis multiplexes one connection and ignores it. */
    public StoreSpec withPoolSize(int size) {
        settings("jdbc:", "", "").withPoolSize(size); // same range check and message
        return new StoreSpec(text, backend, target, namespace, size, timeout);
    }

    /** How long connecting or one operation may take before the store reports unavailable. */
    public StoreSpec withTimeout(Duration newTimeout) {
        settings("jdbc:", "", "").withTimeout(newTimeout);
        return new StoreSpec(text, backend, target, namespace, poolSize, newTimeout);
    }

    /**
     * Uses the named namespace on a shared server (PostgreSQL schema, Redis key prefix) and
     * leaves it in place at close, so that several nodes see the same sessions. Without it,
     * each opened store gets a private namespace that its close removes.
     */
    public StoreSpec withSharedNamespace(String name) {
        return new StoreSpec(text, backend, target, StoreNamespace.shared(name), poolSize,
                timeout);
    }

    /**
     * Uses the named namespace like {@link #withSharedNamespace} but removes it at close: for the
     * one process that sets a namespace up for several others and cleans it away after them.
     */
    public StoreSpec withOwnedNamespace(String name) {
        return new StoreSpec(text, backend, target, new StoreNamespace(name, true), poolSize,
                timeout);
    }

    /**
     * Opens a new store. Each call on {@code mem} or {@code hsqldb-server} gets a database of
     * its own; on PostgreSQL and Redis, a namespace of its own unless a shared one was named.
     *
     * @throws StoreUnavailableException if the server cannot be reached; the message says how
     *     to start it
     */
    public SessionStore open() {
        StoreNamespace ns = namespace != null ? namespace : StoreNamespace.fresh();
        switch (backend) {
            case MEM:
                return new JdbcSessionStore(settings(StoreSettings.memory().url(), "SA", ""));
            case FILE:
                return new JdbcSessionStore(settings(StoreSettings.file(Path.of(target)).url(),
                        "SA", ""));
            case HSQLDB_SERVER:
                return openHsqldbServer();
            case POSTGRES:
                try {
                    // A user named in the URL wins over this default (the driver reads the URL
                    // last).
                    return new JdbcSessionStore(settings(target, DEFAULT_POSTGRES_USER, ""), ns,
                            null);
                } catch (StoreUnavailableException e) {
                    throw withHint(e);
                }
            case REDIS:
                try {
                    return new RedisSessionStore(settings(target, "", ""), ns);
                } catch (StoreUnavailableException e) {
                    throw withHint(e);
                }
            default:
                throw new IllegalStateException("No opener for " + backend);
        }
    }

    private SessionStore openHsqldbServer() {
        String database = target == null ? "mem:revlab-" + UUID.randomUUID()
                : "file:" + Path.of(target).toAbsolutePath() + ";hsqldb.write_delay=false";
        HsqldbServer server = HsqldbServer.start(database);
        return new JdbcSessionStore(settings(server.jdbcUrl(), "SA", ""), null, server);
    }

    private StoreSettings settings(String url, String user, String password) {
        return new StoreSettings(url, user, password, poolSize, timeout);
    }

    private StoreUnavailableException withHint(StoreUnavailableException e) {
        return new StoreUnavailableException(e.getMessage() + " " + backend.startHint(), e);
    }

    /** The value as the user gave it, passwords masked, for result files and messages. */
    @Override
    public String toString() {
        return text.replaceAll("(?i)(password=)[^&;]*", "$1***")
                .replaceAll("(?i)^(rediss?://[^@/]*:)[^@/]*@", "$1***@");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoreSpec other && backend == other.backend
                && Objects.equals(target, other.target)
                && Objects.equals(namespace, other.namespace)
                && poolSize == other.poolSize && timeout.equals(other.timeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(backend, target, namespace, poolSize, timeout);
    }
}
