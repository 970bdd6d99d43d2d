package org.revlab.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.revlab.core.Ids;
import org.revlab.core.SessionInfo;

/** Two stores in one SQL database keep apart when each has its own schema. */
class JdbcNamespaceTest {

    @Test
    void storesInDifferentSchemasOfOneDatabaseDoNotSeeEachOther() {
        StoreSettings shared = StoreSettings.memory();
        Instant t0 = Instant.parse("2026-01-05T10:00:00Z");
        SessionInfo s = new SessionInfo(Ids.random(), "alice", "laptop", t0, t0,
                t0.plusSeconds(60), null);
        try (JdbcSessionStore a = new JdbcSessionStore(shared, StoreNamespace.shared("lab_a"),
                null);
                JdbcSessionStore b = new JdbcSessionStore(shared, StoreNamespace.shared("lab_b"),
                        null);
                JdbcSessionStore a2 = new JdbcSessionStore(shared,
                        StoreNamespace.shared("lab_a"), null)) {
            a.createSession(s);

            assertThat(b.findSession(s.sessionId())).isNull();
            assertThat(a2.findSession(s.sessionId())).isEqualTo(s);
        }
    }
}
