package org.revlab.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.revlab.core.StrategyId.REVOKE_ALL;
import static org.revlab.core.StrategyId.STATEFUL;
import static org.revlab.core.StrategyId.STATELESS;
import static org.revlab.core.StrategyId.TWO_TOKEN;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.revlab.core.Credentials;
import org.revlab.core.Reason;
import org.revlab.core.StrategyId;
import org.revlab.core.Verdict;
import org.revlab.core.testing.Hits;
import org.revlab.core.testing.StoreBackend;
import org.revlab.core.testing.StrategyMatrix;
import org.revlab.core.testing.TestLab;

/**
 * Database hits per authenticated request, exactly, as the store's own counter sees them: the
 * figure every later measurement relies on.
 */
class DatabaseHitsTest {

    /** Hits of one accepted request with a credential that needs no refresh. */
    private static final Map<StrategyId, Long> PER_REQUEST =
            Map.of(STATELESS, 0L, STATEFUL, 1L, REVOKE_ALL, 1L, TWO_TOKEN, 0L);

    static Stream<Arguments> all() {
        return StrategyMatrix.all();
    }

    static Stream<Arguments> twoToken() {
        return StrategyMatrix.of(TWO_TOKEN);
    }

    static Stream<Arguments> stateful() {
        return StrategyMatrix.of(STATEFUL);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("all")
    void eachAcceptedRequestCostsTheStrategysFixedNumberOfHits(StrategyId id,
            StoreBackend backend) {
        try (TestLab lab = TestLab.open(id, backend)) {
            Credentials c = lab.strategy().login("alice", "laptop");

            for (int i = 0; i < 5; i++) {
                lab.clock().advance(Duration.ofSeconds(1));
                Hits.Counted<Verdict> request = lab.counting(() -> lab.strategy().authenticate(c));
                assertThat(request.value().reason()).isEqualTo(Reason.ACCEPTED);
                assertThat(request.hits()).as("request %d", i).isEqualTo(PER_REQUEST.get(id));
            }
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("all")
    void loginCostsOneHit(StrategyId id, StoreBackend backend) {
        try (TestLab lab = TestLab.open(id, backend)) {
            long hits = lab.hitsDuring(() -> lab.strategy().login("alice", "laptop"));

            // revoke-all also reads the user's epoch to stamp it into the token.
            assertThat(hits).isEqualTo(id == REVOKE_ALL ? 2 : 1);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("twoToken")
    void twoTokenRefreshCostsOneHitAndARefusedRefreshTwo(StrategyId id, StoreBackend backend) {
        try (TestLab lab = TestLab.open(id, backend)) {
            Credentials c = lab.strategy().login("alice", "laptop");
            lab.at(Duration.ofMillis(9_600));

            Hits.Counted<Verdict> refresh = lab.counting(() -> lab.strategy().authenticate(c));
            assertThat(refresh.value().reason()).isEqualTo(Reason.ACCEPTED);
            assertThat(refresh.value().issuedAccessToken()).isNotNull();
            assertThat(refresh.hits()).isEqualTo(1);

            Credentials renewed = c.withAccess(refresh.value().issuedAccessToken());
            Hits.Counted<Verdict> next = lab.counting(() -> lab.strategy().authenticate(renewed));
            assertThat(next.value().reason()).isEqualTo(Reason.ACCEPTED);
            assertThat(next.value().issuedAccessToken()).isNull();
            assertThat(next.hits()).isZero();

            // Refused: one trip for the check-and-touch, one more to say why (TwoTokenStrategy).
            lab.strategy().revokeAll("alice");
            lab.at(Duration.ofMillis(19_600));
            Hits.Counted<Verdict> refused =
                    lab.counting(() -> lab.strategy().authenticate(renewed));
            assertThat(refused.value().reason()).isEqualTo(Reason.REVOKED);
            assertThat(refused.hits()).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("stateful")
    void statefulPaysOneExtraHitToMoveLastSeenAtMostOncePerResolution(StrategyId id,
            StoreBackend backend) {
        try (TestLab lab = TestLab.open(id, backend)) {
            Credentials c = lab.strategy().login("alice", "laptop");
            lab.at(Duration.ofMinutes(1));

            assertThat(lab.counting(() -> lab.strategy().authenticate(c)).hits()).isEqualTo(2);
            assertThat(lab.counting(() -> lab.strategy().authenticate(c)).hits()).isEqualTo(1);
            assertThat(lab.strategy().sessions("alice").get(0).lastSeen())
                    .isEqualTo(lab.clock().instant());
        }
    }
}
