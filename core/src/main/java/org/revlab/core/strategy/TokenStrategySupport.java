package org.revlab.core.strategy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.revlab.core.Ids;
import org.revlab.core.LabSettings;
import org.revlab.core.SessionInfo;
import org.revlab.core.SessionStrategy;
import org.revlab.core.StrategyContext;
import org.revlab.core.Verdict;
import org.revlab.core.store.SessionStore;
import org.revlab.core.token.TokenCheck;
import org.revlab.core.token.TokenClaims;
import org.revlab.core.token.TokenCodec;
import org.revlab.core.token.TokenType;

/** What the strategies share: their context, session records, token issue and listing. */
public abstract class TokenStrategySupport implements SessionStrategy {

    protected final TokenCodec codec;
    protected final SessionStore store;
    protected final Clock clock;
    protected final LabSettings settings;

    protected TokenStrategySupport(StrategyContext context) {
        this.codec = context.codec();
        this.store = context.store();
        this.clock = context.clock();
        this.settings = context.settings();
    }

    /** Records a new session, live for {@code lifetime} from {@code now}. One hit. */
    protected SessionInfo recordSession(String user, String device, Instant now,
            Duration lifetime) {
        requireName("user", user);
        requireName("device", device);
        SessionInfo session = new SessionInfo(Ids.random(), user, device, now, now,
                now.plus(lifetime), null);
        store.createSession(session);
        return session;
    }

    /**
     * Signs a token of {@code type} for the session, issued at {@code now}. Its {@code exp} is
     * whole seconds, rounded down, so a token never outlives {@code now + lifetime}.
     */
    protected String issue(TokenType type, SessionInfo session, long epoch, Instant now,
            Duration lifetime) {
        return issue(type, session.user(), session.sessionId(), epoch, now, lifetime);
    }

    protected String issue(TokenType type, String user, String sessionId, long epoch,
            Instant now, Duration lifetime) {
        Instant expires = Instant.ofEpochSecond(now.plus(lifetime).getEpochSecond());
        return codec.issue(new TokenClaims(type, user, sessionId, Ids.random(),
                Instant.ofEpochSecond(now.getEpochSecond()), expires, epoch));
    }

    protected static Verdict rejection(TokenCheck check) {
        return Verdict.reject(check.reason(), check.detail());
    }

    @Override
    public void revokeAll(String user) {
        requireName("user", user);
        store.revokeAll(user, clock.instant());
    }

    @Override
    public boolean revokeSession(String user, String sessionId) {
        requireName("user", user);
        return Ids.wellFormed(sessionId) && store.revokeSession(user, sessionId, clock.instant());
    }

    @Override
    public List<SessionInfo> sessions(String user) {
        requireName("user", user);
        return store.sessions(user);
    }

    /**
     * User and device names: 1 to 128 UTF-16 units (most characters count one, those outside
     * the Basic Multilingual Plane two), well-formed Unicode, no control characters. A lone
     * surrogate is refused because stores disagree on it: PostgreSQL and Redis would keep a
     * '?' in its place, and two different names would become one identity.
     */
    protected static void requireName(String what, String value) {
        if (value == null || value.isEmpty() || value.length() > 128) {
            throw new IllegalArgumentException("The " + what + " name must have 1 to 128"
                    + " UTF-16 units; got " + (value == null ? "none" : value.length()) + ".");
        }
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (Character.isISOControl(cp)) {
                throw new IllegalArgumentException("The " + what
                        + " name must not contain control characters.");
            }
            if (Character.getType(cp) == Character.SURROGATE) {
                throw new IllegalArgumentException("The " + what + " name is not well-formed"
                        + " Unicode: it holds a lone surrogate at index " + i + ".");
            }
            i += Character.charCount(cp);
        }
    }
}
