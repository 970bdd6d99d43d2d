package org.revlab.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The kinds of run folder the report and the check read, by the suffix their folder names end
 * with, and the command that makes each one (quoted to the user when a kind is missing).
 */
public enum RunKind {
    COMPARE("compare", "./revlab compare"),
    ATTACK("attack", "./revlab attack"),
    SIMULATE("simulate", "./revlab simulate"),
    TUNE("tune", "./revlab tune");

    private final String id;
    private final String command;

    RunKind(String id, String command) {
        this.id = id;
        this.command = command;
    }

    public String id() {
        return id;
    }

    /** The command that produces a run of this kind. */
    public String command() {
        return command;
    }

    /**
     * The kind of a run folder named {@code <yyyyMMdd>-<HHmmss>-<kind>[-<n>]}, or null when the
     * name is not a run folder's.
     */
    public static RunKind ofFolder(String name) {
        String[] parts = name.split("-");
        if (parts.length < 3 || !parts[0].matches("\\d{8}") || !parts[1].matches("\\d{6}")) {
            return null;
        }
        for (RunKind k : values()) {
            if (k.id.equals(parts[2])) {
                return k;
            }
        }
        return null;
    }

    /** Parses a comma-separated list such as {@code compare,attack,tune}. */
    public static List<RunKind> parseList(String text) {
        List<RunKind> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            RunKind found = null;
            for (RunKind k : values()) {
                if (k.id.equals(p)) {
                    found = k;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("'" + part.trim() + "' is not a kind of run;"
                        + " give compare, attack, simulate or tune.");
            }
            out.add(found);
        }
        return out;
    }
}
