package org.revlab.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
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
import org.revlab.core.store.RedisSessionStore;
import org.revlab.core.store.SessionStore;
import org.revlab.core.store.StoreSpec;

/**
 * What one database hit costs: a lookup of a session by id through the store's own
 * {@code findSession}, beside the floor of the same read done by hand on the store's own data —
 * on SQL one statement prepared once on one held connection reading the same seven columns, on
 * Redis one {@code HGETALL} of the same key on a connection of its own — with no pool, no
 * counting and no result object.
 *
 * <p>Dead code: {@code bareLookup} sinks everything it reads in a {@link Blackhole};
 * {@code findSession} returns the session. The id looked up is a non-final state field.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar StoreLookupBenchmark -prof gc
 * -p store=mem,postgres,redis}; settings on the class are overridden with {@code -wi},
 * {@code -i}, {@code -f}, {@code -tu}. A server that is not running fails the trial with the
 * message that says how to start it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StoreLookupBenchmark {

    /** The session store: any {@code --store} form ({@link StoreSpec#parse}). */
    @Param({"mem"})
    public String store;

    private SessionStore sessionStore;
    private Connection connection;
    private PreparedStatement lookup;
    private RedisClient redisClient;
    private StatefulRedisConnection<String, String> redisConnection;
    private RedisCommands<String, String> redis;
    private String sessionId;
    private String sessionKey;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        StoreSpec spec = StoreSpec.parse(store);
        sessionStore = spec.open();
        Instant now = Instant.now();
        sessionId = Ids.random();
        // A few thousand rows, so that the primary-key index has some depth to it.
        for (int i = 0; i < 5_000; i++) {
            String sid = i == 2_500 ? sessionId : Ids.random();
            sessionStore.createSession(new SessionInfo(sid, "user-" + (i % 500), "phone", now,
                    now, now.plusSeconds(3600), null));
        }
        if (sessionStore instanceof JdbcSessionStore jdbc) {
            connection = jdbc.openBareConnection();
            lookup = connection.prepareStatement("SELECT sid, user_id, device, created_ms,"
                    + " last_seen_ms, expires_ms, revoked_ms FROM rl_session WHERE sid = ?");
        } else if (sessionStore instanceof RedisSessionStore r) {
            redisClient = RedisClient.create(RedisURI.create(spec.target()));
            redisConnection = redisClient.connect();
            redis = redisConnection.sync();
            sessionKey = r.sessionKeyOf(sessionId);
        } else {
            throw new IllegalStateException("No bare lookup for store " + store);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        if (lookup != null) {
            lookup.close();
            connection.close();
        }
        if (redisClient != null) {
            redisConnection.close();
            redisClient.shutdown();
        }
        sessionStore.close();
    }

    /** The floor of one database hit. */
    @Benchmark
    public void bareLookup(Blackhole bh) throws SQLException {
        if (redis != null) {
            Map<String, String> h = redis.hgetall(sessionKey);
            if (h.isEmpty()) {
                throw new IllegalStateException("The session hash is gone: " + sessionKey);
            }
            bh.consume(h);
            return;
        }
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

    /** The store's own lookup: pool or connection, the hit counter, the record. */
    @Benchmark
    public SessionInfo findSession() {
        return sessionStore.findSession(sessionId);
    }
}
