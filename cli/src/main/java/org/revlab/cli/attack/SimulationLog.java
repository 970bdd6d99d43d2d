package org.revlab.cli.attack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads why a simulation failed out of its Maven/Gatling log, so that the user sees the cause
 * (a refused connection, a bad setting, a crash) rather than a table of failed bounds.
 */
public final class SimulationLog {

    private static final Pattern MEANINGFUL = Pattern.compile(
            ".*(Exception|Error\\b|ERROR|FATAL|Caused by|BUILD FAILURE|refused).*");
    private static final int MAX = 240;

    private SimulationLog() {
    }

    /** The first line that says what went wrong, or a pointer to the log when none does. */
    public static String cause(Path log) {
        try {
            return cause(Files.readAllLines(log, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return "no log could be read (" + e.getMessage() + ")";
        }
    }

    public static String cause(List<String> lines) {
        for (String raw : lines) {
            String line = raw.strip();
            // Stack frames and Maven's help footer repeat, rather than state, the failure.
            if (line.isEmpty() || line.startsWith("at ") || line.contains("-e switch")
                    || line.contains("Re-run Maven") || line.contains("Help 1")
                    || line.matches("\\[ERROR\\]\\s*(->.*)?")) {
                continue;
            }
            if (MEANINGFUL.matcher(line).matches()) {
                line = line.replaceFirst("^\\[(ERROR|WARN|WARNING|INFO)\\]\\s*", "");
                return line.length() > MAX ? line.substring(0, MAX) + "…" : line;
            }
        }
        return "the log names no error";
    }
}
