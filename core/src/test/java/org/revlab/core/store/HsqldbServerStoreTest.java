package org.revlab.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revlab.core.Ids;
import org.revlab.core.SessionInfo;

/** The HSQLDB server the harness starts: reached over TCP, stopped with its store. */
class HsqldbServerStoreTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theStoreTalksToItsServerOverLoopbackAndStopsItAtClose() {
        JdbcSessionStore store = (JdbcSessionStore) StoreSpec.parse("hsqldb-server").open();
        String url = store.url();
        assertThat(url).startsWith("jdbc:hsqldb:hsql://127.0.0.1:");
        store.ping();

        store.close();

        assertThatThrownBy(() -> DriverManager.getConnection(url, "SA", "").close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void aFileBackedServerKeepsSessionsAcrossRuns() {
        StoreSpec spec = StoreSpec.parse("hsqldb-server:" + dir.resolve("db"));
        SessionInfo s = new SessionInfo(Ids.random(), "alice", "laptop", T0, T0,
                T0.plusSeconds(60), null);
        try (SessionStore first = spec.open()) {
            first.createSession(s);
        }
        try (SessionStore second = spec.open()) {
            assertThat(second.findSession(s.sessionId())).isEqualTo(s);
        }
    }
}
