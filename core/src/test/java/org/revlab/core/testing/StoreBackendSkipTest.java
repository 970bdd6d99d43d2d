package org.revlab.core.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;
import org.revlab.core.store.StoreSpec;

/** A networked backend that cannot be reached skips its tests, naming the start command. */
class StoreBackendSkipTest {

    private static int closedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    @Test
    void anUnreachableRedisSkipsWithTheRedisServerCommand() throws IOException {
        StoreSpec spec = StoreSpec.parse("redis://127.0.0.1:" + closedPort())
                .withTimeout(Duration.ofMillis(500));

        assertThatThrownBy(() -> StoreBackend.openOrSkip("redis-test", spec))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("redis-test skipped")
                .hasMessageContaining("redis-server --daemonize yes");
    }

    @Test
    void anUnreachablePostgresSkipsWithThePgCtlclusterCommand() throws IOException {
        StoreSpec spec = StoreSpec.parse("jdbc:postgresql://127.0.0.1:" + closedPort() + "/test")
                .withTimeout(Duration.ofMillis(500));

        assertThatThrownBy(() -> StoreBackend.openOrSkip("postgres-test", spec))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("postgres-test skipped")
                .hasMessageContaining("pg_ctlcluster");
    }
}
