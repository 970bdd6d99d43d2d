package org.revlab.core.token;

import java.time.Instant;

/**
 * The claims Revocation Lab puts in every token. {@code epoch} is the user's revocation epoch
 * at issue time, which {@code revoke-all} compares with the store's current one.
 */
public record TokenClaims(
        TokenType type,
        String subject,
        String sessionId,
        String tokenId,
        Instant issuedAt,
        Instant expiresAt,
        long epoch) {
}
