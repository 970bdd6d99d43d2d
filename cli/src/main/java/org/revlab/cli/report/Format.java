package org.revlab.cli.report;

import java.util.Locale;

/** Number formatting shared by the report and the check: as many digits as a figure needs. */
final class Format {

    private Format() {
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return String.valueOf((long) v);
        }
        double a = Math.abs(v);
        String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 0.1 ? "%.2f" : a >= 0.001
                ? "%.4f" : "%.2e";
        return String.format(Locale.ROOT, f, v);
    }

    static String ratio(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }
}
