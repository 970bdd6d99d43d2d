package org.revlab.core;

import java.time.Instant;

/**
 * One session of a user as the store knows it. {@code lastSeen} is the last time the store saw
 * the session (log-in, a store check, or a throttled touch), not the last request: a strategy
 * that does not read the store per request cannot know that without paying for it.
 */
public record SessionInfo(
        String sessionId,
        String user,
        String device,
        Instant created,
        Instant lastSeen,
        Instant expires,
        Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
