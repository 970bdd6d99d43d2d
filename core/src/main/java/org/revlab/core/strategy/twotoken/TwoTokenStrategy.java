package org.revlab.core.strategy.twotoken;

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
 * A short-lived access token checked by signature alone, and a long-lived token checked against
 * the store only when the short one is missing or expired; then a new short token is issued.
 * A valid short token costs no hit; a refresh costs one (two when it is refused, to say why).
 * A revocation takes effect when the thief's short token expires: at most one short TTL.
 */
public final class TwoTokenStrategy extends TokenStrategySupport {

    public TwoTokenStrategy(StrategyContext context) {
        super(context);
    }

    @Override
    public StrategyId id() {
        return StrategyId.TWO_TOKEN;
    }

    @Override
    public Credentials login(String user, String device) {
        Instant now = clock.instant();
        SessionInfo session = recordSession(user, device, now, settings.longTtl());
        return new Credentials(
                issue(TokenType.ACCESS, session, 0, now, settings.shortTtl()),
                issue(TokenType.LONG_LIVED, session, 0, now, settings.longTtl()));
    }

    @Override
    public Verdict authenticate(Credentials presented) {
        String shortToken = presented == null ? null : presented.access();
        String longToken = presented == null ? null : presented.longLived();
        TokenCheck shortCheck = null;
        if (shortToken != null && !shortToken.isEmpty()) {
            shortCheck = codec.check(shortToken, TokenType.ACCESS);
            if (shortCheck.valid()) {
                return Verdict.accept(shortCheck.claims().subject(),
                        shortCheck.claims().sessionId());
            }
            if (shortCheck.reason() != Reason.EXPIRED) {
                // Only expiry leads to a refresh; a forged or confused short token is refused.
                return rejection(shortCheck);
            }
        }
        if (longToken == null || longToken.isEmpty()) {
            return shortCheck != null ? rejection(shortCheck)
                    : Verdict.reject(Reason.MISSING, "No token was presented.");
        }
        TokenCheck longCheck = codec.check(longToken, TokenType.LONG_LIVED);
        if (!longCheck.valid()) {
            return rejection(longCheck);
        }
        return refresh(longCheck.claims());
    }

    private Verdict refresh(TokenClaims claims) {
        // Read the time before the store check: a short token issued from a check that raced a
        // revoke then expires at most one short TTL after that revoke.
        Instant now = clock.instant();
        try {
            if (store.touchIfLive(claims.sessionId(), now)) {
                String fresh = issue(TokenType.ACCESS, claims.subject(), claims.sessionId(), 0,
                        now, settings.shortTtl());
                return Verdict.acceptWithNewToken(claims.subject(), claims.sessionId(), fresh);
            }
            SessionInfo session = store.findSession(claims.sessionId());
            if (session == null) {
                return Verdict.reject(Reason.UNKNOWN_SESSION, claims.subject(),
                        claims.sessionId(), "No such session.");
            }
            if (session.revoked()) {
                return Verdict.reject(Reason.REVOKED, claims.subject(), claims.sessionId(),
                        "The session was revoked at " + session.revokedAt() + ".");
            }
            return Verdict.reject(Reason.EXPIRED, claims.subject(), claims.sessionId(),
                    "The session ended at " + session.expires() + "; it is now " + now + ".");
        } catch (StoreUnavailableException e) {
            return Verdict.reject(Reason.STORE_UNAVAILABLE, claims.subject(), claims.sessionId(),
                    e.getMessage());
        }
    }

    @Override
    public boolean canRevokeSession() {
        return true;
    }
}
