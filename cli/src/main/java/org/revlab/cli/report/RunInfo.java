package org.revlab.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * One run folder as the report sees it: its name, kind, folder and parsed {@code summary.json},
 * with the environment and command that every table and chart must name.
 *
 * @param name the folder's name, such as {@code 20261203-161700-compare}
 * @param kind what made it
 * @param dir the folder (or, for a baseline entry, the baseline folder)
 * @param summary the parsed {@code summary.json}
 */
public record RunInfo(String name, RunKind kind, Path dir, JsonNode summary) {

    /** The command line recorded in the run's environment, or "unknown". */
    public String command() {
        String c = summary.path("environment").path("command").asText("");
        return c.isEmpty() ? "unknown" : c;
    }

    /** One line on where the run came from: cores, JVM, commit and time. */
    public String environmentLine() {
        JsonNode env = summary.path("environment");
        if (env.isMissingNode() || env.isEmpty()) {
            return "environment not recorded";
        }
        return env.path("cores").asText("?") + " cores, " + env.path("jvm").asText("JVM ?")
                + ", " + env.path("os").asText("OS ?") + ", commit "
                + env.path("commit").asText("?") + ", " + env.path("time").asText("time ?")
                + (env.path("ci").asBoolean(false) ? ", CI" : "");
    }

    /** Where a figure came from, in one line for a chart's subtitle. */
    public String provenance() {
        return "run " + name + " · " + command() + " · "
                + summary.path("environment").path("cores").asText("?") + " cores, commit "
                + summary.path("environment").path("commit").asText("?");
    }
}
