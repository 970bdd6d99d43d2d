package org.revlab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.revlab.core.MutableClock;
import org.revlab.core.Reason;
import org.revlab.core.token.JjwtTokenCodec;
import org.revlab.core.token.SigningAlgorithm;
import org.revlab.core.token.SigningKeys;
import org.revlab.core.token.TokenCheck;
import org.revlab.core.token.TokenClaims;
import org.revlab.core.token.TokenCodec;
import org.revlab.core.token.TokenType;

/** The stand-in codec must judge every token as the real one does, or the simulator lies. */
class SimTokenCodecTest {

    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    private final MutableClock clock = new MutableClock(t0);
    private final Duration skew = Duration.ofSeconds(5);
    private final TokenCodec real = new JjwtTokenCodec(SigningKeys.generate(SigningAlgorithm.HS256),
            clock, skew);
    private final TokenCodec sim = new SimTokenCodec(clock, skew);

    private TokenClaims claims(TokenType type, long iatOffset, long expOffset) {
        return new TokenClaims(type, "alice", "sid-1", "jti-1", t0.plusSeconds(iatOffset),
                t0.plusSeconds(expOffset), 3);
    }

    @Test
    void bothCodecsGiveTheSameReasonAtEveryMoment() {
        List<TokenClaims> cases = List.of(claims(TokenType.ACCESS, 0, 60),
                claims(TokenType.LONG_LIVED, 0, 60), claims(TokenType.ACCESS, 30, 90),
                claims(TokenType.ACCESS, 3, 10));
        long[] moments = {0, 1, 9, 10, 12, 15, 16, 59, 60, 63, 65, 66, 100};
        for (TokenClaims c : cases) {
            clock.set(t0);
            String realToken = real.issue(c);
            String simToken = sim.issue(c);
            for (long m : moments) {
                clock.set(t0.plusSeconds(m).plusMillis(m % 2 == 0 ? 0 : 400));
                for (TokenType expected : TokenType.values()) {
                    TokenCheck a = real.check(realToken, expected);
                    TokenCheck b = sim.check(simToken, expected);
                    assertThat(b.reason()).as("%s at +%d s as %s", c, m, expected)
                            .isEqualTo(a.reason());
                    if (a.valid()) {
                        assertThat(b.claims()).isEqualTo(a.claims());
                    }
                }
            }
        }
    }

    @Test
    void missingAndGarbageAreVerdictsNotExceptions() {
        assertThat(sim.check(null, TokenType.ACCESS).reason()).isEqualTo(Reason.MISSING);
        assertThat(sim.check("", TokenType.ACCESS).reason()).isEqualTo(Reason.MISSING);
        assertThat(sim.check("sim.at+jwt.a.b", TokenType.ACCESS).reason())
                .isEqualTo(Reason.MALFORMED);
        assertThat(sim.check("sim.at+jwt.a.b.c.x.1.0", TokenType.ACCESS).reason())
                .isEqualTo(Reason.MALFORMED);
        assertThat(sim.check("eyJhbGciOi", TokenType.ACCESS).reason())
                .isEqualTo(Reason.MALFORMED);
    }
}
