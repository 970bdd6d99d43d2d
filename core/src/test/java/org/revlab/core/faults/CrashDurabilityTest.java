package org.revlab.core.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.revlab.core.SessionInfo;
import org.revlab.core.store.JdbcSessionStore;
import org.revlab.core.store.StoreSettings;

/**
 * A real child process revokes sessions on a file-mode HSQLDB store and is killed with
 * {@code kill -9} mid-stream; a store reopened on the same files must still hold every
 * revocation the child saw acknowledged.
 */
class CrashDurabilityTest {

    /**
     * The file store of {@link StoreSettings#file}, without HSQLDB's lock file: after a crash
     * the lock would make the reopen wait about 10 s for its heartbeat to expire. Only one
     * process opens the files at a time here, which is what the lock would guard.
     */
    static StoreSettings settings(Path path) {
        StoreSettings file = StoreSettings.file(path.resolve("store"));
        return new StoreSettings(file.url() + ";hsqldb.lock_file=false", file.user(),
                file.password(), 2, file.timeout());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyAcknowledgedRevocationSurvivesKillDashNine(@TempDir Path dir) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp",
                System.getProperty("java.class.path"), CrashingClient.class.getName(),
                dir.toString()).redirectErrorStream(true).start();
        List<String> acknowledged = new ArrayList<>();
        List<String> other = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(
                child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < 60 && (line = out.readLine()) != null) {
                if (line.startsWith("acknowledged ")) {
                    acknowledged.add(line);
                } else {
                    other.add(line);
                }
            }
            // Killed mid-stream, while it is logging in and revoking.
            child.destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).as("child output: %s", other).hasSize(60);

        try (JdbcSessionStore reopened = new JdbcSessionStore(settings(dir))) {
            for (String line : acknowledged) {
                String[] f = line.split(" ");
                List<SessionInfo> sessions = reopened.sessions(f[2]);
                assertThat(sessions).as(line).hasSize(2);
                if (f[1].equals("all")) {
                    assertThat(sessions).as(line).allMatch(SessionInfo::revoked);
                    assertThat(reopened.epoch(f[2])).as(line).isPositive();
                } else {
                    assertThat(reopened.findSession(f[3]).revoked()).as(line).isTrue();
                }
            }
        }
    }
}
