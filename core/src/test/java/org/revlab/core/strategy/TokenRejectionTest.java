package org.revlab.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.revlab.core.StrategyId.REVOKE_ALL;
import static org.revlab.core.StrategyId.STATEFUL;
import static org.revlab.core.StrategyId.STATELESS;
import static org.revlab.core.StrategyId.TWO_TOKEN;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.revlab.core.Credentials;
import org.revlab.core.Ids;
import org.revlab.core.Reason;
import org.revlab.core.StrategyId;
import org.revlab.core.testing.StoreBackend;
import org.revlab.core.testing.StrategyMatrix;
import org.revlab.core.testing.TestLab;
import org.revlab.core.testing.TokenForge;
import org.revlab.core.token.SigningAlgorithm;
import org.revlab.core.token.SigningKeys;
import org.revlab.core.token.TokenType;

/**
 * Every forged, confused or out-of-time token is refused by each token strategy, each with its
 * own reason. Future tokens are crafted with jjwt's builder and signed with the right key, so
 * that only the claim under test is wrong. The allowed skew is 5 s and now is 00:00:00.400.
 */
class TokenRejectionTest {

    static Stream<Arguments> tokenStrategies() {
        return StrategyMatrix.of(STATELESS, REVOKE_ALL, TWO_TOKEN);
    }

    static Stream<Arguments> singleToken() {
        return StrategyMatrix.of(STATELESS, REVOKE_ALL);
    }

    static Stream<Arguments> twoToken() {
        return StrategyMatrix.of(TWO_TOKEN);
    }

    static Stream<Arguments> stateful() {
        return StrategyMatrix.of(STATEFUL);
    }

    private static Reason judge(TestLab lab, String accessToken) {
        return lab.strategy().authenticate(Credentials.of(accessToken)).reason();
    }

    private static Date inSeconds(TestLab lab, long seconds) {
        return Date.from(Instant.ofEpochSecond(lab.clock().instant().getEpochSecond() + seconds));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("singleToken")
    void aLongLivedTokenInTheAccessSlotIsTheWrongType(StrategyId id, StoreBackend backend) {
        try (TestLab lab = TestLab.open(id, backend)) {
            String longLived = lab.forge().token(TokenType.LONG_LIVED, b -> { });

            assertThat(judge(lab, longLived)).isEqualTo(Reason.WRONG_TYPE);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("twoToken")
    void twoTokenRefusesEachTokenInTheOtherOnesSlot(StrategyId id, StoreBackend backend) {
        try (TestLab lab = TestLab.open(id, backend)) {
            Credentials c = lab.strategy().login("alice", "laptop");

            Credentials longAsShort = new Credentials(c.longLived(), null);
            Credentials shortAsLong = new Credentials(null, c.access());

            assertThat(lab.strategy().authenticate(longAsShort).reason())
                    .isEqualTo(Reason.WRONG_TYPE);
            assertThat(lab.strategy().authenticate(shortAsLong).reason())
                    .isEqualTo(Reason.WRONG_TYPE);
            // A thief with only a short token, once it expired, cannot pass it off as long-lived.
            lab.at(Duration.ofSeconds(10));
            assertThat(lab.strategy().authenticate(new Credentials(c.access(), c.access()))
                    .reason()).isEqualTo(Reason.WRONG_TYPE);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("tokenStrategies")
    void aTamperedPayloadFailsTheSignature(StrategyId id, StoreBackend backend) {
        try (TestLab lab = TestLab.open(id, backend)) {
            String genuine = lab.forge().access(b -> { });
            assertThat(judge(lab, genuine)).isEqualTo(Reason.ACCEPTED);

            assertThat(judge(lab, TokenForge.tamperSubject(genuine)))
                    .isEqualTo(Reason.BAD_SIGNATURE);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("tokenStrategies")
    void aTokenSignedWithAnotherKeyFailsTheSignature(StrategyId id, StoreBackend backend) {
        try (TestLab lab = TestLab.open(id, backend)) {
            TokenForge stranger = new TokenForge(SigningKeys.generate(SigningAlgorithm.HS256),
                    lab.clock());

            assertThat(judge(lab, stranger.access(b -> { }))).isEqualTo(Reason.BAD_SIGNATURE);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("tokenStrategies")
    void algNoneIsRefused(StrategyId id, StoreBackend backend) {
        try (TestLab lab = TestLab.open(id, backend)) {
            String unsigned = TokenForge.algNone(lab.forge().access(b -> { }));

            assertThat(judge(lab, unsigned)).isEqualTo(Reason.BAD_ALGORITHM);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("tokenStrategies")
    void anExpiredTokenIsRefusedAsExpired(StrategyId id, StoreBackend backend) {
        try (TestLab lab = TestLab.open(id, backend)) {
            String expired = lab.forge().access(b -> b.issuedAt(inSeconds(lab, -60))
                    .expiration(inSeconds(lab, 0)));

            assertThat(judge(lab, expired)).isEqualTo(Reason.EXPIRED);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("tokenStrategies")
    void anIssuedAtBeyondTheSkewIsNotYetValid(StrategyId id, StoreBackend backend) {
        try (TestLab lab = TestLab.open(id, backend)) {
            // 00:00:05 is within 5 s of 00:00:00.400; 00:00:06 is not.
            String withinSkew = lab.forge().access(b -> b.issuedAt(inSeconds(lab, 5)));
            String beyondSkew = lab.forge().access(b -> b.issuedAt(inSeconds(lab, 6)));

            assertThat(judge(lab, withinSkew)).isEqualTo(Reason.ACCEPTED);
            assertThat(judge(lab, beyondSkew)).isEqualTo(Reason.NOT_YET_VALID);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("tokenStrategies")
    void aNotBeforeBeyondTheSkewIsNotYetValid(StrategyId id, StoreBackend backend) {
        try (TestLab lab = TestLab.open(id, backend)) {
            String withinSkew = lab.forge().access(b -> b.notBefore(inSeconds(lab, 5)));
            String beyondSkew = lab.forge().access(b -> b.notBefore(inSeconds(lab, 6)));

            assertThat(judge(lab, withinSkew)).isEqualTo(Reason.ACCEPTED);
            assertThat(judge(lab, beyondSkew)).isEqualTo(Reason.NOT_YET_VALID);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("tokenStrategies")
    void noTokenAndGarbageGetTheirOwnReasons(StrategyId id, StoreBackend backend) {
        try (TestLab lab = TestLab.open(id, backend)) {
            assertThat(lab.strategy().authenticate(new Credentials(null, null)).reason())
                    .isEqualTo(Reason.MISSING);
            assertThat(judge(lab, "not.a.token")).isEqualTo(Reason.MALFORMED);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("stateful")
    void statefulRefusesGarbageWithoutAHitAndAnUnknownIdWithOne(StrategyId id,
            StoreBackend backend) {
        try (TestLab lab = TestLab.open(id, backend)) {
            var garbage = lab.counting(() -> judge(lab, "'; DROP TABLE rl_session; --"));
            var unknown = lab.counting(() -> judge(lab, Ids.random()));

            assertThat(garbage.value()).isEqualTo(Reason.MALFORMED);
            assertThat(garbage.hits()).isZero();
            assertThat(unknown.value()).isEqualTo(Reason.UNKNOWN_SESSION);
            assertThat(unknown.hits()).isEqualTo(1);
        }
    }
}
