package org.revlab.cli.compare;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows JMH's human-readable output line by line and says when a benchmark has finished,
 * with its score and JMH's own estimate of the time left: one line of progress per benchmark.
 */
public final class JmhProgress {

    private static final Pattern PROGRESS =
            Pattern.compile("^# Run progress: ([0-9.]+)% complete, ETA (\\S+)");
    private static final Pattern PARAMS = Pattern.compile("^# Parameters: \\((.*)\\)");
    private static final String PACKAGE = "org.revlab.bench.";

    private String benchmark = "";
    private String params = "";
    private String eta = "?";
    private boolean resultNext;
    private int finished;

    /** Reads one line; returns a progress line when it completes a benchmark's result. */
    public Optional<String> feed(String line) {
        if (resultNext) {
            resultNext = false;
            finished++;
            return Optional.of(String.format("  [%2d] %-30s %-34s %s  (ETA %s)", finished,
                    benchmark, params, line.trim(), eta));
        }
        if (line.startsWith("# Benchmark: ")) {
            String name = line.substring("# Benchmark: ".length()).trim();
            benchmark = name.startsWith(PACKAGE) ? name.substring(PACKAGE.length()) : name;
            params = "";
        } else if (line.startsWith("# Parameters: ")) {
            Matcher m = PARAMS.matcher(line);
            // Values only, in JMH's (alphabetical) order, to keep one line per benchmark short.
            params = m.find() ? m.group(1).replaceAll("[A-Za-z]+ = ", "").replace(",", "") : "";
        } else if (line.startsWith("# Run progress: ")) {
            Matcher m = PROGRESS.matcher(line);
            if (m.find()) {
                eta = m.group(2);
            }
        } else if (line.startsWith("Result \"")) {
            resultNext = true;
        }
        return Optional.empty();
    }

    /** Benchmarks finished so far. */
    public int finished() {
        return finished;
    }
}
