package org.revlab.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.revlab.core.Ids;
import org.revlab.core.SessionInfo;

class SwitchableSessionStoreTest {

    private static SessionInfo session(String user) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new SessionInfo(Ids.random(), user, "laptop", now, now,
                now.plus(Duration.ofHours(1)), null);
    }

    @Test
    void whileDownEveryCallIsRefusedWithoutAHitOrAChange() {
        try (SwitchableSessionStore store = new SwitchableSessionStore(
                new JdbcSessionStore(StoreSettings.memory()))) {
            SessionInfo kept = session("alice");
            store.createSession(kept);
            store.down();
            long hits = store.hits();

            assertThat(store.isDown()).isTrue();
            assertThatThrownBy(() -> store.findSession(kept.sessionId()))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("find session");
            assertThatThrownBy(() -> store.createSession(session("bob")))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> store.revokeAll("alice", Instant.now()))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(store::ping).isInstanceOf(StoreUnavailableException.class);
            assertThat(store.hits()).isEqualTo(hits);

            store.up();
            assertThat(store.isDown()).isFalse();
            assertThat(store.findSession(kept.sessionId()).revoked()).isFalse();
            assertThat(store.sessions("bob")).isEmpty();
            assertThat(store.hits()).isGreaterThan(hits);
        }
    }
}
