package org.revlab.core.token;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Header;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.Jwt;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.MalformedJwtException;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.UnsupportedJwtException;
import io.jsonwebtoken.io.DecodingException;
import io.jsonwebtoken.security.InvalidKeyException;
import io.jsonwebtoken.security.SignatureException;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.revlab.core.Reason;

/**
 * The real codec: jjwt signs and verifies; this class only fixes what jjwt leaves open. A
 * {@link CompactTokenGate} refuses bad shapes, encodings, JSON and headers first; the algorithm
 * and key come from configuration, never from the token (RFC 8725 §3.1); and the claims jjwt
 * treats as optional or reads leniently are required and exact here (RFC 7519 §4.1).
 */
public final class JjwtTokenCodec implements TokenCodec {

    /** The {@code iss} every token carries and every check requires (RFC 8725 §3.8). */
    public static final String ISSUER = "revlab";
    /** Tokens longer than this are refused before any decoding, to bound the work per request. */
    public static final int MAX_TOKEN_CHARS = 8 * 1024;
    /** The detail of a signed token whose payload is not a JSON claims set. */
    static final String NOT_A_CLAIMS_SET = CompactTokenGate.NOT_A_CLAIMS_SET;

    private final SigningKeys keys;
    private final Clock clock;
    private final Duration skew;
    private final JwtParser parser;
    private final CompactTokenGate gate;

    public JjwtTokenCodec(SigningKeys keys, Clock clock, Duration skew) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.skew = Objects.requireNonNull(skew, "skew");
        this.parser = Jwts.parser()
                .keyLocator(new ConfiguredKeyLocator(keys))
                .clock(() -> Date.from(clock.instant()))
                // jjwt's own exp and nbf checks stay as a backstop; they truncate fractional
                // dates, so they get at least a second of slack and the exact checks are ours.
                .clockSkewSeconds(Math.max(1, skew.toSeconds()))
                .requireIssuer(ISSUER)
                .build();
        this.gate = new CompactTokenGate(keys);
    }

    public SigningKeys keys() {
        return keys;
    }

    @Override
    public String issue(TokenClaims claims) {
        return Jwts.builder()
                .header().type(claims.type().typ()).and()
                .issuer(ISSUER)
                .subject(claims.subject())
                .id(claims.tokenId())
                .issuedAt(Date.from(claims.issuedAt()))
                .expiration(Date.from(claims.expiresAt()))
                .claim("sid", claims.sessionId())
                .claim("rev", claims.epoch())
                .signWith(keys.signingKey(), keys.algorithm().jjwt())
                .compact();
    }

    @Override
    public TokenCheck check(String token, TokenType expected) {
        if (token == null || token.isEmpty()) {
            return TokenCheck.invalid(Reason.MISSING, "No token was presented.");
        }
        // No RFC sets a size; an anonymous caller must not choose how much work is done, so the
        // length is bounded before anything is decoded.
        if (token.length() > MAX_TOKEN_CHARS) {
            return TokenCheck.invalid(Reason.MALFORMED, "The token has " + token.length()
                    + " characters; at most " + MAX_TOKEN_CHARS + " are accepted.");
        }
        CompactTokenGate.Header header;
        try {
            header = gate.screenHeader(token);
        } catch (CompactTokenGate.Rejection r) {
            return TokenCheck.invalid(r.reason, r.getMessage());
        } catch (RuntimeException e) {
            // The gate is written not to throw; should it, the token is still only refused.
            return TokenCheck.invalid(Reason.MALFORMED, "The token could not be read: " + e);
        }
        try {
            // parse, not parseSignedClaims: a signed payload that is no claims set is malformed,
            // which parseSignedClaims would report as an unsupported (algorithm) error.
            Jwt<?, ?> jwt = parser.parse(token);
            if (!(jwt instanceof Jws<?> jws) || !(jws.getPayload() instanceof Claims claims)) {
                return TokenCheck.invalid(Reason.MALFORMED, NOT_A_CLAIMS_SET);
            }
            return checkClaims(token, header, claims, expected, null);
        } catch (ExpiredJwtException e) {
            // jjwt checks dates only after the signature verified; the exact rules below still
            // decide, so that a string or out-of-range date is malformed, not merely expired.
            return checkClaims(token, header, e.getClaims(), expected,
                    TokenCheck.invalid(Reason.EXPIRED, e.getMessage()));
        } catch (PrematureJwtException e) {
            return checkClaims(token, header, e.getClaims(), expected,
                    TokenCheck.invalid(Reason.NOT_YET_VALID, e.getMessage()));
        } catch (RejectedHeaderException e) {
            return TokenCheck.invalid(Reason.BAD_ALGORITHM, e.getMessage());
        } catch (SignatureException e) {
            return TokenCheck.invalid(Reason.BAD_SIGNATURE, e.getMessage());
        } catch (InvalidKeyException | UnsupportedJwtException e) {
            return TokenCheck.invalid(Reason.BAD_ALGORITHM, e.getMessage());
        } catch (MalformedJwtException | DecodingException e) {
            return TokenCheck.invalid(Reason.MALFORMED, e.getMessage());
        } catch (JwtException | IllegalArgumentException | ClassCastException e) {
            return TokenCheck.invalid(Reason.MALFORMED, String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            // TokenCodec promises never to throw; whatever jjwt does, the answer is a refusal.
            return TokenCheck.invalid(Reason.MALFORMED, "The token could not be read: " + e);
        }
    }

    /**
     * The rules that run once jjwt verified the signature, so that a forged token is refused
     * for its signature and only the issuer's own mistakes reach here.
     *
     * @param jjwtVerdict jjwt's own date refusal, if it made one; the exact rules decide first
     */
    private TokenCheck checkClaims(String token, CompactTokenGate.Header header, Claims claims,
            TokenType expected, TokenCheck jjwtVerdict) {
        CompactTokenGate.Screened screened;
        try {
            screened = gate.screenClaims(token, header);
        } catch (CompactTokenGate.Rejection r) {
            return TokenCheck.invalid(r.reason, r.getMessage());
        }
        // RFC 8725 §3.10, RFC 7515 §4.1.4: a key id would let the token choose among keys; with
        // one configured key it chooses nothing, but a token carrying one was not made here.
        if (header.hasKeyId()) {
            return TokenCheck.invalid(Reason.BAD_ALGORITHM, "The header carries 'kid'; keys come"
                    + " from configuration only, and tokens here never name one (RFC 8725"
                    + " section 3.10).");
        }
        // RFC 8725 §3.11, RFC 9068 §2.1: explicit typing, so that one kind of token cannot stand
        // in for another. RFC 7515 §4.1.9: media types compare case-insensitively, and the
        // "application/" prefix may be left out.
        if (!typeMatches(header.typ(), expected)) {
            return TokenCheck.invalid(Reason.WRONG_TYPE, "Expected a token of type '"
                    + expected.typ() + "' but got " + (header.typ() == null ? "none"
                    : "'" + CompactTokenGate.printable(header.typ()) + "'") + ".");
        }
        // RFC 7519 §4.1.3, RFC 8725 §3.9: a token meant for a named audience must be refused by
        // anyone not named, and this verifier has no audience name.
        if (screened.hasAudience()) {
            return TokenCheck.invalid(Reason.MALFORMED, "The token names an audience ('aud');"
                    + " tokens here carry none, so it was meant for another service.");
        }
        String subject;
        String sessionId;
        Number epoch;
        try {
            subject = claims.getSubject();
            sessionId = claims.get("sid", String.class);
            epoch = claims.get("rev", Number.class);
        } catch (RuntimeException e) {
            return TokenCheck.invalid(Reason.MALFORMED, "A claim has the wrong type: "
                    + CompactTokenGate.printable(String.valueOf(e.getMessage()), 160));
        }
        if (subject == null || sessionId == null || epoch == null || claims.getId() == null) {
            return TokenCheck.invalid(Reason.MALFORMED, "The token lacks a required claim:"
                    + " exp, iat, sub, sid, jti and rev must all be present.");
        }
        Instant now = clock.instant();
        Instant exp = screened.exp();
        // RFC 7519 §4.1.4: the current time must be before exp, so exp == now is expired; jjwt
        // only rejects now > exp, and reads a fractional exp truncated to whole seconds.
        if (!now.isBefore(exp)) {
            return TokenCheck.invalid(Reason.EXPIRED, "The token expired at " + exp
                    + "; it is now " + now + ".");
        }
        // RFC 7519 §4.1.5: not before nbf, with the configured skew.
        Instant latest = now.plus(skew);
        if (screened.nbf() != null && screened.nbf().isAfter(latest)) {
            return TokenCheck.invalid(Reason.NOT_YET_VALID, "The token is not valid before "
                    + screened.nbf() + "; it is now " + now + " (allowed skew "
                    + skew.toSeconds() + " s).");
        }
        // RFC 7519 §4.1.6: an iat in the future is a forged or mis-clocked token, and would make
        // a revoke-by-time cut-off miss it.
        if (screened.iat().isAfter(latest)) {
            return TokenCheck.invalid(Reason.NOT_YET_VALID, "The token was issued at "
                    + screened.iat() + ", in the future; it is now " + now + " (allowed skew "
                    + skew.toSeconds() + " s).");
        }
        if (jjwtVerdict != null) {
            return jjwtVerdict; // jjwt's backstop refused what the exact rules let pass
        }
        return TokenCheck.valid(new TokenClaims(expected, subject, sessionId, claims.getId(),
                screened.iat(), exp, epoch.longValue()));
    }

    private static boolean typeMatches(String typ, TokenType expected) {
        if (typ == null) {
            return false;
        }
        String t = typ.regionMatches(true, 0, "application/", 0, 12) ? typ.substring(12) : typ;
        return t.equalsIgnoreCase(expected.typ());
    }

    /**
     * Hands jjwt the configured key, after refusing any header that names another algorithm or
     * tries to supply or point at a key of its own (RFC 8725 §3.1, RFC 7515 §4.1.2–4.1.6).
     */
    private static final class ConfiguredKeyLocator extends LocatorAdapter<Key> {
        private final SigningKeys keys;

        ConfiguredKeyLocator(SigningKeys keys) {
            this.keys = keys;
        }

        @Override
        protected Key locate(JwsHeader header) {
            String alg = header.getAlgorithm();
            if (!keys.algorithm().jwaName().equals(alg)) {
                throw new RejectedHeaderException("The token's algorithm '" + alg
                        + "' is not the configured '" + keys.algorithm().jwaName() + "'.");
            }
            // A backstop: CompactTokenGate has already refused these, with the RFC for each.
            // kid is refused after the signature check instead (see checkClaims).
            for (String name : new String[] {"jwk", "jku", "x5u", "x5c", "x5t", "x5t#S256",
                "zip", "crit", "b64", "cty", "enc"}) {
                if (header.containsKey(name)) {
                    throw new RejectedHeaderException("The token's header carries '" + name
                            + "', which this verifier never honours; keys come from"
                            + " configuration only.");
                }
            }
            return keys.verificationKey();
        }

        @Override
        protected Key doLocate(Header header) {
            throw new RejectedHeaderException("Only signed tokens (JWS) are accepted.");
        }
    }

    /** A header refused before any signature work. */
    static final class RejectedHeaderException extends JwtException {
        RejectedHeaderException(String message) {
            super(message);
        }
    }
}
