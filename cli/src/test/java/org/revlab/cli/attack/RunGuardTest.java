package org.revlab.cli.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revlab.cli.results.RunFolder;

/** An interrupted attack removes its staging folder, leaves earlier runs alone and says so. */
class RunGuardTest {

    @Test
    void anInterruptRemovesTheUnfinishedRunAndKeepsEarlierOnes(@TempDir Path home)
            throws IOException {
        RunFolder earlier = RunFolder.start(home, "attack", null);
        earlier.writeText("summary.md", "earlier");
        Path kept = earlier.publish();
        RunFolder run = RunFolder.start(home, "attack", null);
        Files.createDirectories(run.dir().resolve("logs"));
        Files.writeString(run.dir().resolve("logs").resolve("stolen-token-stateful.log"), "…");
        StringWriter err = new StringWriter();

        RunGuard guard = new RunGuard(run, new PrintWriter(err));
        guard.run();

        try (Stream<Path> left = Files.list(home.resolve("results").resolve("runs"))) {
            assertThat(left).containsExactly(kept);
        }
        assertThat(kept.resolve("summary.md")).hasContent("earlier");
        assertThat(guard.interrupted()).isTrue();
        assertThat(err.toString()).contains("interrupted").contains("earlier runs")
                .contains("untouched");
    }

    @Test
    void aFinishedRunIsLeftAsItIs(@TempDir Path home) {
        RunFolder run = RunFolder.start(home, "attack", null);
        StringWriter err = new StringWriter();
        RunGuard guard = new RunGuard(run, new PrintWriter(err));

        guard.finish();
        guard.run();

        assertThat(run.dir()).isDirectory();
        assertThat(err.toString()).isEmpty();
        assertThat(guard.interrupted()).isFalse();
    }
}
