package org.revlab.cli.report;

/**
 * Every tolerance {@code ./revlab check} applies, in one place (the README quotes them). Times
 * are compared as ratios between rows of the same run, so a faster or slower machine cancels
 * out; what is left is the noise of a shared 2-core machine, which quick runs make worse.
 */
public final class Tolerances {

    /**
     * How far a same-run cost ratio (a strategy's µs/request over its reference row) may grow
     * against the baseline's before the check fails. A strategy slowed 2× moves its ratio by
     * 2×, so 1.6 fails it while letting through the tens of percent a quick run moves on a
     * machine to itself. Under heavy load from other jobs (load average 12–16 on 2 cores) the
     * ratios moved several-fold between runs of unchanged code, which no tolerance absorbs:
     * run {@code check} on a quiet machine, as CI does.
     */
    public static final double COST_RATIO_GROWTH = 1.6;

    /**
     * The same limit for a {@code --quick} compare run, as CI makes: one short warm-up, two
     * iterations, no error bars. Between quick runs of unchanged code, and between a quick run
     * and a full baseline, these ratios moved by up to ×1.5 here, mostly JIT warm-up, so a quick
     * run fails only on a gross slowdown; the allocation ratio below, which warm-up hardly
     * moves, is what catches a strategy doing more work in CI. A full run's ratios, with their
     * error bars, are judged against {@link #COST_RATIO_GROWTH}.
     */
    public static final double QUICK_COST_RATIO_GROWTH = 2.5;

    /**
     * The same for ratios over the cryptographic floor, a figure of about a microsecond whose
     * relative noise is the largest in the suite (×2.9 between two quick runs of unchanged code
     * on a loaded machine here): only a gross regression fails it; the ratios above and the
     * allocation ratio catch a 2× one.
     */
    public static final double FLOOR_RATIO_GROWTH = 3.0;

    /**
     * How far a same-run allocation ratio (a strategy's bytes/request over its reference row's,
     * from JMH's gc profiler) may grow. Allocation per request hardly moves with machine load
     * (a few percent between runs here, where times moved several-fold), so this tolerance is
     * tight: doing the token work twice doubles it.
     */
    public static final double BYTES_RATIO_GROWTH = 1.25;

    /**
     * Relative slack on database hits per request measured by JMH: a few log-ins and refreshes
     * fall at iteration edges. The expected counts themselves are exact (0, 1, 1 + last-seen
     * writes, two-token's one refresh per short TTL). When the run folder keeps JMH's raw
     * counts, one write per measured iteration over the requests measured is allowed on top:
     * a quick run of a few hundred requests cannot show a 1-in-60 rate more finely.
     */
    public static final double HITS_SLACK = 0.02;

    /**
     * The same slack for a {@code --quick} run, whose two short iterations measured two-token's
     * refresh rate 5% under its design (0.0159 against 0.0167 hits per request) with unchanged
     * code. Still exact enough that a second hit per request, or a refresh per request, fails.
     */
    public static final double QUICK_HITS_SLACK = 0.10;

    /**
     * How far Gatling's throughput of a strategy over the unauthenticated baseline of the same
     * run may fall against the baseline's ratio. Load is injected at a fixed rate, so this only
     * moves when the server stops keeping up.
     */
    public static final double THROUGHPUT_RATIO_DROP = 1.6;

    /**
     * How far the simulator's database hits per second may move from the baseline's when the
     * traffic parameters are identical: the simulator is deterministic, so any move is a change
     * in what the strategies do, and only a change beyond this fails.
     */
    public static final double SIM_HITS_CHANGE = 1.10;

    /** Moves smaller than this fraction are printed as "steady" rather than as a change. */
    public static final double REPORT_MOVE = 0.10;

    private Tolerances() {
    }
}
