package org.revlab.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.revlab.core.MutableClock;
import org.revlab.core.Reason;
import org.revlab.core.testing.TestLab;
import org.revlab.core.testing.TokenForge;

/**
 * The codec on its own: every configured algorithm signs and verifies, the key and algorithm
 * come from configuration only, and a token has exactly one accepted spelling.
 */
class JjwtTokenCodecTest {

    private final MutableClock clock = new MutableClock(TestLab.START);

    private JjwtTokenCodec codec(SigningKeys keys) {
        return new JjwtTokenCodec(keys, clock, Duration.ofSeconds(5));
    }

    private String issue(JjwtTokenCodec codec) {
        Instant now = clock.instant();
        return codec.issue(new TokenClaims(TokenType.ACCESS, "alice", "sid-1", "jti-1",
                Instant.ofEpochSecond(now.getEpochSecond()),
                Instant.ofEpochSecond(now.getEpochSecond() + 30), 3));
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void eachAlgorithmVerifiesItsOwnTokensAndRefusesAnotherKeys(SigningAlgorithm algorithm) {
        JjwtTokenCodec codec = codec(SigningKeys.generate(algorithm));
        JjwtTokenCodec stranger = codec(SigningKeys.generate(algorithm));

        TokenCheck own = codec.check(issue(codec), TokenType.ACCESS);

        assertThat(own.reason()).isEqualTo(Reason.ACCEPTED);
        assertThat(own.claims().subject()).isEqualTo("alice");
        assertThat(own.claims().epoch()).isEqualTo(3);
        assertThat(codec.check(issue(stranger), TokenType.ACCESS).reason())
                .isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void aTokenSignedWithAnotherAlgorithmThanTheConfiguredOneIsRefused() {
        JjwtTokenCodec es256 = codec(SigningKeys.generate(SigningAlgorithm.ES256));
        JjwtTokenCodec hs256 = codec(SigningKeys.generate(SigningAlgorithm.HS256));

        assertThat(es256.check(issue(hs256), TokenType.ACCESS).reason())
                .isEqualTo(Reason.BAD_ALGORITHM);
    }

    @Test
    void aTokenIsExpiredAtItsExpNotAfter() {
        JjwtTokenCodec codec = codec(SigningKeys.generate(SigningAlgorithm.HS256));
        String token = issue(codec);

        clock.set(Instant.parse("2026-01-01T00:00:29.999Z"));
        assertThat(codec.check(token, TokenType.ACCESS).reason()).isEqualTo(Reason.ACCEPTED);
        clock.set(Instant.parse("2026-01-01T00:00:30Z"));
        assertThat(codec.check(token, TokenType.ACCESS).reason()).isEqualTo(Reason.EXPIRED);
    }

    /** Regression from Wycheproof JWS case 361: jjwt alone skips the '?'. */
    @Test
    void aCharacterOutsideBase64UrlMakesATokenMalformedNotASecondSpelling() {
        JjwtTokenCodec codec = codec(SigningKeys.generate(SigningAlgorithm.HS256));
        String token = issue(codec);
        int lastDot = token.lastIndexOf('.');

        String withQuestionMark = token.substring(0, lastDot + 1) + "?"
                + token.substring(lastDot + 1);

        assertThat(codec.check(withQuestionMark, TokenType.ACCESS).reason())
                .isEqualTo(Reason.MALFORMED);
    }

    /** Regression from Wycheproof JWS case 375: jjwt alone ignores non-zero trailing bits. */
    @Test
    void nonZeroTrailingBitsInTheSignatureMakeATokenMalformed() {
        JjwtTokenCodec codec = codec(SigningKeys.generate(SigningAlgorithm.HS256));
        String token = issue(codec);
        // An HS256 signature is 32 bytes: 43 characters, the last of which carries 2 unused
        // bits. Setting one of them spells the same bytes differently.
        char last = token.charAt(token.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char respelt = alphabet.charAt(alphabet.indexOf(last) | 1);
        String twin = token.substring(0, token.length() - 1) + respelt;

        assertThat(twin).isNotEqualTo(token);
        assertThat(codec.check(twin, TokenType.ACCESS).reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void aSignedPayloadThatIsNoClaimsSetIsMalformed() {
        SigningKeys keys = SigningKeys.generate(SigningAlgorithm.HS256);
        String content = io.jsonwebtoken.Jwts.builder().content("hello")
                .signWith(keys.signingKey(), TokenForge.algorithm(keys)).compact();

        TokenCheck check = codec(keys).check(content, TokenType.ACCESS);

        assertThat(check.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(check.detail()).isEqualTo(JjwtTokenCodec.NOT_A_CLAIMS_SET);
    }
}
