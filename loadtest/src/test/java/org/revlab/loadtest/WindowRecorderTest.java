package org.revlab.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.revlab.core.StrategyId;

/** The window and exposure arithmetic, on recorded times that the test makes up. */
class WindowRecorderTest {

    @Test
    void windowRunsFromAcknowledgementToFirstRejectionAndCountsOnlyLaterAcceptances() {
        WindowRecorder r = new WindowRecorder();
        int pair = r.startPair();
        r.observe(pair, 1_000, true, null);
        r.observe(pair, 1_250, true, null);
        r.acknowledged(pair, 1_300);
        r.observe(pair, 1_500, true, null);
        r.observe(pair, 1_750, true, null);
        r.observe(pair, 2_000, false, "revoked");
        r.observe(pair, 2_250, true, null);

        WindowRecorder.PairResult result = r.result(pair);

        assertThat(result.windowMs()).isEqualTo(700);
        assertThat(result.exposure()).isEqualTo(2);
        assertThat(result.firstRejectionReason()).isEqualTo("revoked");
        assertThat(result.complete()).isTrue();
    }

    @Test
    void aRejectionBeforeTheRevokeIsNotTheWindow() {
        WindowRecorder r = new WindowRecorder();
        int pair = r.startPair();
        r.observe(pair, 100, false, "malformed");
        r.acknowledged(pair, 200);
        r.observe(pair, 300, false, "revoked");

        assertThat(r.result(pair).windowMs()).isEqualTo(100);
        assertThat(r.result(pair).firstRejectionReason()).isEqualTo("revoked");
    }

    @Test
    void aThiefNeverTurnedAwayLeavesThePairIncomplete() {
        WindowRecorder r = new WindowRecorder();
        int pair = r.startPair();
        r.acknowledged(pair, 0);
        r.observe(pair, 10, true, null);

        assertThat(r.result(pair).complete()).isFalse();
        assertThat(r.result(pair).windowMs()).isEqualTo(-1);
        assertThat(r.summarize().complete()).isZero();
        assertThat(r.summarize().windowMaxMs()).isEqualTo(-1);
    }

    @Test
    void summaryGivesNearestRankPercentilesOverCompletePairs() {
        WindowRecorder r = new WindowRecorder();
        for (int i = 1; i <= 100; i++) {
            int pair = r.startPair();
            r.acknowledged(pair, 0);
            r.observe(pair, i * 10L, false, i % 2 == 0 ? "revoked" : "expired");
        }
        int unfinished = r.startPair();
        r.acknowledged(unfinished, 0);

        WindowRecorder.Summary s = r.summarize();

        assertThat(s.pairs()).isEqualTo(101);
        assertThat(s.complete()).isEqualTo(100);
        assertThat(s.windowP50Ms()).isEqualTo(500);
        assertThat(s.windowP99Ms()).isEqualTo(990);
        assertThat(s.windowMaxMs()).isEqualTo(1000);
        assertThat(s.firstRejectionReasons()).containsEntry("revoked", 50)
                .containsEntry("expired", 50);
    }

    @Test
    void concurrentPairsDoNotLoseObservations() throws Exception {
        WindowRecorder r = new WindowRecorder();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            futures.add(pool.submit(() -> {
                int pair = r.startPair();
                r.acknowledged(pair, 1_000);
                for (int i = 0; i < 500; i++) {
                    r.observe(pair, 1_000 + i, true, null);
                }
                r.observe(pair, 2_000, false, "revoked");
            }));
        }
        for (Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        WindowRecorder.Summary s = r.summarize();

        assertThat(s.exposure()).isEqualTo(8 * 500);
        assertThat(s.results()).allSatisfy(p -> assertThat(p.requests()).isEqualTo(501));
    }

    @Test
    void observingAnUnknownPairIsRefused() {
        assertThatThrownBy(() -> new WindowRecorder().observe(3, 0, true, null))
                .hasMessageContaining("No pair 3");
    }

    @Test
    void twoTokenBoundIsShortTtlPlusOneInterval() {
        RevocationBound b = new RevocationBound(StrategyId.TWO_TOKEN, Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofMillis(250));

        assertThat(b.mustBeRejected(-1)).isFalse();
        assertThat(b.mustBeRejected(2_250)).isFalse();
        assertThat(b.mustBeRejected(2_251)).isTrue();
        assertThat(b.judge(summaryWithWindow(2_251))).anySatisfy(res -> {
            assertThat(res.name()).isEqualTo("window");
            assertThat(res.passed()).isFalse();
            assertThat(res.sentence()).contains("2251 ms").contains("2250 ms");
        });
        assertThat(b.judge(summaryWithWindow(2_250))).allSatisfy(
                res -> assertThat(res.passed()).isTrue());
    }

    @Test
    void statefulAcceptsNothingAfterTheAcknowledgement() {
        RevocationBound b = new RevocationBound(StrategyId.STATEFUL, Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofMillis(250));
        WindowRecorder r = new WindowRecorder();
        int pair = r.startPair();
        r.acknowledged(pair, 0);
        r.observe(pair, 0, true, null);
        r.observe(pair, 250, false, "revoked");

        assertThat(b.mustBeRejected(0)).isTrue();
        assertThat(b.judge(r.summarize())).anySatisfy(res -> {
            assertThat(res.name()).isEqualTo("zero exposure");
            assertThat(res.passed()).isFalse();
        });
    }

    @Test
    void statelessMustStayInAfterTheRevokeAndLeaveOnlyAsExpired() {
        RevocationBound b = new RevocationBound(StrategyId.STATELESS, Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofMillis(250));
        WindowRecorder revokedAtOnce = new WindowRecorder();
        int pair = revokedAtOnce.startPair();
        revokedAtOnce.acknowledged(pair, 0);
        revokedAtOnce.observe(pair, 10, false, "revoked");

        assertThat(b.requiredRejectionReason()).isEqualTo("expired");
        assertThat(b.judge(revokedAtOnce.summarize()))
                .filteredOn(res -> !res.passed())
                .extracting(RevocationBound.Result::name)
                .containsExactlyInAnyOrder("stays in after the revoke (documented weakness)",
                        "rejected only as expired");

        WindowRecorder weakness = new WindowRecorder();
        int p2 = weakness.startPair();
        weakness.acknowledged(p2, 0);
        weakness.observe(p2, 10, true, null);
        weakness.observe(p2, 3_000, false, "expired");
        // A token that expired before its revoke landed proves nothing but breaks nothing.
        int p3 = weakness.startPair();
        weakness.acknowledged(p3, 0);
        weakness.observe(p3, 10, false, "expired");
        assertThat(b.judge(weakness.summarize())).allSatisfy(
                res -> assertThat(res.passed()).isTrue());
    }

    private static WindowRecorder.Summary summaryWithWindow(long windowMs) {
        WindowRecorder r = new WindowRecorder();
        int pair = r.startPair();
        r.acknowledged(pair, 0);
        r.observe(pair, windowMs, false, "revoked");
        return r.summarize();
    }
}
