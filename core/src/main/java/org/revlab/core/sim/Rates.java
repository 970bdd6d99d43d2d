package org.revlab.core.sim;

import java.util.Locale;

/**
 * Reads and writes event rates such as {@code 0.2/s}, {@code 30/m} or {@code 2/h}; a bare number
 * is per second. Every error names the option it came from and what is accepted.
 */
public final class Rates {

    private Rates() {
    }

    /** The rate written in {@code text}, in events per second. */
    public static double perSecond(String option, String text) {
        String t = text == null ? "" : text.trim();
        double divisor = 1;
        int slash = t.indexOf('/');
        String number = t;
        if (slash >= 0) {
            number = t.substring(0, slash).trim();
            switch (t.substring(slash + 1).trim()) {
                case "s" -> divisor = 1;
                case "m", "min" -> divisor = 60;
                case "h" -> divisor = 3600;
                case "d" -> divisor = 86_400;
                default -> throw new IllegalArgumentException(option + " '" + text
                        + "' has an unknown unit; write a number per s, m, h or d (for example"
                        + " 0.2/s, 30/m, 2/h).");
            }
        }
        double value;
        try {
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a rate; write a"
                    + " number per s, m, h or d (for example 0.2/s, 30/m, 2/h).");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a finite rate.");
        }
        return value / divisor;
    }

    /** A rate per second as text, for summaries: {@code 0.05/s}. */
    public static String format(double perSecond) {
        return String.format(Locale.ROOT, "%s/s", trim(perSecond));
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.9f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
