package org.revlab.core.strategy.revokeall;

import java.time.Instant;
import org.revlab.core.Credentials;
import org.revlab.core.Reason;
import org.revlab.core.SessionInfo;
import org.revlab.core.StrategyContext;
import org.revlab.core.StrategyId;
import org.revlab.core.Verdict;
import org.revlab.core.store.StoreUnavailableException;
import org.revlab.core.strategy.TokenStrategySupport;
import org.revlab.core.token.TokenCheck;
import org.revlab.core.token.TokenClaims;
import org.revlab.core.token.TokenType;

/**
 * A signed token plus one read per request of the user's cut-off. The cut-off is a revocation
 * epoch, not a timestamp: a token carries the epoch current at issue, and "log out everywhere"
 * moves the epoch on. A timestamp compared with {@code iat}, which has one-second resolution,
 * cannot tell a token issued just before a revoke from one issued just after it in the same
 * second; an epoch orders them exactly.
 */
public final class RevokeAllStrategy extends TokenStrategySupport {

    public RevokeAllStrategy(StrategyContext context) {
        super(context);
    }

    @Override
    public StrategyId id() {
        return StrategyId.REVOKE_ALL;
    }

    @Override
    public Credentials login(String user, String device) {
        Instant now = clock.instant();
        long epoch = store.epoch(user);
        SessionInfo session = recordSession(user, device, now, settings.accessTtl());
        return Credentials.of(issue(TokenType.ACCESS, session, epoch, now, settings.accessTtl()));
    }

    @Override
    public Verdict authenticate(Credentials presented) {
        TokenCheck check = codec.check(presented == null ? null : presented.access(),
                TokenType.ACCESS);
        if (!check.valid()) {
            return rejection(check);
        }
        TokenClaims claims = check.claims();
        long current;
        try {
            current = store.epoch(claims.subject());
        } catch (StoreUnavailableException e) {
            return Verdict.reject(Reason.STORE_UNAVAILABLE, claims.subject(), claims.sessionId(),
                    e.getMessage());
        }
        if (claims.epoch() < current) {
            return Verdict.reject(Reason.REVOKED, claims.subject(), claims.sessionId(),
                    "Every session of the user was revoked after this token was issued (token"
                            + " epoch " + claims.epoch() + ", current " + current + ").");
        }
        return Verdict.accept(claims.subject(), claims.sessionId());
    }

    @Override
    public boolean canRevokeSession() {
        return false;
    }
}
