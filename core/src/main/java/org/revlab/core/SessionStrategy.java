package org.revlab.core;

import java.util.List;

/**
 * One way to authenticate requests and revoke sessions. Implementations are thread-safe, take
 * time only from the injected clock, and report rejections as verdicts, never as exceptions.
 * Store failures during {@link #authenticate} become {@link Reason#STORE_UNAVAILABLE}; during
 * log-in or revocation they surface as {@link org.revlab.core.store.StoreUnavailableException},
 * because a revocation that did not happen must not look acknowledged.
 */
public interface SessionStrategy {

    StrategyId id();

    /** Starts a session for {@code user} on {@code device} and returns its credentials. */
    Credentials login(String user, String device);

    /** Judges one request. Never throws for bad credentials or an unavailable store. */
    Verdict authenticate(Credentials presented);

    /**
     * Revokes every session of {@code user}. When this returns, the revocation is acknowledged:
     * durable in the store, and the strategy's revocation window starts.
     */
    void revokeAll(String user);

    /** Whether {@link #revokeSession} can take effect before the credential expires. */
    boolean canRevokeSession();

    /**
     * Revokes one session of {@code user}.
     *
     * @return false if the user has no such live session
     */
    boolean revokeSession(String user, String sessionId);

    /** The user's sessions, newest first, including revoked ones. */
    List<SessionInfo> sessions(String user);
}
