package org.revlab.cli.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.revlab.cli.report.Figures;
import org.revlab.cli.results.RunFolder;

/**
 * The cost of one database hit on a backend, as a {@code ./revlab compare} run measured it: the
 * store's own {@code findSession} on that backend. It turns the simulator's hits per second into
 * database time, so that a budget in hits per second can be read against a real backend.
 *
 * @param store the backend as compare named it ({@code mem}, {@code postgres}, {@code redis})
 * @param micros microseconds per hit
 * @param run the run folder the figure came from
 */
public record MeasuredHitCost(String store, double micros, String run) {

    /**
     * The newest published compare run under {@code <home>/results/runs} that measured
     * {@code store}; failing that, the committed baseline.
     */
    public static MeasuredHitCost find(Path home, String store) {
        String wanted = canonical(store);
        List<Path> candidates = new ArrayList<>();
        Path runs = home.resolve("results").resolve("runs");
        if (Files.isDirectory(runs)) {
            try (Stream<Path> dirs = Files.list(runs)) {
                dirs.filter(d -> d.getFileName().toString().endsWith("-compare"))
                        .sorted(Comparator.comparing((Path d) -> d.getFileName().toString())
                                .reversed())
                        .map(d -> d.resolve("summary.json"))
                        .forEach(candidates::add);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot list " + runs + ": " + e.getMessage(), e);
            }
        }
        candidates.add(home.resolve("results").resolve("baseline").resolve("compare.json"));
        for (Path summary : candidates) {
            MeasuredHitCost cost = read(summary, wanted);
            if (cost != null) {
                return cost;
            }
        }
        throw new IllegalArgumentException("No compare run under " + runs + " measured the store '"
                + store + "'; run './revlab compare --quick --store " + store + "' first, or give"
                + " the cost yourself with --hit-cost-us.");
    }

    private static MeasuredHitCost read(Path summary, String wanted) {
        if (!Files.isRegularFile(summary)) {
            return null;
        }
        JsonNode root;
        try {
            root = RunFolder.JSON.readTree(summary.toFile());
        } catch (IOException e) {
            return null; // An unreadable summary is not this store's figure; older ones may be.
        }
        for (JsonNode row : root.path("rows")) {
            if ("store-find-session".equals(row.path("mode").asText())
                    && wanted.equals(canonical(row.path("store").asText()))
                    && row.path("usPerOp").asDouble() > 0) {
                String run = root.path("run").asText(summary.getParent().getFileName().toString());
                return new MeasuredHitCost(wanted, row.path("usPerOp").asDouble(), run);
            }
        }
        return null;
    }

    /** Older runs name the in-memory store {@code hsqldb-mem}; both mean the same backend. */
    private static String canonical(String store) {
        return Figures.CompareRow.canonicalStore(store.trim().toLowerCase(Locale.ROOT));
    }
}
