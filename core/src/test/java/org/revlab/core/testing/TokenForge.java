package org.revlab.core.testing;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.function.Consumer;
import org.revlab.core.Ids;
import org.revlab.core.token.JjwtTokenCodec;
import org.revlab.core.token.SigningKeys;
import org.revlab.core.token.TokenType;

/**
 * Builds tokens the codec did not issue, with jjwt's own builder: well-formed claims signed
 * with a given key, to which a test applies one change (a future {@code iat}, an {@code nbf},
 * another type), plus the classic forgeries done on the compact form.
 */
public final class TokenForge {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();

    private final SigningKeys keys;
    private final Clock clock;

    public TokenForge(SigningKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * An access token for {@code alice} valid for 30 s from now (whole seconds), with
     * {@code change} applied to the builder before signing.
     */
    public String access(Consumer<JwtBuilder> change) {
        return token(TokenType.ACCESS, change);
    }

    public String token(TokenType type, Consumer<JwtBuilder> change) {
        long now = clock.instant().getEpochSecond();
        JwtBuilder builder = Jwts.builder()
                .header().type(type.typ()).and()
                .issuer(JjwtTokenCodec.ISSUER)
                .subject("alice")
                .id(Ids.random())
                .issuedAt(Date.from(Instant.ofEpochSecond(now)))
                .expiration(Date.from(Instant.ofEpochSecond(now + 30)))
                .claim("sid", Ids.random())
                .claim("rev", 0L);
        change.accept(builder);
        return builder.signWith(keys.signingKey(), algorithm(keys)).compact();
    }

    /** jjwt's algorithm object for the keys' configured algorithm. */
    @SuppressWarnings("unchecked")
    public static SecureDigestAlgorithm<Key, ?> algorithm(SigningKeys keys) {
        return (SecureDigestAlgorithm<Key, ?>) Jwts.SIG.get().forKey(keys.algorithm().jwaName());
    }

    /** The same token with {@code sub} changed to {@code mallory} and the signature kept. */
    public static String tamperSubject(String token) {
        String[] parts = token.split("\\.", -1);
        String payload = new String(B64_DECODE.decode(parts[1]), StandardCharsets.UTF_8);
        String changed = payload.replace("\"sub\":\"alice\"", "\"sub\":\"mallory\"");
        if (changed.equals(payload)) {
            throw new IllegalArgumentException("The token's payload has no sub alice: " + payload);
        }
        return parts[0] + "." + B64.encodeToString(changed.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
    }

    /** The token's claims under a header {@code {"alg":"none"}} and an empty signature. */
    public static String algNone(String token) {
        String[] parts = token.split("\\.", -1);
        String header = "{\"alg\":\"none\",\"typ\":\"at+jwt\"}";
        return B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
    }
}
