package org.revlab.bench;

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
import org.revlab.core.Ids;
import org.revlab.core.SessionInfo;
import org.revlab.core.store.SessionStore;
import org.revlab.core.store.StoreSpec;

/**
 * What one database hit costs on each store backend, beside its floor: {@code ping} is a bare
 * round trip on a connection the store already holds ({@code VALUES (1)} on SQL, {@code PING}
 * on Redis), {@code findSession} is the {@code stateful} strategy's per-request hit and
 * {@code epoch} the {@code revoke-all} one. The gap between ping and a hit is the store's own
 * work; the gap between backends is what crossing loopback TCP adds.
 *
 * <p>Dead code: both hits return their result to JMH; {@code ping} has nothing to return but
 * is a network call (or, on {@code mem}, a statement execution) that the JIT cannot remove.
 * The ids looked up are non-final state fields. Servers that are not running fail the trial
 * with the message that says how to start them.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar StoreRoundTrip -f 1 -wi 2 -i 3
 * -p store=mem,hsqldb-server,postgres,redis}; settings on the class are overridden with
 * {@code -wi}, {@code -i}, {@code -f}, {@code -tu}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StoreRoundTripBenchmark {

    /** Any {@code --store} form ({@link StoreSpec#parse}). */
    @Param({"mem", "hsqldb-server", "postgres", "redis"})
    public String store;

    private SessionStore sessionStore;
    private String sessionId;
    private String user;

    @Setup(Level.Trial)
    public void open() {
        sessionStore = StoreSpec.parse(store).open();
        Instant now = Instant.now();
        // A few thousand sessions and some revoked users, so that indexes have some depth.
        for (int i = 0; i < 2_000; i++) {
            String sid = Ids.random();
            String owner = "user-" + (i % 200);
            sessionStore.createSession(new SessionInfo(sid, owner, "phone", now, now,
                    now.plusSeconds(3600), null));
            if (i == 1_000) {
                sessionId = sid;
                user = owner;
            }
            if (i % 10 == 0) {
                sessionStore.revokeAll(owner, now);
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        sessionStore.close();
    }

    /** The floor: one bare round trip, no table read. */
    @Benchmark
    public void ping() {
        sessionStore.ping();
    }

    /** One hit: the session by its id ({@code stateful}). */
    @Benchmark
    public SessionInfo findSession() {
        return sessionStore.findSession(sessionId);
    }

    /** One hit: the user's revocation epoch ({@code revoke-all}). */
    @Benchmark
    public long epoch() {
        return sessionStore.epoch(user);
    }
}
