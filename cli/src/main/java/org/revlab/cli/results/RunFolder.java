package org.revlab.cli.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One run's output folder under {@code results/runs/}. A run writes into a hidden staging
 * folder and {@link #publish()} renames it into place, so a failed or interrupted run never
 * leaves a half-written folder behind and never touches an earlier one. Names are
 * {@code <UTC time>-<kind>}, with a suffix when two runs start in the same second.
 */
public final class RunFolder {

    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path runsDir;
    private final String name;
    private final Path staging;
    private final PrintWriter log;
    private Path published;

    private RunFolder(Path runsDir, String name, Path staging, PrintWriter log) {
        this.runsDir = runsDir;
        this.name = name;
        this.staging = staging;
        this.log = log;
    }

    /**
     * Starts a run of {@code kind} (compare, attack, simulate, tune, …) under
     * {@code <home>/results/runs}.
     *
     * @param log where to print one line per file written; may be null
     */
    public static RunFolder start(Path home, String kind, PrintWriter log) {
        Path runsDir = home.resolve("results").resolve("runs");
        String base = ZonedDateTime.now(ZoneOffset.UTC).format(STAMP) + "-" + kind;
        try {
            Files.createDirectories(runsDir);
            for (int n = 1; n < 1000; n++) {
                String name = n == 1 ? base : base + "-" + n;
                if (Files.exists(runsDir.resolve(name))) {
                    continue;
                }
                try {
                    Path staging = Files.createDirectory(runsDir.resolve("." + name + ".partial"));
                    return new RunFolder(runsDir, name, staging, log);
                } catch (FileAlreadyExistsException raced) {
                    // Another run took this name at the same moment; try the next suffix.
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a run folder under " + runsDir + ": "
                    + e.getMessage() + ". Check that the folder is writable.", e);
        }
        throw new IllegalStateException("Too many runs named " + base + " in " + runsDir + ".");
    }

    /** Where files go while the run is under way. */
    public Path dir() {
        return published != null ? published : staging;
    }

    /** The folder's final name, such as {@code 20261203-161700-compare}. */
    public String name() {
        return name;
    }

    /** The final path, valid once published (and known before, for messages). */
    public Path finalPath() {
        return runsDir.resolve(name);
    }

    public Path resolve(String file) {
        return dir().resolve(file);
    }

    /** Writes {@code value} as indented JSON. */
    public Path writeJson(String file, Object value) {
        Path path = resolve(file);
        try {
            JSON.writeValue(path.toFile(), value);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + path + ": " + e.getMessage(), e);
        }
        return announce(file, path);
    }

    public Path writeText(String file, String text) {
        Path path = resolve(file);
        try {
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + path + ": " + e.getMessage(), e);
        }
        return announce(file, path);
    }

    private Path announce(String file, Path path) {
        if (log != null) {
            log.println("wrote " + finalPath().resolve(file));
            log.flush();
        }
        return path;
    }

    /** Moves the finished run into place. After this the folder is never written again. */
    public Path publish() {
        if (published != null) {
            return published;
        }
        Path target = finalPath();
        try {
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot publish the run " + staging + " as " + target
                    + ": " + e.getMessage(), e);
        }
        published = target;
        return target;
    }

    /** Deletes the staging folder of a run that failed; earlier runs are untouched. */
    public void abandon() {
        if (published != null || !Files.exists(staging)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(staging)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Leaving a hidden staging folder behind is harmless; say so only when asked.
            if (log != null) {
                log.println("note: could not remove " + staging + ": " + e.getMessage());
            }
        }
    }
}
