package org.revlab.loadtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.revlab.core.StrategyId;

/**
 * What each strategy promises a thief after "log out everywhere", as checks: one rule per
 * attacker request (which Gatling turns into a failed request, hence a failed assertion) and
 * one verdict per run over the recorded windows. {@code stateful} and {@code revoke-all} allow
 * no exposure; {@code two-token} a window of at most the short TTL plus one request interval;
 * {@code stateless} is held to its documented weakness: the thief stays in until the token
 * expires and is then turned away as expired, never as revoked.
 */
public final class RevocationBound {

    /** One bound's outcome; {@code sentence} explains a broken one to the user. */
    public record Result(String name, String limit, String observed, boolean passed,
            String sentence) {

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("limit", limit);
            m.put("observed", observed);
            m.put("passed", passed);
            m.put("sentence", sentence);
            return m;
        }
    }

    private final StrategyId strategy;
    private final Duration limit;
    private final String limitText;

    public RevocationBound(StrategyId strategy, Duration shortTtl, Duration accessTtl,
            Duration interval) {
        this.strategy = strategy;
        switch (strategy) {
            case STATEFUL, REVOKE_ALL -> {
                limit = Duration.ZERO;
                limitText = "no request accepted after the revoke";
            }
            case TWO_TOKEN -> {
                limit = shortTtl.plus(interval);
                limitText = "window <= short TTL " + shortTtl.toMillis() + " ms + interval "
                        + interval.toMillis() + " ms = " + limit.toMillis() + " ms";
            }
            default -> {
                limit = accessTtl.plus(interval);
                limitText = "accepted after the revoke, then rejected as expired within access"
                        + " TTL " + accessTtl.toMillis() + " ms + interval " + interval.toMillis()
                        + " ms = " + limit.toMillis() + " ms";
            }
        }
    }

    public static RevocationBound of(AttackSettings s) {
        return new RevocationBound(s.strategy(), s.lab().shortTtl(), s.lab().accessTtl(),
                s.interval());
    }

    /** The longest window allowed, zero for the strategies that revoke at once. */
    public Duration limit() {
        return limit;
    }

    /**
     * Whether an attacker request sent {@code sinceAckMs} after the acknowledgement must be
     * rejected; negative means it left before the revoke was acknowledged.
     */
    public boolean mustBeRejected(long sinceAckMs) {
        if (sinceAckMs < 0) {
            return false;
        }
        return strategy == StrategyId.STATEFUL || strategy == StrategyId.REVOKE_ALL
                || sinceAckMs > limit.toMillis();
    }

    /** The only reason a rejection may give, or null when any reason will do. */
    public String requiredRejectionReason() {
        return strategy == StrategyId.STATELESS ? "expired" : null;
    }

    /** Judges a whole run; every result names the strategy and what was seen. */
    public List<Result> judge(WindowRecorder.Summary s) {
        List<Result> out = new ArrayList<>();
        int incomplete = s.pairs() - s.complete();
        out.add(new Result("every thief turned away", "all " + s.pairs() + " pairs",
                s.complete() + " of " + s.pairs(), incomplete == 0 && s.pairs() > 0,
                strategy + ": " + incomplete + " of " + s.pairs() + " attackers were never"
                        + " rejected after the revoke before the run's deadline."));
        switch (strategy) {
            case STATEFUL, REVOKE_ALL -> out.add(new Result("zero exposure", limitText,
                    s.exposure() + " requests", s.exposure() == 0,
                    strategy + ": " + s.exposure() + " attacker requests were accepted after"
                            + " the revoke was acknowledged; expected none."));
            case TWO_TOKEN -> out.add(new Result("window", limitText,
                    "max " + s.windowMaxMs() + " ms", s.windowMaxMs() <= limit.toMillis(),
                    strategy + ": the longest revocation window was " + s.windowMaxMs()
                            + " ms, above the bound of " + limit.toMillis() + " ms (short TTL"
                            + " plus one attacker interval)."));
            default -> {
                boolean onlyExpired = s.firstRejectionReasons().keySet().stream()
                        .allMatch("expired"::equals);
                // A pair whose token expired before the revoke landed (a slow start on a busy
                // machine) shows nothing either way, so one pair that stayed in is the proof.
                out.add(new Result("stays in after the revoke (documented weakness)",
                        "at least one thief accepted after the revoke",
                        s.pairsWithExposure() + " of " + s.pairs() + " pairs",
                        s.pairsWithExposure() > 0,
                        strategy + ": no thief was accepted after the revoke; a stateless"
                                + " token should keep working until it expires, so behaviour"
                                + " changed (or every token expired before its revoke)."));
                out.add(new Result("rejected only as expired", "reason expired",
                        s.firstRejectionReasons().toString(), onlyExpired,
                        strategy + ": attackers were first rejected with "
                                + s.firstRejectionReasons() + "; a stateless server can only"
                                + " say expired, so behaviour changed."));
                out.add(new Result("out by expiry", limitText, "max " + s.windowMaxMs() + " ms",
                        s.windowMaxMs() <= limit.toMillis(),
                        strategy + ": the longest window was " + s.windowMaxMs() + " ms, above"
                                + " the access TTL plus one interval, " + limit.toMillis()
                                + " ms."));
            }
        }
        return out;
    }
}
