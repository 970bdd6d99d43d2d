package org.revlab.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.revlab.core.store.StoreSpec.Backend;

/** How one {@code --store} value becomes a backend, and what a wrong one is told. */
class StoreSpecTest {

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource({
        "mem, MEM, ",
        "MEM, MEM, ",
        "hsqldb-mem, MEM, ",
        "file:/tmp/x/sessions, FILE, /tmp/x/sessions",
        "hsqldb-server, HSQLDB_SERVER, ",
        "hsqldb-server:data/db, HSQLDB_SERVER, data/db",
        "postgres, POSTGRES, jdbc:postgresql://127.0.0.1:5432/test",
        "postgresql, POSTGRES, jdbc:postgresql://127.0.0.1:5432/test",
        "jdbc:postgresql://db.example:6543/lab?user=me, POSTGRES,"
                + " jdbc:postgresql://db.example:6543/lab?user=me",
        "redis, REDIS, redis://127.0.0.1:6379",
        "redis://cache.example:6380/2, REDIS, redis://cache.example:6380/2",
    })
    void readsEveryDocumentedForm(String value, Backend backend, String target) {
        StoreSpec spec = StoreSpec.parse(value);

        assertThat(spec.backend()).isEqualTo(backend);
        assertThat(spec.target()).isEqualTo(target);
        assertThat(spec.external()).isEqualTo(backend == Backend.POSTGRES
                || backend == Backend.REDIS);
    }

    @Test
    void blankMeansTheInMemoryDefault() {
        assertThat(StoreSpec.parse(null).backend()).isEqualTo(Backend.MEM);
        assertThat(StoreSpec.parse("  ").backend()).isEqualTo(Backend.MEM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgress", "mysql", "redis:", "redis://", "jdbc:mysql://x/y",
        "hsqldb"})
    void aMisspeltStoreIsRejectedWithEveryValidForm(String value) {
        assertThatThrownBy(() -> StoreSpec.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining("mem")
                .hasMessageContaining("file:<path>")
                .hasMessageContaining("hsqldb-server")
                .hasMessageContaining("jdbc:postgresql://")
                .hasMessageContaining("redis://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:", "hsqldb-server:", "file:  "})
    void aFileFormWithoutAPathIsRejected(String value) {
        assertThatThrownBy(() -> StoreSpec.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no path");
    }

    @Test
    void passwordsNeverReachResultFiles() {
        assertThat(StoreSpec.parse("jdbc:postgresql://h/db?user=u&password=s3cret&ssl=true"))
                .hasToString("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
        assertThat(StoreSpec.parse("redis://:s3cret@h:6379/1"))
                .hasToString("redis://:***@h:6379/1");
    }

    @Test
    void outOfRangeSettingsAreRejectedWithTheSettingsName() {
        StoreSpec spec = StoreSpec.parse("postgres");

        assertThatThrownBy(() -> spec.withPoolSize(0)).hasMessageContaining("pool size 0");
        assertThatThrownBy(() -> spec.withTimeout(Duration.ofMillis(10)))
                .hasMessageContaining("timeout");
        assertThatThrownBy(() -> spec.withSharedNamespace("Bad-Name"))
                .hasMessageContaining("'Bad-Name'");
    }

    @Test
    void namesTheStartCommandForEveryNetworkedBackend() {
        assertThat(Backend.POSTGRES.startHint()).contains("pg_ctlcluster");
        assertThat(Backend.REDIS.startHint()).contains("redis-server");
    }
}
