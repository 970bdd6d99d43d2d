package org.revlab.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.revlab.core.Ids;
import org.revlab.core.SessionInfo;
import org.revlab.core.testing.StoreBackend;

/**
 * Redis specifics: the key layout expires with the session, a private prefix is deleted at
 * close, a shared one is not, scripts survive a flushed script cache, and an absent server is
 * reported with how to start it.
 */
class RedisSessionStoreTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    private static void withRedis(Consumer<RedisCommands<String, String>> work) {
        RedisClient client = RedisClient.create(StoreSpec.DEFAULT_REDIS_URL);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            work.accept(c.sync());
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    private static RedisSessionStore open(StoreSpec spec) {
        return (RedisSessionStore) StoreBackend.openOrSkip("redis", spec);
    }

    private static SessionInfo session(String user, Duration life) {
        return new SessionInfo(Ids.random(), user, "laptop", T0, T0, T0.plus(life), null);
    }

    @Test
    void sessionKeysExpireWithTheSessionAndEpochsDoNot() {
        try (RedisSessionStore store = open(StoreSpec.parse("redis"))) {
            Duration life = Duration.ofMinutes(10);
            SessionInfo s = session("alice", life);
            store.createSession(s);
            store.revokeAll("alice", T0.plusSeconds(1));
            long keepMs = life.plus(RedisSessionStore.RETENTION).toMillis();

            withRedis(redis -> {
                String p = store.keyPrefix();
                assertThat(redis.pttl(p + "s:" + s.sessionId())).isBetween(1L, keepMs);
                assertThat(redis.pttl(p + "u:alice")).isBetween(1L, keepMs);
                assertThat(redis.pttl(p + "e:alice")).isEqualTo(-1L);
            });
        }
    }

    @Test
    void aUsersSetLivesAsLongAsItsLongestSession() {
        try (RedisSessionStore store = open(StoreSpec.parse("redis"))) {
            store.createSession(session("alice", Duration.ofDays(7)));
            store.createSession(session("alice", Duration.ofMinutes(1)));

            withRedis(redis -> assertThat(redis.pttl(store.keyPrefix() + "u:alice"))
                    .isGreaterThan(Duration.ofDays(6).toMillis()));
        }
    }

    @Test
    void closingDeletesEveryKeyOfAPrivatePrefix() {
        RedisSessionStore store = open(StoreSpec.parse("redis"));
        String prefix = store.keyPrefix();
        store.createSession(session("alice", Duration.ofMinutes(5)));
        store.revokeAll("alice", T0);

        store.close();

        withRedis(redis -> assertThat(redis.keys(prefix + "*")).isEmpty());
    }

    @Test
    void aSharedPrefixIsSeenByEveryStoreAndOutlivesThem() {
        String name = "revlab_shared_" + Long.toHexString(System.nanoTime());
        StoreSpec spec = StoreSpec.parse("redis").withSharedNamespace(name);
        SessionInfo s = session("alice", Duration.ofMinutes(5));
        String prefix;
        try (RedisSessionStore nodeA = open(spec); RedisSessionStore nodeB = open(spec)) {
            prefix = nodeA.keyPrefix();
            nodeA.createSession(s);
            nodeA.revokeAll("alice", T0.plusSeconds(1));
            assertThat(nodeB.findSession(s.sessionId()).revoked()).isTrue();
            assertThat(nodeB.epoch("alice")).isEqualTo(1);
        }
        withRedis(redis -> {
            assertThat(redis.keys(prefix + "*")).isNotEmpty();
            redis.unlink(redis.keys(prefix + "*").toArray(new String[0]));
        });
    }

    @Test
    void scriptsStillRunAfterRedisForgetsThem() {
        try (RedisSessionStore store = open(StoreSpec.parse("redis"))) {
            SessionInfo s = session("alice", Duration.ofMinutes(5));
            store.createSession(s);
            withRedis(RedisCommands::scriptFlush);
            long before = store.hits();

            assertThat(store.touchIfLive(s.sessionId(), T0.plusSeconds(1))).isTrue();
            assertThat(store.hits() - before).isEqualTo(1);
        }
    }

    @Test
    void aClosedPortFailsWithHowToStartRedis() {
        StoreSpec spec = StoreSpec.parse("redis://127.0.0.1:" + ClosedPort.find())
                .withTimeout(Duration.ofMillis(500));

        assertThatThrownBy(spec::open)
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("Store redis: cannot connect to 127.0.0.1:")
                .hasMessageContaining("redis-server");
    }
}
