package org.revlab.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.revlab.cli.results.RunFolder;

/**
 * The committed reference under {@code results/baseline/}: one copy of a run's
 * {@code summary.json} per kind ({@code compare.json}, {@code attack.json}, …), an index of
 * which run folders they came from, and a README line saying so. Refreshing it is one command
 * ({@code ./revlab check --update-baseline}); nothing else writes here.
 */
public final class Baseline {

    static final String INDEX = "sources.json";

    private final Path dir;

    public Baseline(Path home) {
        this.dir = home.resolve("results").resolve("baseline");
    }

    public Path dir() {
        return dir;
    }

    /** The baseline's entries, named after the runs they were copied from. */
    public Map<RunKind, RunInfo> load() {
        Map<RunKind, RunInfo> out = new EnumMap<>(RunKind.class);
        JsonNode index = Files.isRegularFile(dir.resolve(INDEX))
                ? RunCatalog.readJson(dir.resolve(INDEX)) : null;
        for (RunKind kind : RunKind.values()) {
            Path file = dir.resolve(kind.id() + ".json");
            if (Files.isRegularFile(file)) {
                String name = index == null ? kind.id() + " baseline"
                        : index.path(kind.id()).asText(kind.id() + " baseline");
                out.put(kind, new RunInfo(name, kind, dir, RunCatalog.readJson(file)));
            }
        }
        return out;
    }

    /**
     * Copies the runs' summaries into the baseline, replacing those kinds only, and rewrites
     * the index and README.
     */
    public void update(Map<RunKind, RunInfo> runs, PrintWriter out) throws IOException {
        Files.createDirectories(dir);
        ObjectNode index = Files.isRegularFile(dir.resolve(INDEX))
                ? (ObjectNode) RunCatalog.readJson(dir.resolve(INDEX))
                : RunFolder.JSON.createObjectNode();
        for (RunInfo run : runs.values()) {
            Path target = dir.resolve(run.kind().id() + ".json");
            Files.copy(run.dir().resolve("summary.json"), target,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            index.put(run.kind().id(), run.name());
            out.println("wrote " + target + " (from " + run.name() + ")");
        }
        RunFolder.JSON.writeValue(dir.resolve(INDEX).toFile(), index);
        out.println("wrote " + dir.resolve(INDEX));
        Map<RunKind, RunInfo> all = load();
        StringBuilder md = new StringBuilder("# Baseline\n\n");
        md.append("The reference `./revlab check` compares runs with: each file is the"
                + " `summary.json` of one run folder, copied by `./revlab check"
                + " --update-baseline`. Never edit these by hand; refresh them from runs on a"
                + " quiet machine.\n\n");
        md.append("| file | run folder | command | machine |\n| --- | --- | --- | --- |\n");
        for (RunInfo r : all.values()) {
            md.append("| ").append(r.kind().id()).append(".json | ").append(r.name())
                    .append(" | `").append(r.command()).append("` | ")
                    .append(r.environmentLine()).append(" |\n");
        }
        Files.writeString(dir.resolve("README.md"), md.toString(), StandardCharsets.UTF_8);
        out.println("wrote " + dir.resolve("README.md"));
        out.flush();
    }
}
