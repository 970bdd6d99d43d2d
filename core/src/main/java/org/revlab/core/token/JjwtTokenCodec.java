package org.revlab.core.token;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Header;
import io.jsonwebtoken.JwsHeader;
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
 * The real codec: jjwt signs and verifies; this class only fixes what jjwt leaves open. The
 * algorithm and key come from configuration, never from the token (RFC 8725 §3.1), and the
 * claims jjwt treats as optional are required here (RFC 7519 §4.1).
 */
public final class JjwtTokenCodec implements TokenCodec {

    /** The {@code iss} every token carries and every check requires (RFC 8725 §3.8). */
    public static final String ISSUER = "revlab";
    /** Tokens longer than this are refused before any decoding, to bound the work per request. */
    public static final int MAX_TOKEN_CHARS = 8 * 1024;

    private final SigningKeys keys;
    private final Clock clock;
    private final Duration skew;
    private final JwtParser parser;

    public JjwtTokenCodec(SigningKeys keys, Clock clock, Duration skew) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.skew = Objects.requireNonNull(skew, "skew");
        this.parser = Jwts.parser()
                .keyLocator(new ConfiguredKeyLocator(keys))
                .clock(() -> Date.from(clock.instant()))
                .clockSkewSeconds(skew.toSeconds())
                .requireIssuer(ISSUER)
                .build();
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
        if (token.length() > MAX_TOKEN_CHARS) {
            return TokenCheck.invalid(Reason.MALFORMED, "The token has " + token.length()
                    + " characters; at most " + MAX_TOKEN_CHARS + " are accepted.");
        }
        try {
            var jws = parser.parseSignedClaims(token);
            return checkClaims(jws.getHeader(), jws.getPayload(), expected);
        } catch (ExpiredJwtException e) {
            return TokenCheck.invalid(Reason.EXPIRED, e.getMessage());
        } catch (PrematureJwtException e) {
            return TokenCheck.invalid(Reason.NOT_YET_VALID, e.getMessage());
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
        }
    }

    private TokenCheck checkClaims(JwsHeader header, Claims claims, TokenType expected) {
        // RFC 8725 §3.11: explicit typing, so that one kind of token cannot stand in for another.
        if (!expected.typ().equals(header.getType())) {
            return TokenCheck.invalid(Reason.WRONG_TYPE, "Expected a token of type '"
                    + expected.typ() + "' but got '" + header.getType() + "'.");
        }
        Date exp = claims.getExpiration();
        Date iat = claims.getIssuedAt();
        String subject = claims.getSubject();
        String sessionId = claims.get("sid", String.class);
        Number epoch = claims.get("rev", Number.class);
        if (exp == null || iat == null || subject == null || sessionId == null || epoch == null
                || claims.getId() == null) {
            return TokenCheck.invalid(Reason.MALFORMED, "The token lacks a required claim:"
                    + " exp, iat, sub, sid, jti and rev must all be present.");
        }
        Instant now = clock.instant();
        // RFC 7519 §4.1.4: the current time must be before exp, so exp == now is expired; jjwt
        // only rejects now > exp.
        if (!now.isBefore(exp.toInstant())) {
            return TokenCheck.invalid(Reason.EXPIRED, "The token expired at " + exp.toInstant()
                    + "; it is now " + now + ".");
        }
        if (iat.toInstant().isAfter(now.plus(skew))) {
            return TokenCheck.invalid(Reason.NOT_YET_VALID, "The token was issued at "
                    + iat.toInstant() + ", in the future; it is now " + now + " (allowed skew "
                    + skew.toSeconds() + " s).");
        }
        return TokenCheck.valid(new TokenClaims(expected, subject, sessionId, claims.getId(),
                iat.toInstant(), exp.toInstant(), epoch.longValue()));
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
            for (String name : new String[] {"jwk", "jku", "x5u", "x5c", "kid", "zip"}) {
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
