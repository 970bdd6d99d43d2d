package org.revlab.cli.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.revlab.cli.results.RunFolder;

/**
 * Small hand-made summaries (under {@code src/test/resources/report/}) laid out as run folders
 * in a temporary project home, optionally edited first, for the report and check tests.
 */
final class Fixtures {

    private Fixtures() {
    }

    /** The fixture summary of {@code kind}, as an editable tree. */
    static ObjectNode summary(RunKind kind) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/report/" + kind.id()
                + ".json")) {
            return (ObjectNode) RunFolder.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code kind}'s fixture, edited by {@code edit}, as run folder {@code name}. */
    static RunInfo run(Path home, String name, RunKind kind, Consumer<ObjectNode> edit) {
        ObjectNode s = summary(kind);
        edit.accept(s);
        Path dir = home.resolve("results").resolve("runs").resolve(name);
        try {
            Files.createDirectories(dir);
            RunFolder.JSON.writeValue(dir.resolve("summary.json").toFile(), s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RunCatalog.load(dir);
    }

    static RunInfo run(Path home, String name, RunKind kind) {
        return run(home, name, kind, s -> { });
    }

    /** Multiplies {@code usPerOp} of the rows matching strategy (null: every row) and mode. */
    static Consumer<ObjectNode> scaleCost(String strategy, String mode, double factor) {
        return s -> s.withArray("rows").forEach(r -> {
            boolean match = (strategy == null || strategy.equals(r.path("strategy").asText()))
                    && (mode == null || mode.equals(r.path("mode").asText()));
            if (match) {
                ((ObjectNode) r).put("usPerOp", r.path("usPerOp").asDouble() * factor);
            }
        });
    }

    /** Multiplies {@code bytesPerOp} of the strategy's accepting row. */
    static Consumer<ObjectNode> scaleBytes(String strategy, double factor) {
        return s -> s.withArray("rows").forEach(r -> {
            if (strategy.equals(r.path("strategy").asText())
                    && "accept".equals(r.path("mode").asText())) {
                ((ObjectNode) r).put("bytesPerOp", r.path("bytesPerOp").asDouble() * factor);
            }
        });
    }

    /** Sets a numeric field of the strategy's row in {@code array} (rows, results). */
    static Consumer<ObjectNode> set(String array, String strategy, String scenario,
            String field, double value) {
        return s -> s.withArray(array).forEach(r -> {
            if (strategy.equals(r.path("strategy").asText()) && (scenario == null
                    || scenario.equals(r.path("scenario").asText()))) {
                ((ObjectNode) r).put(field, value);
            }
        });
    }
}
