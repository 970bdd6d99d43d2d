package org.revlab.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.revlab.core.Credentials;
import org.revlab.core.SessionInfo;
import org.revlab.core.StrategyId;
import org.revlab.core.Verdict;
import org.revlab.core.testing.StoreBackend;
import org.revlab.core.testing.StrategyMatrix;
import org.revlab.core.testing.TestLab;

/**
 * A user name is one identity on every backend. Regression test for a new-user trial: on
 * PostgreSQL and Redis a lone surrogate ("\ud800") was stored as '?', so user '?' could list
 * and revoke that user's sessions.
 */
class UserNameIdentityTest {

    static Stream<Arguments> all() {
        return StrategyMatrix.all();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("all")
    void aLoneSurrogateInAUserOrDeviceNameIsRefused(StrategyId id, StoreBackend backend) {
        try (TestLab lab = TestLab.open(id, backend)) {
            assertThatThrownBy(() -> lab.strategy().login("\ud800", "laptop"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lone surrogate");
            assertThatThrownBy(() -> lab.strategy().login("alice", "x\udfff"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lone surrogate");
            assertThat(lab.strategy().sessions("?")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("all")
    void namesOutsideTheBasicPlaneRoundTripExactlyAndStayApartFromQuestionMarks(StrategyId id,
            StoreBackend backend) {
        String user = "\uD83D\uDE00 \u00e9l\u00e8ve";
        try (TestLab lab = TestLab.open(id, backend)) {
            Credentials c = lab.strategy().login(user, "\uD83D\uDCBB");
            lab.strategy().login("? \u00e9l\u00e8ve", "laptop");

            Verdict v = lab.strategy().authenticate(c);
            assertThat(v.accepted()).isTrue();
            assertThat(v.subject()).isEqualTo(user);
            assertThat(lab.strategy().sessions(user)).extracting(SessionInfo::device)
                    .containsExactly("\uD83D\uDCBB");

            lab.strategy().revokeAll("? \u00e9l\u00e8ve");
            assertThat(lab.strategy().sessions(user)).noneMatch(SessionInfo::revoked);
        }
    }
}
