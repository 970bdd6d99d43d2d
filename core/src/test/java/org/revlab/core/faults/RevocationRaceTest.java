package org.revlab.core.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.revlab.core.Credentials;
import org.revlab.core.Lab;
import org.revlab.core.LabSettings;
import org.revlab.core.Reason;
import org.revlab.core.SessionInfo;
import org.revlab.core.SessionStrategy;
import org.revlab.core.StrategyId;
import org.revlab.core.Verdict;
import org.revlab.core.store.StoreSettings;
import org.revlab.core.token.SigningAlgorithm;
import org.revlab.core.token.SigningKeys;

/**
 * Races on real threads and the real clock: refreshes against "log out everywhere", and
 * log-ins against revocations. The assertions are about order and counts, never durations.
 */
class RevocationRaceTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void noShortTokenFromAPreRevokeCheckOutlivesTheRevokeByMoreThanOneShortTtl()
            throws Exception {
        LabSettings settings = LabSettings.DEFAULTS.withShortTtl(Duration.ofSeconds(2));
        Clock clock = Clock.systemUTC();
        try (Lab lab = Lab.open(StrategyId.TWO_TOKEN, SigningKeys.generate(SigningAlgorithm.HS256),
                // A generous store timeout: this test is about ordering, and on a loaded 2-core
                // machine 9 threads may wait seconds for one of the 8 connections.
                StoreSettings.memory().withTimeout(Duration.ofSeconds(30)), clock, settings)) {
            SessionStrategy s = lab.strategy();
            List<Credentials> devices = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                devices.add(s.login("alice", "device" + i));
            }
            int threads = 8;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            ConcurrentLinkedQueue<String> issued = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Instant> acceptedStarts = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger rejected = new AtomicInteger();
            CountDownLatch running = new CountDownLatch(threads);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                // No short token: every request is a refresh that checks the store.
                Credentials refreshOnly = new Credentials(null, devices.get(t).longLived());
                workers.add(pool.submit(() -> {
                    running.countDown();
                    for (int i = 0; i < 5_000 && !stop.get(); i++) {
                        Instant start = clock.instant();
                        Verdict v = s.authenticate(refreshOnly);
                        if (v.accepted()) {
                            issued.add(v.issuedAccessToken());
                            acceptedStarts.add(start);
                        } else {
                            assertThat(v.reason()).isEqualTo(Reason.REVOKED);
                            rejected.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            running.await();
            // Revoke while refreshes are in full flow: after every thread has had some through.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (issued.size() < threads * 4 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            s.revokeAll("alice");
            Instant acknowledged = clock.instant();
            // Keep racing until refreshes that started after the revoke have been answered.
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (rejected.get() < threads * 4 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            stop.set(true);
            for (Future<?> f : workers) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(issued).hasSizeGreaterThanOrEqualTo(threads * 4);
            assertThat(rejected.get()).isGreaterThanOrEqualTo(threads * 4);
            Instant bound = acknowledged.plus(settings.shortTtl());
            for (String token : issued) {
                assertThat(exp(token)).as("short token %s", token).isBeforeOrEqualTo(bound);
            }
            // A refresh that started after the revoke was acknowledged was never accepted.
            assertThat(acceptedStarts).allMatch(start -> !start.isAfter(acknowledged));
            // And after the race, nothing gets through.
            for (Credentials d : devices) {
                assertThat(s.authenticate(new Credentials(null, d.longLived())).reason())
                        .isEqualTo(Reason.REVOKED);
            }
        }
    }

    static Instant exp(String token) throws Exception {
        byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
        return Instant.ofEpochSecond(JSON.readTree(payload).get("exp").asLong());
    }

    @Test
    void concurrentLoginsAndRevocationsLoseNoSessionRow() throws Exception {
        Clock clock = Clock.systemUTC();
        for (StrategyId id : new StrategyId[] {StrategyId.STATEFUL, StrategyId.TWO_TOKEN}) {
            try (Lab lab = Lab.open(id, SigningKeys.generate(SigningAlgorithm.HS256),
                    StoreSettings.memory().withPoolSize(4), clock, LabSettings.DEFAULTS)) {
                SessionStrategy s = lab.strategy();
                int threads = 8;
                int perThread = 60;
                Map<String, Set<String>> created = new ConcurrentHashMap<>();
                Set<String> revokedOne = ConcurrentHashMap.newKeySet();
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                List<Future<?>> work = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    work.add(pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            String user = "user" + (i % 4);
                            s.login(user, "t" + thread + "-" + i);
                            if (i % 7 == 3) {
                                s.revokeAll(user);
                            }
                            if (i % 5 == 2) {
                                // Revoke one of this user's sessions, whichever is listed first.
                                List<SessionInfo> list = s.sessions(user);
                                SessionInfo victim = list.get(thread % list.size());
                                if (s.revokeSession(user, victim.sessionId())) {
                                    revokedOne.add(victim.sessionId());
                                }
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : work) {
                    f.get(120, TimeUnit.SECONDS);
                }
                pool.shutdown();
                int total = 0;
                Set<String> devices = new HashSet<>();
                for (int u = 0; u < 4; u++) {
                    for (SessionInfo info : s.sessions("user" + u)) {
                        total++;
                        devices.add(info.device());
                        created.computeIfAbsent(info.user(), k -> new HashSet<>())
                                .add(info.sessionId());
                    }
                }
                assertThat(total).as(id.id()).isEqualTo(threads * perThread);
                assertThat(devices).hasSize(threads * perThread);
                Set<String> allIds = new HashSet<>();
                created.values().forEach(allIds::addAll);
                assertThat(allIds).containsAll(revokedOne);
                for (String sid : revokedOne) {
                    assertThat(lab.store().findSession(sid).revoked()).isTrue();
                }
            }
        }
    }
}
