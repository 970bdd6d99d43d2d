package org.revlab.core.store;

import java.time.Instant;
import java.util.List;
import org.revlab.core.SessionInfo;

/**
 * Where sessions, revocations and each user's revocation epoch live. Every method is one or two
 * round trips, and the store counts them (one executed statement, Redis command or script
 * each): {@link #hits()} is the single source of truth for database hits in tests, benchmarks,
 * metrics and the simulator. Failures to reach the store throw
 * {@link StoreUnavailableException}. {@link StoreSpec} opens every kind of store.
 */
public interface SessionStore extends AutoCloseable {

    /** Records a new session. One hit. */
    void createSession(SessionInfo session);

    /** The session with this id, or null. One hit. */
    SessionInfo findSession(String sessionId);

    /**
     * Sets the session's last-seen time if it is live (known, not revoked, not expired at
     * {@code now}). One hit; this is how {@code two-token} checks and touches in one trip.
     *
     * @return whether the session is live
     */
    boolean touchIfLive(String sessionId, Instant now);

    /** The user's current revocation epoch; 0 if the user never revoked. One hit. */
    long epoch(String user);

    /**
     * Marks every live session of the user revoked and moves the user's epoch forward, so that
     * every token issued before is stale. Two hits on the SQL stores (epoch, then sessions);
     * one on Redis, where a script does both. When it returns, the revocation is durable.
     */
    void revokeAll(String user, Instant now);

    /**
     * Marks one live session of the user revoked. One hit.
     *
     * @return false if the user has no such live session
     */
    boolean revokeSession(String user, String sessionId, Instant now);

    /** The user's sessions, newest first, revoked ones included. One hit. */
    List<SessionInfo> sessions(String user);

    /**
     * One bare round trip on a connection the store holds ({@code VALUES (1)}, {@code PING}),
     * not counted as a hit: the floor under every other method, for benchmarks.
     *
     * @throws StoreUnavailableException if the store cannot be reached
     */
    default void ping() {
        throw new UnsupportedOperationException(kind() + " has no ping");
    }

    /** Round trips made so far. */
    long hits();

    /** A short name for result files, such as {@code hsqldb-mem}. */
    String kind();

    @Override
    void close();
}
