package org.revlab.core.sim;

import java.time.Duration;
import java.util.Objects;
import org.revlab.core.Lab;

/**
 * A store outage in virtual time: from {@code start} into the measured period, for
 * {@code length}. Written on the command line as {@code START+LENGTH}, such as {@code 10m+5m}.
 *
 * @param start when the store goes down, counted from the start of the measured period
 * @param length how long it stays down
 */
public record Outage(Duration start, Duration length) {

    /** The accepted form, for error messages. */
    public static final String FORM = "START+LENGTH, such as 10m+5m";

    public Outage {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(length, "length");
        if (start.isNegative()) {
            throw new IllegalArgumentException("--outage start " + start.toMillis() + " ms is"
                    + " negative; give " + FORM + ".");
        }
        if (length.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("--outage length " + length.toMillis() + " ms is"
                    + " too short; give at least 1s, as in " + FORM + ".");
        }
    }

    /** Parses {@code START+LENGTH}; every error names {@code --outage} and the accepted form. */
    public static Outage parse(String text) {
        String value = text == null ? "" : text.trim();
        int plus = value.indexOf('+');
        if (plus <= 0 || plus == value.length() - 1 || value.indexOf('+', plus + 1) >= 0) {
            throw new IllegalArgumentException("--outage '" + value + "' is not of the form "
                    + FORM + ".");
        }
        try {
            return new Outage(Lab.parseDuration(value.substring(0, plus).trim()),
                    Lab.parseDuration(value.substring(plus + 1).trim()));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("--outage")) {
                throw e;
            }
            throw new IllegalArgumentException("--outage '" + value + "': " + e.getMessage()
                    + " Give " + FORM + ".");
        }
    }

    /** When the store comes back, counted from the start of the measured period. */
    public Duration end() {
        return start.plus(length);
    }

    /** As written on the command line, for summaries. */
    public String text() {
        return seconds(start) + "+" + seconds(length);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
