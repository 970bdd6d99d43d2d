package org.revlab.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.revlab.core.Credentials;
import org.revlab.core.Lab;
import org.revlab.core.LabSettings;
import org.revlab.core.MutableClock;
import org.revlab.core.Reason;
import org.revlab.core.StrategyId;
import org.revlab.core.Verdict;
import org.revlab.core.token.SigningAlgorithm;
import org.revlab.core.token.SigningKeys;

/**
 * The same strategy code on every backend: log in, "log out everywhere", and the stolen copy
 * is refused once the strategy's window has passed (never, for {@code stateless}), with the
 * store hits the strategy promises per request.
 */
class StrategiesOnEveryBackendTest {

    @TempDir
    Path dir;

    static Stream<Arguments> backendsAndStrategies() {
        return StoreBackends.all().flatMap(b -> Stream.of(StrategyId.values())
                .map(s -> Arguments.of(b, s)));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("backendsAndStrategies")
    void aStolenCredentialStopsWorkingAfterLogOutEverywhere(String backend, StrategyId id) {
        MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-05T10:00:00Z"));
        SessionStore store = StoreBackends.open(backend, dir);
        try (Lab lab = Lab.open(id, SigningKeys.generate(SigningAlgorithm.HS256), store, clock,
                LabSettings.DEFAULTS)) {
            Credentials stolen = lab.strategy().login("alice", "laptop");
            long before = store.hits();
            assertThat(lab.strategy().authenticate(stolen).accepted()).isTrue();
            long hitsPerRequest = store.hits() - before;

            lab.strategy().revokeAll("alice");
            clock.advance(LabSettings.DEFAULTS.shortTtl().plus(Duration.ofSeconds(1)));
            Verdict after = lab.strategy().authenticate(stolen);

            assertThat(hitsPerRequest).isEqualTo(
                    id == StrategyId.STATEFUL || id == StrategyId.REVOKE_ALL ? 1 : 0);
            if (id == StrategyId.STATELESS) {
                assertThat(after.accepted()).isTrue();
            } else {
                assertThat(after.reason()).isEqualTo(Reason.REVOKED);
            }
        }
    }
}
