package org.revlab.cli.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain-text and Markdown tables, and CSV rows turned into JSON objects with typed values. */
final class Tables {

    private Tables() {
    }

    /** Columns padded to their widest cell, first column left-aligned, the rest right. */
    static String text(List<String> header, List<List<String>> rows) {
        int[] width = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String pad = " ".repeat(width[i] - cell.length());
                sb.append(i == 0 ? cell + pad : pad + cell).append(i + 1 < row.size() ? "  " : "");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String markdown(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder("| ").append(String.join(" | ", header))
                .append(" |\n|");
        sb.append(" --- |".repeat(header.size())).append('\n');
        for (List<String> row : rows) {
            sb.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return sb.toString();
    }

    /** A CSV row as a JSON object keyed by column, numbers as numbers, blanks as null. */
    static Map<String, Object> json(List<String> columns, String csvRow) {
        String[] cells = csvRow.split(",", -1);
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            m.put(columns.get(i), typed(cells[i]));
        }
        return m;
    }

    private static Object typed(String cell) {
        if (cell.isEmpty()) {
            return null;
        }
        if (cell.matches("-?\\d+")) {
            return Long.parseLong(cell);
        }
        if (cell.matches("-?\\d+\\.\\d+")) {
            return new java.math.BigDecimal(cell);
        }
        return cell;
    }
}
