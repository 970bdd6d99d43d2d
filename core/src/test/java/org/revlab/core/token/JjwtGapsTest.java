package org.revlab.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.revlab.core.token.RawTokenForge.header;
import static org.revlab.core.token.RawTokenForge.hs256;
import static org.revlab.core.token.RawTokenForge.payload;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.revlab.core.MutableClock;
import org.revlab.core.Reason;

/**
 * What jjwt 0.13 does on its defaults with input it should refuse: the gaps the codec closes.
 * If a jjwt upgrade closes one, its test here fails, and the matching rule can be reviewed.
 */
class JjwtGapsTest {

    static final long NOW = TokenRulesTest.NOW;

    static Claims bareJjwt(String token) {
        return Jwts.parser().verifyWith(Keys.hmacShaKeyFor(RawTokenForge.SECRET))
                .clock(() -> new Date(NOW * 1000)).build()
                .parseSignedClaims(token).getPayload();
    }

    static boolean bareJjwtAccepts(String token) {
        try {
            bareJjwt(token);
            return true;
        } catch (JwtException | IllegalArgumentException e) {
            return false;
        }
    }

    final JjwtTokenCodec codec = new JjwtTokenCodec(SigningKeys.hmac(RawTokenForge.SECRET),
            new MutableClock(Instant.ofEpochSecond(NOW)), Duration.ofSeconds(5));

    @Test
    void jjwtReadsAStringExpAsADateAndTheCodecDoesNot() {
        String token = hs256(header("at+jwt"), payload(Long.toString(NOW), "\"9999999999\""));
        assertThat(bareJjwt(token).getExpiration()).isEqualTo(new Date(9_999_999_999_000L));
        assertThat(codec.check(token, TokenType.ACCESS).reason()).isEqualTo(Reason.MALFORMED);

        String iso = hs256(header("at+jwt"), payload(Long.toString(NOW),
                "\"2999-01-01T00:00:00Z\""));
        assertThat(bareJjwtAccepts(iso)).isTrue();
        assertThat(codec.check(iso, TokenType.ACCESS).reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void jjwtTakesNullOrEmptyExpAsNoExpiryAndTheCodecDoesNot() {
        for (String exp : new String[] {"null", "\"\""}) {
            String token = hs256(header("at+jwt"), payload(Long.toString(NOW), exp));
            assertThat(bareJjwt(token).getExpiration()).isNull();
            assertThat(codec.check(token, TokenType.ACCESS).reason())
                    .isEqualTo(Reason.MALFORMED);
        }
    }

    @Test
    void jjwtTruncatesAFractionalExp() {
        String token = hs256(header("at+jwt"), payload(Long.toString(NOW), (NOW + 10) + ".9"));
        assertThat(bareJjwt(token).getExpiration()).isEqualTo(new Date((NOW + 10) * 1000));
        assertThat(codec.check(token, TokenType.ACCESS).claims().expiresAt())
                .isEqualTo(Instant.ofEpochSecond(NOW + 10, 900_000_000));
    }

    @Test
    void jjwtAcceptsPaddingAndNonCanonicalTrailingBits() {
        String token = hs256(header("at+jwt"), payload(NOW, NOW + 60));
        assertThat(bareJjwtAccepts(token + "=")).isTrue();
        char last = token.charAt(token.length() - 1);
        assertThat(bareJjwtAccepts(token.substring(0, token.length() - 1) + (char) (last + 1)))
                .isTrue();
    }

    @Test
    void jjwtAcceptsExpEqualToNow() {
        String token = hs256(header("at+jwt"), payload(NOW - 5, NOW));
        assertThat(bareJjwtAccepts(token)).isTrue();
        assertThat(codec.check(token, TokenType.ACCESS).reason()).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void jjwtIgnoresTypAndAudienceByDefault() {
        String lt = hs256(header("lt+jwt"), payload(NOW, NOW + 60).replace("}",
                ",\"aud\":\"elsewhere\"}"));
        assertThat(bareJjwtAccepts(lt)).isTrue();
        assertThat(codec.check(lt, TokenType.ACCESS).valid()).isFalse();
    }
}
