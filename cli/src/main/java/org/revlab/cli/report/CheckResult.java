package org.revlab.cli.report;

/**
 * One line of {@code ./revlab check}: what was compared, the figures, and the verdict.
 *
 * @param status the verdict; only {@link Status#FAIL} makes the check exit non-zero
 * @param kind which kind of run the figure came from
 * @param subject what was checked, such as {@code revoke-all HS256 hsqldb-mem @1/s}
 * @param detail the figures: baseline and current value, the move, the limit
 */
public record CheckResult(Status status, RunKind kind, String subject, String detail) {

    /** A check's verdict. */
    public enum Status { PASS, FAIL, SKIP }

    public String line() {
        return String.format("%-4s %-8s %s: %s", status, kind.id(), subject, detail);
    }
}
