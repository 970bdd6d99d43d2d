package org.revlab.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.revlab.core.SessionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session store over JDBC. HikariCP opens and validates connections; each connection is
 * then held in a lane with every statement prepared once, because HSQLDB re-parses SQL on each
 * {@code prepareStatement} and that parse would cost more than the lookup itself (measured in
 * {@code StoreLookupBenchmark}). A lane that fails is evicted and a new one opened on demand.
 * On a shared server (PostgreSQL) the tables live in the store's own {@link StoreNamespace}, a
 * schema; open stores through {@link StoreSpec} to get one.
 */
public final class JdbcSessionStore implements SessionStore {

    private static final Logger log = LoggerFactory.getLogger(JdbcSessionStore.class);

    private static final String SESSION_COLUMNS =
            "sid, user_id, device, created_ms, last_seen_ms, expires_ms, revoked_ms";

    private static final int INSERT = 0;
    private static final int FIND = 1;
    private static final int TOUCH = 2;
    private static final int EPOCH = 3;
    private static final int REVOKE_USER = 4;
    private static final int BUMP_EPOCH = 5;
    private static final int REVOKE_ONE = 6;
    private static final int LIST = 7;
    private static final int PING = 8;

    private final StoreSettings settings;
    private final SqlDialect dialect;
    private final String[] sql;
    private final HikariDataSource dataSource;
    private final BlockingQueue<Lane> idle;
    private final AtomicInteger open = new AtomicInteger();
    private final LongAdder hits = new LongAdder();
    private final int queryTimeoutSeconds;
    private final StoreNamespace namespace;
    private final AutoCloseable afterClose;
    private volatile boolean closed;

    public JdbcSessionStore(StoreSettings settings) {
        this(settings, null, null);
    }

    /**
     * A store whose tables live in {@code namespace} (a schema; null for the database's
     * default), and which closes {@code afterClose} (such as a server it started; may be null)
     * once it is closed itself.
     */
    JdbcSessionStore(StoreSettings settings, StoreNamespace namespace, AutoCloseable afterClose) {
        this.settings = settings;
        this.namespace = namespace;
        this.afterClose = afterClose;
        this.dialect = SqlDialect.forUrl(settings.url());
        this.sql = new String[] {
            "INSERT INTO rl_session (" + SESSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, NULL)",
            "SELECT " + SESSION_COLUMNS + " FROM rl_session WHERE sid = ?",
            "UPDATE rl_session SET last_seen_ms = ?"
                    + " WHERE sid = ? AND revoked_ms IS NULL AND expires_ms > ?",
            "SELECT epoch FROM rl_user WHERE user_id = ?",
            "UPDATE rl_session SET revoked_ms = ? WHERE user_id = ? AND revoked_ms IS NULL",
            dialect.bumpEpochSql(),
            "UPDATE rl_session SET revoked_ms = ?"
                    + " WHERE sid = ? AND user_id = ? AND revoked_ms IS NULL AND expires_ms > ?",
            "SELECT " + SESSION_COLUMNS + " FROM rl_session WHERE user_id = ?"
                    + " ORDER BY created_ms DESC, sid",
            // Valid on both HSQLDB and PostgreSQL, and reads no table.
            "VALUES (1)",
        };
        this.queryTimeoutSeconds = (int) Math.max(1, settings.timeout().toSeconds());
        this.idle = new ArrayBlockingQueue<>(settings.poolSize());

        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(0);
        config.setConnectionTimeout(settings.timeout().toMillis());
        config.setValidationTimeout(Math.max(250, settings.timeout().toMillis() / 2));
        // Lanes hold their connection for the store's life; a retirement age would never fire.
        config.setMaxLifetime(0);
        config.setPoolName("revlab-" + settings.kind());
        if (dialect == SqlDialect.POSTGRESQL && namespace != null) {
            // Names the connections in pg_stat_activity, so they can be found and cut.
            config.addDataSourceProperty("ApplicationName", connectionName());
        }
        // Fail at start with a clear message rather than on the first request.
        config.setInitializationFailTimeout(settings.timeout().toMillis());
        try {
            this.dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            closeQuietly(afterClose);
            throw new StoreUnavailableException("Store " + settings.kind() + ": cannot connect to "
                    + settings.url() + ": " + rootMessage(e) + ". Is the database running?", e);
        }
        createSchema();
    }

    /** The JDBC URL the store connects to. */
    public String url() {
        return settings.url();
    }

    /**
     * A new connection outside the pool and outside the hit counter, on the store's schema: the
     * floor a benchmark compares the store's own lookup with. The caller closes it.
     */
    public Connection openBareConnection() throws SQLException {
        Connection c = DriverManager.getConnection(settings.url(), settings.user(),
                settings.password());
        if (namespace != null) {
            c.setSchema(dialect.schemaNameForJdbc(namespace.name()));
        }
        return c;
    }

    /**
     * The name this store's connections carry on a PostgreSQL server
     * ({@code application_name}), so that an operator or a test can find and cut them; null
     * where the store has no namespace.
     */
    public String connectionName() {
        return namespace == null ? null : "revlab-" + namespace.name();
    }

    /** The schema the tables live in, or null for the database's default. */
    public String namespace() {
        return namespace == null ? null : namespace.name();
    }

    private void createSchema() {
        String script;
        try (InputStream in = getClass().getResourceAsStream(dialect.schemaResource())) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("Schema resource " + dialect.schemaResource()
                    + " is missing from the build.", e);
        }
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            if (namespace != null) {
                st.execute(dialect.createNamespaceSql(namespace.name()));
                c.setSchema(dialect.schemaNameForJdbc(namespace.name()));
            }
            for (String part : script.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!part.isBlank()) {
                    st.execute(part);
                }
            }
        } catch (SQLException e) {
            dataSource.close();
            closeQuietly(afterClose);
            throw new StoreUnavailableException("Store " + settings.kind()
                    + ": cannot create the schema: " + e.getMessage(), e);
        }
    }

    @Override
    public void createSession(SessionInfo s) {
        withLane("create session", lane -> {
            PreparedStatement ps = lane.statements[INSERT];
            ps.setString(1, s.sessionId());
            ps.setString(2, s.user());
            ps.setString(3, s.device());
            ps.setLong(4, s.created().toEpochMilli());
            ps.setLong(5, s.lastSeen().toEpochMilli());
            ps.setLong(6, s.expires().toEpochMilli());
            hits.increment();
            ps.executeUpdate();
            return null;
        });
    }

    @Override
    public SessionInfo findSession(String sessionId) {
        return withLane("find session", lane -> {
            PreparedStatement ps = lane.statements[FIND];
            ps.setString(1, sessionId);
            hits.increment();
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? readSession(rs) : null;
            }
        });
    }

    @Override
    public boolean touchIfLive(String sessionId, Instant now) {
        return withLane("touch session", lane -> {
            PreparedStatement ps = lane.statements[TOUCH];
            long nowMs = now.toEpochMilli();
            ps.setLong(1, nowMs);
            ps.setString(2, sessionId);
            ps.setLong(3, nowMs);
            hits.increment();
            return ps.executeUpdate() == 1;
        });
    }

    @Override
    public long epoch(String user) {
        return withLane("read epoch", lane -> {
            PreparedStatement ps = lane.statements[EPOCH];
            ps.setString(1, user);
            hits.increment();
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    @Override
    public void revokeAll(String user, Instant now) {
        withLane("revoke all", lane -> {
            long nowMs = now.toEpochMilli();
            // Epoch first: from this statement on, every token of the user is stale for
            // revoke-all, whatever happens to the second one.
            PreparedStatement bump = lane.statements[BUMP_EPOCH];
            bump.setString(1, user);
            bump.setLong(2, nowMs);
            hits.increment();
            bump.executeUpdate();

            PreparedStatement revoke = lane.statements[REVOKE_USER];
            revoke.setLong(1, nowMs);
            revoke.setString(2, user);
            hits.increment();
            revoke.executeUpdate();
            return null;
        });
    }

    @Override
    public boolean revokeSession(String user, String sessionId, Instant now) {
        return withLane("revoke session", lane -> {
            PreparedStatement ps = lane.statements[REVOKE_ONE];
            long nowMs = now.toEpochMilli();
            ps.setLong(1, nowMs);
            ps.setString(2, sessionId);
            ps.setString(3, user);
            ps.setLong(4, nowMs);
            hits.increment();
            return ps.executeUpdate() == 1;
        });
    }

    @Override
    public List<SessionInfo> sessions(String user) {
        return withLane("list sessions", lane -> {
            PreparedStatement ps = lane.statements[LIST];
            ps.setString(1, user);
            hits.increment();
            List<SessionInfo> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(readSession(rs));
                }
            }
            return out;
        });
    }

    /** A bare {@code VALUES (1)} on a held connection; not counted as a hit. */
    @Override
    public void ping() {
        withLane("ping", lane -> {
            try (ResultSet rs = lane.statements[PING].executeQuery()) {
                return rs.next();
            }
        });
    }

    @Override
    public long hits() {
        return hits.sum();
    }

    @Override
    public String kind() {
        return settings.kind();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Lane lane;
        while ((lane = idle.poll()) != null) {
            lane.close();
        }
        if (dialect == SqlDialect.HSQLDB && !settings.url().startsWith("jdbc:hsqldb:hsql:")) {
            // An in-process database lives until it is shut down; file mode also checkpoints.
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            } catch (SQLException e) {
                log.debug("JdbcSessionStore: shutdown of {} failed: {}", settings.kind(),
                        e.getMessage());
            }
        }
        if (namespace != null && namespace.dropOnClose()) {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute(dialect.dropNamespaceSql(namespace.name()));
            } catch (SQLException e) {
                log.warn("JdbcSessionStore: could not drop schema {} of {}: {}; drop it by hand",
                        namespace.name(), settings.kind(), e.getMessage());
            }
        }
        dataSource.close();
        closeQuietly(afterClose);
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            log.warn("JdbcSessionStore: closing {} failed: {}", resource, e.toString());
        }
    }

    private static SessionInfo readSession(ResultSet rs) throws SQLException {
        long revoked = rs.getLong(7);
        Instant revokedAt = rs.wasNull() ? null : Instant.ofEpochMilli(revoked);
        return new SessionInfo(rs.getString(1), rs.getString(2), rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5)),
                Instant.ofEpochMilli(rs.getLong(6)), revokedAt);
    }

    /** One unit of store work on a lane's prepared statements. */
    @FunctionalInterface
    private interface LaneWork<T> {
        T run(Lane lane) throws SQLException;
    }

    private <T> T withLane(String what, LaneWork<T> work) {
        Lane lane = borrow(what);
        try {
            T result = work.run(lane);
            idle.offer(lane);
            return result;
        } catch (SQLException e) {
            discard(lane);
            throw new StoreUnavailableException("Store " + settings.kind() + ": " + what
                    + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            discard(lane);
            throw e;
        }
    }

    private Lane borrow(String what) {
        if (closed) {
            throw new StoreUnavailableException("Store " + settings.kind() + " is closed.", null);
        }
        Lane lane = idle.poll();
        if (lane != null) {
            return lane;
        }
        if (open.incrementAndGet() <= settings.poolSize()) {
            try {
                return openLane();
            } catch (SQLException | RuntimeException e) {
                open.decrementAndGet();
                throw new StoreUnavailableException("Store " + settings.kind() + ": " + what
                        + ": cannot open a connection: " + rootMessage(e), e);
            }
        }
        open.decrementAndGet();
        try {
            lane = idle.poll(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Store " + settings.kind() + ": " + what
                    + " was interrupted.", e);
        }
        if (lane == null) {
            throw new StoreUnavailableException("Store " + settings.kind() + ": " + what
                    + ": no connection free within " + settings.timeout().toMillis()
                    + " ms (pool size " + settings.poolSize() + ").", null);
        }
        return lane;
    }

    private Lane openLane() throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(true);
            if (namespace != null) {
                // Held for the lane's life, so setting it once per connection is enough.
                c.setSchema(dialect.schemaNameForJdbc(namespace.name()));
            }
            PreparedStatement[] statements = new PreparedStatement[sql.length];
            for (int i = 0; i < sql.length; i++) {
                statements[i] = c.prepareStatement(sql[i]);
                statements[i].setQueryTimeout(queryTimeoutSeconds);
            }
            return new Lane(c, statements);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    private void discard(Lane lane) {
        open.decrementAndGet();
        try {
            dataSource.evictConnection(lane.connection);
        } catch (RuntimeException e) {
            log.debug("JdbcSessionStore: evicting a failed connection: {}", e.getMessage());
        }
        lane.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    /** A held connection with its statements prepared once. */
    private static final class Lane {
        final Connection connection;
        final PreparedStatement[] statements;

        Lane(Connection connection, PreparedStatement[] statements) {
            this.connection = connection;
            this.statements = statements;
        }

        void close() {
            for (PreparedStatement ps : statements) {
                try {
                    ps.close();
                } catch (SQLException ignored) {
                    // The connection is going too; nothing more to do.
                }
            }
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing a broken connection may fail; the pool has already evicted it.
            }
        }
    }
}
