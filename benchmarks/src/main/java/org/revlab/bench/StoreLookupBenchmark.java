package org.revlab.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.revlab.core.Ids;
import org.revlab.core.SessionInfo;
import org.revlab.core.store.JdbcSessionStore;
import org.revlab.core.store.StoreSettings;

/**
 * What one database hit costs: a primary-key lookup of a session through
 * {@link JdbcSessionStore#findSession}, beside the floor of the same lookup — one statement
 * prepared once on one held connection, reading the same seven columns, with no pool, no
 * counting and no result object.
 *
 * <p>Dead code: {@code bareLookup} sinks every column it reads in a {@link Blackhole};
 * {@code findSession} returns the session. The id looked up is a non-final state field.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar StoreLookupBenchmark -prof gc
 * -p store=hsqldb-mem}; settings on the class are overridden with {@code -wi}, {@code -i},
 * {@code -f}, {@code -tu}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StoreLookupBenchmark {

    /** The session store, by the ids of {@link BenchStores}. */
    @Param({"hsqldb-mem"})
    public String store;

    private JdbcSessionStore sessionStore;
    private Connection connection;
    private PreparedStatement lookup;
    private String sessionId;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        StoreSettings settings = BenchStores.settings(store);
        sessionStore = new JdbcSessionStore(settings);
        Instant now = Instant.now();
        sessionId = Ids.random();
        // A few thousand rows, so that the primary-key index has some depth to it.
        for (int i = 0; i < 5_000; i++) {
            String sid = i == 2_500 ? sessionId : Ids.random();
            sessionStore.createSession(new SessionInfo(sid, "user-" + (i % 500), "phone", now,
                    now, now.plusSeconds(3600), null));
        }
        connection = DriverManager.getConnection(settings.url(), settings.user(),
                settings.password());
        lookup = connection.prepareStatement("SELECT sid, user_id, device, created_ms,"
                + " last_seen_ms, expires_ms, revoked_ms FROM rl_session WHERE sid = ?");
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        lookup.close();
        connection.close();
        sessionStore.close();
    }

    /** The floor of one database hit. */
    @Benchmark
    public void bareLookup(Blackhole bh) throws SQLException {
        lookup.setString(1, sessionId);
        try (ResultSet rs = lookup.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("The session row is gone: " + sessionId);
            }
            bh.consume(rs.getString(1));
            bh.consume(rs.getString(2));
            bh.consume(rs.getString(3));
            bh.consume(rs.getLong(4));
            bh.consume(rs.getLong(5));
            bh.consume(rs.getLong(6));
            bh.consume(rs.getLong(7));
            bh.consume(rs.wasNull());
        }
    }

    /** The store's own lookup: a lane, the prepared statement, the hit counter, the record. */
    @Benchmark
    public SessionInfo findSession() {
        return sessionStore.findSession(sessionId);
    }
}
