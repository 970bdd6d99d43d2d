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
 * The real codec: jjwt signs and verifies; this class only fixes what jjwt leaves open. The
 * algorithm and key come from configuration, never from the token (RFC 8725 §3.1), and the
 * claims jjwt treats as optional are required here (RFC 7519 §4.1).
 */
public final class JjwtTokenCodec implements TokenCodec {

    /** The {@code iss} every token carries and every check requires (RFC 8725 §3.8). */
    public static final String ISSUER = "revlab";
    /** Tokens longer than this are refused before any decoding, to bound the work per request. */
    public static final int MAX_TOKEN_CHARS = 8 * 1024;
    /** The detail of a signed token whose payload is not a JSON claims set. */
    static final String NOT_A_CLAIMS_SET = "The token's payload is not a JSON claims set.";
    private static final String[] PART_NAMES = {"header", "payload", "signature", "extra part"};

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
        String encoding = nonCanonicalPart(token);
        if (encoding != null) {
            return TokenCheck.invalid(Reason.MALFORMED, "The token's " + encoding + " is not"
                    + " canonical Base64URL (RFC 7515 section 2, RFC 4648 section 3.5).");
        }
        try {
            // parse, not parseSignedClaims: a signed payload that is no claims set is malformed,
            // which parseSignedClaims would report as an unsupported (algorithm) error.
            Jwt<?, ?> jwt = parser.parse(token);
            if (!(jwt instanceof Jws<?> jws) || !(jws.getPayload() instanceof Claims claims)) {
                return TokenCheck.invalid(Reason.MALFORMED, NOT_A_CLAIMS_SET);
            }
            return checkClaims((JwsHeader) jws.getHeader(), claims, expected);
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

    /**
     * Which part of a compact token is not canonical Base64URL, or null. jjwt's decoder skips
     * characters outside the alphabet and ignores non-zero trailing bits, so without this one
     * signed token would have many accepted spellings (Wycheproof JWS vectors 361-375).
     */
    private static String nonCanonicalPart(String token) {
        int part = 0;
        int start = 0;
        for (int i = 0; i <= token.length(); i++) {
            char c = i < token.length() ? token.charAt(i) : '.';
            if (c == '.') {
                int length = i - start;
                int last = length == 0 ? 0 : base64UrlValue(token.charAt(i - 1));
                boolean canonical = switch (length % 4) {
                    case 1 -> false;
                    case 2 -> (last & 0x0F) == 0;
                    case 3 -> (last & 0x03) == 0;
                    default -> true;
                };
                if (!canonical) {
                    return PART_NAMES[Math.min(part, PART_NAMES.length - 1)];
                }
                part++;
                start = i + 1;
            } else if (base64UrlValue(c) < 0) {
                return PART_NAMES[Math.min(part, PART_NAMES.length - 1)];
            }
        }
        return null;
    }

    private static int base64UrlValue(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : c == '_' ? 63 : -1;
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
            // kid is not refused: it only names a key, and with one configured key it selects
            // nothing. Refusing it would turn away well-formed tokens from common issuers.
            for (String name : new String[] {"jwk", "jku", "x5u", "x5c", "zip"}) {
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
