package org.revlab.core.strategy.stateful;

import java.time.Instant;
import org.revlab.core.Credentials;
import org.revlab.core.Ids;
import org.revlab.core.Reason;
import org.revlab.core.SessionInfo;
import org.revlab.core.StrategyContext;
import org.revlab.core.StrategyId;
import org.revlab.core.Verdict;
import org.revlab.core.store.StoreUnavailableException;
import org.revlab.core.strategy.TokenStrategySupport;

/**
 * The classic server session: the credential is an opaque, unguessable id, looked up in the
 * store on every request. One hit per request, and a revocation takes effect at once.
 */
public final class StatefulStrategy extends TokenStrategySupport {

    public StatefulStrategy(StrategyContext context) {
        super(context);
    }

    @Override
    public StrategyId id() {
        return StrategyId.STATEFUL;
    }

    @Override
    public Credentials login(String user, String device) {
        SessionInfo session = recordSession(user, device, clock.instant(), settings.longTtl());
        return Credentials.of(session.sessionId());
    }

    @Override
    public Verdict authenticate(Credentials presented) {
        String sid = presented == null ? null : presented.access();
        if (sid == null || sid.isEmpty()) {
            return Verdict.reject(Reason.MISSING, "No session id was presented.");
        }
        if (!Ids.wellFormed(sid)) {
            // Shape first: garbage never costs a store round trip.
            return Verdict.reject(Reason.MALFORMED, "A session id has " + Ids.LENGTH
                    + " Base64URL characters; this one does not.");
        }
        Instant now = clock.instant();
        SessionInfo session;
        try {
            session = store.findSession(sid);
            if (session == null) {
                return Verdict.reject(Reason.UNKNOWN_SESSION, "No such session.");
            }
            if (session.revoked()) {
                return Verdict.reject(Reason.REVOKED, session.user(), sid,
                        "The session was revoked at " + session.revokedAt() + ".");
            }
            if (!now.isBefore(session.expires())) {
                return Verdict.reject(Reason.EXPIRED, session.user(), sid,
                        "The session ended at " + session.expires() + "; it is now " + now + ".");
            }
            if (!now.isBefore(session.lastSeen().plus(settings.lastSeenResolution()))) {
                // Throttled: at most one write per session per resolution period.
                store.touchIfLive(sid, now);
            }
        } catch (StoreUnavailableException e) {
            return Verdict.reject(Reason.STORE_UNAVAILABLE, e.getMessage());
        }
        return Verdict.accept(session.user(), sid);
    }

    @Override
    public boolean canRevokeSession() {
        return true;
    }
}
