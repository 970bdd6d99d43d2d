package org.revlab.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** A backend whose server is absent skips its test, saying how to start the server. */
class StoreBackendTest {

    @Test
    void anAbsentServerSkipsWithHowToStartIt() throws IOException {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = probe.getLocalPort();
        }

        assertThatThrownBy(() -> StoreBackend.requireServer("postgres", freePort,
                "start one with 'docker run -p 5432:5432 postgres'."))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("postgres")
                .hasMessageContaining(String.valueOf(freePort))
                .hasMessageContaining("docker run");
    }

    @Test
    void aListeningServerDoesNotSkip() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StoreBackend.requireServer("fake", server.getLocalPort(), "nothing to do");
        }
    }

    @Test
    void everyBackendOpensAFreshEmptyStore() {
        for (StoreBackend backend : StoreBackend.all()) {
            try (var a = backend.open(); var b = backend.open()) {
                a.createSession(new org.revlab.core.SessionInfo(org.revlab.core.Ids.random(),
                        "alice", "laptop", TestLab.START, TestLab.START,
                        TestLab.START.plusSeconds(60), null));
                assertThat(a.sessions("alice")).as(backend.name()).hasSize(1);
                assertThat(b.sessions("alice")).as(backend.name()).isEmpty();
            }
        }
    }
}
