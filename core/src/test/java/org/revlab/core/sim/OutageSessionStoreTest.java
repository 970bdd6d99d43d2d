package org.revlab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.revlab.core.MutableClock;
import org.revlab.core.store.JdbcSessionStore;
import org.revlab.core.store.StoreSettings;
import org.revlab.core.store.StoreUnavailableException;

class OutageSessionStoreTest {

    @Test
    void refusesEveryCallInsideTheWindowWithoutAHitAndPassesThroughOutsideIt() {
        Instant t0 = Simulation.START;
        MutableClock clock = new MutableClock(t0);
        try (JdbcSessionStore real = new JdbcSessionStore(StoreSettings.memory());
                OutageSessionStore store = new OutageSessionStore(real, clock,
                        t0.plusSeconds(10), t0.plusSeconds(20))) {
            store.revokeAll("u1", clock.instant());
            long epochBefore = store.epoch("u1");
            long hits = store.hits();

            clock.set(t0.plusSeconds(10));
            assertThatThrownBy(() -> store.epoch("u1"))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> store.revokeAll("u1", clock.instant()))
                    .isInstanceOf(StoreUnavailableException.class);
            clock.set(t0.plusSeconds(20).minus(Duration.ofNanos(1000)));
            assertThatThrownBy(() -> store.findSession("s"))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThat(store.refused()).isEqualTo(3);
            assertThat(store.hits()).isEqualTo(hits);

            clock.set(t0.plusSeconds(20));
            // The refused revoke changed nothing.
            assertThat(store.epoch("u1")).isEqualTo(epochBefore);
            assertThat(store.hits()).isEqualTo(hits + 1);
        }
    }
}
