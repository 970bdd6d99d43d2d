package org.revlab.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.revlab.cli.results.RunFolder;

/**
 * Finds run folders under {@code results/runs/}: the newest published run of each kind, or the
 * ones the user names. Staging folders (hidden, {@code .partial}) and folders without a
 * {@code summary.json} are never picked, so a run still under way is not read half-written.
 */
public final class RunCatalog {

    private final Path runsDir;

    public RunCatalog(Path home) {
        this.runsDir = home.resolve("results").resolve("runs");
    }

    public Path runsDir() {
        return runsDir;
    }

    /**
     * The runs to read: the named ones (folder names or paths) for their kinds, and the newest
     * of every other kind.
     *
     * @throws IllegalArgumentException when a named run does not exist or is not a run folder
     */
    public Map<RunKind, RunInfo> select(List<String> named) {
        Map<RunKind, RunInfo> chosen = new EnumMap<>(RunKind.class);
        for (String n : named) {
            RunInfo run = load(resolve(n.trim()));
            chosen.put(run.kind(), run);
        }
        for (RunKind kind : RunKind.values()) {
            if (!chosen.containsKey(kind)) {
                newest(kind).ifPresent(r -> chosen.put(kind, r));
            }
        }
        return chosen;
    }

    /** The newest published run of {@code kind} with a readable summary. */
    public Optional<RunInfo> newest(RunKind kind) {
        if (!Files.isDirectory(runsDir)) {
            return Optional.empty();
        }
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> list = Files.list(runsDir)) {
            list.filter(p -> kind == RunKind.ofFolder(p.getFileName().toString()))
                    .filter(p -> Files.isRegularFile(p.resolve("summary.json")))
                    .forEach(folders::add);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list " + runsDir + ": " + e.getMessage(), e);
        }
        // Names start with the UTC stamp, so the newest sorts last; "-2" suffixes sort after.
        folders.sort(Comparator.comparing((Path p) -> p.getFileName().toString()));
        for (int i = folders.size() - 1; i >= 0; i--) {
            try {
                return Optional.of(load(folders.get(i)));
            } catch (IllegalArgumentException unreadable) {
                // A damaged summary should not hide an older good run of the same kind.
            }
        }
        return Optional.empty();
    }

    private Path resolve(String name) {
        Path p = Path.of(name);
        Path dir = p.isAbsolute() || Files.isDirectory(p) ? p : runsDir.resolve(name);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--runs: no run folder '" + name + "' in "
                    + runsDir + "; give folder names such as 20261203-161700-compare"
                    + " (ls results/runs).");
        }
        return dir.toAbsolutePath().normalize();
    }

    /** Reads one run folder. */
    public static RunInfo load(Path dir) {
        String name = dir.getFileName().toString();
        RunKind kind = RunKind.ofFolder(name);
        if (kind == null) {
            throw new IllegalArgumentException("'" + name + "' is not a run folder name"
                    + " (<date>-<time>-compare|attack|simulate|tune).");
        }
        return new RunInfo(name, kind, dir, readJson(dir.resolve("summary.json")));
    }

    static JsonNode readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No " + file.getFileName() + " in "
                    + file.getParent() + "; the run did not finish. Run it again.");
        }
        try {
            return RunFolder.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage()
                    + ". Run that command again to replace it.", e);
        }
    }
}
