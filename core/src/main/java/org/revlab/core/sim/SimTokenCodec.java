package org.revlab.core.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.revlab.core.Reason;
import org.revlab.core.token.JjwtTokenCodec;
import org.revlab.core.token.TokenCheck;
import org.revlab.core.token.TokenClaims;
import org.revlab.core.token.TokenCodec;
import org.revlab.core.token.TokenType;

/**
 * The simulator's stand-in for {@link JjwtTokenCodec}: an UNSIGNED, dot-separated encoding of
 * the same claims, checked with the same rules and in the same order (type, required claims,
 * {@code exp}, {@code iat} skew). The simulator studies strategy logic and time, not signature
 * cost, so it skips the 15 µs of jjwt per token; never use this codec where a token could be
 * forged.
 */
public final class SimTokenCodec implements TokenCodec {

    private static final String PREFIX = "sim.";
    private static final char SEP = '.';
    private static final int FIELDS = 7;

    private final Clock clock;
    private final Duration skew;

    public SimTokenCodec(Clock clock, Duration skew) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.skew = Objects.requireNonNull(skew, "skew");
    }

    @Override
    public String issue(TokenClaims c) {
        StringBuilder sb = new StringBuilder(96).append(PREFIX).append(c.type().typ());
        for (String text : new String[] {c.subject(), c.sessionId(), c.tokenId()}) {
            if (text == null || text.isEmpty() || text.indexOf(SEP) >= 0) {
                throw new IllegalArgumentException("The simulator's token codec cannot encode '"
                        + text + "': subject, session id and token id must be non-empty and"
                        + " free of '" + SEP + "'.");
            }
            sb.append(SEP).append(text);
        }
        return sb.append(SEP).append(c.issuedAt().getEpochSecond())
                .append(SEP).append(c.expiresAt().getEpochSecond())
                .append(SEP).append(c.epoch()).toString();
    }

    /**
     * Every refresh passes through here, so the times are epoch numbers: formatting two
     * {@code Instant}s per refresh cost more than the refresh's store round trip.
     */
    private static TokenCheck expired(long expSec, Instant now) {
        return TokenCheck.invalid(Reason.EXPIRED, "The token expired at epoch second " + expSec
                + "; it is now epoch millisecond " + now.toEpochMilli() + ".");
    }

    @Override
    public TokenCheck check(String token, TokenType expected) {
        if (token == null || token.isEmpty()) {
            return TokenCheck.invalid(Reason.MISSING, "No token was presented.");
        }
        if (token.length() > JjwtTokenCodec.MAX_TOKEN_CHARS) {
            return TokenCheck.invalid(Reason.MALFORMED, "The token has " + token.length()
                    + " characters; at most " + JjwtTokenCodec.MAX_TOKEN_CHARS + " are accepted.");
        }
        if (!token.startsWith(PREFIX)) {
            return TokenCheck.invalid(Reason.MALFORMED, "Not a simulator token.");
        }
        // Field boundaries first; the numbers are then read in place, without substrings.
        int[] start = new int[FIELDS];
        int[] end = new int[FIELDS];
        int from = PREFIX.length();
        for (int i = 0; i < FIELDS; i++) {
            int to = i == FIELDS - 1 ? token.length() : token.indexOf(SEP, from);
            if (to < 0) {
                return TokenCheck.invalid(Reason.MALFORMED, "The token has too few fields.");
            }
            start[i] = from;
            end[i] = to;
            from = to + 1;
        }
        if (token.indexOf(SEP, start[FIELDS - 1]) >= 0) {
            return TokenCheck.invalid(Reason.MALFORMED, "The token has too many fields.");
        }
        long iatSec;
        long expSec;
        long epoch;
        try {
            iatSec = Long.parseLong(token, start[4], end[4], 10);
            expSec = Long.parseLong(token, start[5], end[5], 10);
            epoch = Long.parseLong(token, start[6], end[6], 10);
        } catch (NumberFormatException e) {
            return TokenCheck.invalid(Reason.MALFORMED, "A numeric claim is not a number.");
        }
        // The same order as JjwtTokenCodec's claim rules: type, required claims, exp, iat.
        String typ = expected.typ();
        if (end[0] - start[0] != typ.length() || !token.startsWith(typ, start[0])) {
            return TokenCheck.invalid(Reason.WRONG_TYPE, "Expected a token of type '" + typ
                    + "' but got '" + token.substring(start[0], end[0]) + "'.");
        }
        for (int i = 1; i <= 3; i++) {
            if (end[i] == start[i]) {
                return TokenCheck.invalid(Reason.MALFORMED, "The token lacks a required claim:"
                        + " sub, sid and jti must all be present.");
            }
        }
        Instant now = clock.instant();
        Instant exp = Instant.ofEpochSecond(expSec);
        if (!now.isBefore(exp)) {
            return expired(expSec, now);
        }
        Instant iat = Instant.ofEpochSecond(iatSec);
        if (iat.isAfter(now.plus(skew))) {
            return TokenCheck.invalid(Reason.NOT_YET_VALID, "The token was issued at " + iat
                    + ", in the future; it is now " + now + " (allowed skew "
                    + skew.toSeconds() + " s).");
        }
        return TokenCheck.valid(new TokenClaims(expected, token.substring(start[1], end[1]),
                token.substring(start[2], end[2]), token.substring(start[3], end[3]), iat, exp,
                epoch));
    }
}
