package org.revlab.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.revlab.core.StrategyId.REVOKE_ALL;
import static org.revlab.core.StrategyId.STATEFUL;
import static org.revlab.core.StrategyId.STATELESS;
import static org.revlab.core.StrategyId.TWO_TOKEN;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.revlab.core.Credentials;
import org.revlab.core.Reason;
import org.revlab.core.StrategyId;
import org.revlab.core.store.StoreUnavailableException;
import org.revlab.core.testing.StoreBackend;
import org.revlab.core.testing.StrategyMatrix;
import org.revlab.core.testing.TestLab;

/**
 * With the store down, nothing that needs the store is accepted, and a revocation fails
 * loudly rather than looking acknowledged. What needs no store keeps working.
 */
class StoreUnavailableTest {

    static Stream<Arguments> all() {
        return StrategyMatrix.all();
    }

    static Stream<Arguments> readsPerRequest() {
        return StrategyMatrix.of(STATEFUL, REVOKE_ALL);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("all")
    void aRequestThatNeedsTheStoreIsRefusedAsStoreUnavailable(StrategyId id,
            StoreBackend backend) {
        try (TestLab lab = TestLab.open(id, backend)) {
            Credentials c = lab.strategy().login("alice", "laptop");
            lab.store().goDown();

            Reason now = lab.strategy().authenticate(c).reason();
            lab.at(Duration.ofMillis(9_600));
            Reason atShortExpiry = lab.strategy().authenticate(c).reason();

            switch (id) {
                case STATELESS -> {
                    assertThat(now).isEqualTo(Reason.ACCEPTED);
                    assertThat(atShortExpiry).isEqualTo(Reason.ACCEPTED);
                }
                case STATEFUL, REVOKE_ALL -> {
                    assertThat(now).isEqualTo(Reason.STORE_UNAVAILABLE);
                    assertThat(atShortExpiry).isEqualTo(Reason.STORE_UNAVAILABLE);
                }
                case TWO_TOKEN -> {
                    // A valid short token needs no store; its refresh does.
                    assertThat(now).isEqualTo(Reason.ACCEPTED);
                    assertThat(atShortExpiry).isEqualTo(Reason.STORE_UNAVAILABLE);
                }
                default -> throw new AssertionError("No expectation for " + id);
            }

            lab.store().comeBack();
            assertThat(lab.strategy().authenticate(c).reason()).isEqualTo(Reason.ACCEPTED);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("readsPerRequest")
    void aClosedStoreIsUnavailableToo(StrategyId id, StoreBackend backend) {
        try (TestLab lab = TestLab.open(id, backend)) {
            Credentials c = lab.strategy().login("alice", "laptop");

            lab.store().close();

            assertThat(lab.strategy().authenticate(c).reason())
                    .isEqualTo(Reason.STORE_UNAVAILABLE);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("all")
    void revocationAndLoginFailLoudlyWhenTheStoreIsDown(StrategyId id, StoreBackend backend) {
        try (TestLab lab = TestLab.open(id, backend)) {
            lab.strategy().login("alice", "laptop");
            lab.store().goDown();

            assertThatThrownBy(() -> lab.strategy().revokeAll("alice"))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> lab.strategy().login("alice", "phone"))
                    .isInstanceOf(StoreUnavailableException.class);
        }
    }
}
