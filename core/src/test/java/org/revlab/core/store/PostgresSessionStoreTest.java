package org.revlab.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.revlab.core.Ids;
import org.revlab.core.SessionInfo;
import org.revlab.core.testing.StoreBackend;

/**
 * PostgreSQL specifics: each store's tables in a schema of its own, dropped at close unless
 * shared, and a message that says how to start the server when it is down.
 */
class PostgresSessionStoreTest {

    private static boolean schemaExists(String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(StoreSpec.DEFAULT_POSTGRES_URL,
                StoreSpec.DEFAULT_POSTGRES_USER, "");
                PreparedStatement ps = c.prepareStatement(
                        "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void skipUnlessPostgresRuns() {
        StoreBackend.openOrSkip("postgres", StoreSpec.parse("postgres")).close();
    }

    @Test
    void aPrivateSchemaIsCreatedAtOpenAndDroppedAtClose() throws SQLException {
        String schema;
        StoreSpec spec = StoreSpec.parse("postgres");
        try (JdbcSessionStore store = (JdbcSessionStore) StoreBackend.openOrSkip("postgres",
                spec)) {
            schema = store.namespace();
            assertThat(schema).startsWith("revlab_");
            assertThat(schemaExists(schema)).isTrue();
        }
        assertThat(schemaExists(schema)).isFalse();
    }

    @Test
    void aSharedSchemaIsSeenByEveryStoreAndOutlivesThem() throws SQLException {
        skipUnlessPostgresRuns();
        String name = "revlab_shared_" + Long.toHexString(System.nanoTime());
        StoreSpec spec = StoreSpec.parse("postgres").withSharedNamespace(name);
        Instant t0 = Instant.parse("2026-01-05T10:00:00Z");
        SessionInfo s = new SessionInfo(Ids.random(), "alice", "laptop", t0, t0,
                t0.plusSeconds(60), null);
        try {
            try (SessionStore nodeA = StoreBackend.openOrSkip("postgres", spec);
                    SessionStore nodeB = StoreBackend.openOrSkip("postgres", spec)) {
                nodeA.createSession(s);
                assertThat(nodeB.findSession(s.sessionId())).isEqualTo(s);
            }
            assertThat(schemaExists(name)).isTrue();
        } finally {
            try (Connection c = DriverManager.getConnection(StoreSpec.DEFAULT_POSTGRES_URL,
                    StoreSpec.DEFAULT_POSTGRES_USER, "")) {
                c.createStatement().execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            }
        }
    }

    @Test
    void aUserNamedInTheUrlWinsOverTheDefaultUser() {
        StoreSpec spec = StoreSpec.parse(StoreSpec.DEFAULT_POSTGRES_URL
                + "?user=revlab_no_such_role").withTimeout(Duration.ofMillis(500));
        skipUnlessPostgresRuns();

        assertThatThrownBy(spec::open)
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("revlab_no_such_role");
    }

    @Test
    void aClosedPortFailsWithHowToStartPostgres() {
        StoreSpec spec = StoreSpec.parse("jdbc:postgresql://127.0.0.1:" + ClosedPort.find()
                + "/test").withTimeout(Duration.ofMillis(500));

        assertThatThrownBy(spec::open)
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("Store postgres: cannot connect")
                .hasMessageContaining("pg_ctlcluster");
    }
}
