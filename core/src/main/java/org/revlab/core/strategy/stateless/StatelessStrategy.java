package org.revlab.core.strategy.stateless;

import java.time.Instant;
import org.revlab.core.Credentials;
import org.revlab.core.SessionInfo;
import org.revlab.core.StrategyContext;
import org.revlab.core.StrategyId;
import org.revlab.core.Verdict;
import org.revlab.core.strategy.TokenStrategySupport;
import org.revlab.core.token.TokenCheck;
import org.revlab.core.token.TokenType;

/**
 * Signature and expiry only: no store read per request, and no way to revoke. A revocation is
 * recorded, so that the session list shows it, but a stolen token keeps working until its
 * {@code exp}. That weakness is the point of comparison, and tests assert it.
 */
public final class StatelessStrategy extends TokenStrategySupport {

    public StatelessStrategy(StrategyContext context) {
        super(context);
    }

    @Override
    public StrategyId id() {
        return StrategyId.STATELESS;
    }

    @Override
    public Credentials login(String user, String device) {
        Instant now = clock.instant();
        SessionInfo session = recordSession(user, device, now, settings.accessTtl());
        return Credentials.of(issue(TokenType.ACCESS, session, 0, now, settings.accessTtl()));
    }

    @Override
    public Verdict authenticate(Credentials presented) {
        TokenCheck check = codec.check(presented == null ? null : presented.access(),
                TokenType.ACCESS);
        if (!check.valid()) {
            return rejection(check);
        }
        return Verdict.accept(check.claims().subject(), check.claims().sessionId());
    }

    @Override
    public boolean canRevokeSession() {
        return false;
    }
}
