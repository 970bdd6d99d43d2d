package org.revlab.loadtest;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stolen-laptop story as a virtual user: the victim logs in on a laptop, the thief copies
 * its credentials and calls the resource once per {@code revlab.interval}; at a known moment the
 * victim logs in on a phone and revokes all sessions from there. The loop ends at the thief's
 * first rejection after the acknowledgement, or at a deadline, whichever comes first, and never
 * after more requests than the deadline allows. Requests the strategy's bound says must fail
 * are checked as such, so a broken bound fails Gatling's assertions.
 */
public abstract class AttackSimulation extends LabSimulation {

    /** The thief's node, counted on from its victim's (see {@link #url(String, int)}). */
    static final int THIEF_NODE_OFFSET = 1;

    protected final WindowRecorder recorder = new WindowRecorder();
    protected final RevocationBound bound = RevocationBound.of(settings);
    /** Attacker answers that broke a per-request rule; Gatling marks the same ones failed. */
    private final AtomicLong ruleBreaks = new AtomicLong();

    /** How long after log-in pair {@code pair} revokes. */
    protected abstract long revokeAfterMs(int pair);

    /** A deterministic spread of revoke moments over one short-token life (see the bound). */
    protected long spreadRevoke(int pair) {
        long room = settings.lab().shortTtl().toMillis();
        if (settings.strategy() == org.revlab.core.StrategyId.STATELESS) {
            // The thief must still hold a live token when the revoke lands (exp is rounded
            // down to the second), or the documented weakness cannot be observed.
            room = Math.min(room, settings.lab().accessTtl().toMillis() - 1000
                    - settings.interval().toMillis() - settings.revokeAfter().toMillis());
        }
        long offset = room <= 0 ? 0 : new SplittableRandom(pair * 7919L + 17).nextLong(room);
        return settings.revokeAfter().toMillis() + offset;
    }

    protected ChainBuilder victimAndThief() {
        long deadlineMs = settings.attackerDeadline().toMillis();
        long maxRequests = deadlineMs / settings.interval().toMillis() + 10;
        return newUser("victim")
                .exec(login("victim: log in on laptop", "laptop", "stolen", "stolenLong"))
                .exec(session -> {
                    int pair = recorder.startPair();
                    long now = System.currentTimeMillis();
                    return session.set("pair", pair).set("revokeAt", now + revokeAfterMs(pair))
                            .set("deadline", now + deadlineMs).set("ackAt", -1L)
                            .set("requests", 0L).set("done", false);
                })
                .asLongAs(session -> !session.getBoolean("done")).on(
                        pace(settings.interval())
                                .doIf(session -> session.getLong("ackAt") < 0
                                        && System.currentTimeMillis()
                                        >= session.getLong("revokeAt")).then(revoke())
                                .exec(LabSimulation::beforeRequest)
                                .exec(thiefRequest())
                                .exec(session -> observe(afterRequest(session, "thief: resource",
                                        "stolen"), maxRequests)));
    }

    /**
     * The thief's call with the stolen credentials. A request the bound says must fail is
     * checked for a 401, and for stateless every 401 must say expired.
     */
    private HttpRequestActionBuilder thiefRequest() {
        // One node on from the victim's: with several nodes the theft crosses nodes.
        HttpRequestActionBuilder request = timed(authorized(http("thief: resource")
                .get(url("/resource", THIEF_NODE_OFFSET)), "stolen", "stolenLong"))
                .check(status().in(200, 401).saveAs("status"),
                        jsonPath("$.reason").optional().saveAs("reason"))
                .checkIf(this::mustBeRejected).then(status().is(401));
        String required = bound.requiredRejectionReason();
        return required == null ? request
                : request.checkIf((response, session) -> response.status().code() == 401)
                        .then(jsonPath("$.reason").is(required));
    }

    private ChainBuilder revoke() {
        return exec(login("victim: log in on phone", "phone", "phone", "phoneLong"))
                .exec(authorized(http("victim: revoke all").post(url("/sessions/revoke-all")),
                        "phone", "phoneLong").check(status().is(200)))
                .exec(session -> {
                    long ack = System.currentTimeMillis();
                    recorder.acknowledged(session.getInt("pair"), ack);
                    return session.set("ackAt", ack);
                });
    }

    private long sinceAck(Session s) {
        long ack = s.getLong("ackAt");
        return ack < 0 ? -1 : s.getLong("sentAt") - ack;
    }

    private boolean mustBeRejected(Session s) {
        return bound.mustBeRejected(sinceAck(s));
    }

    private Session observe(Session s, long maxRequests) {
        int pair = s.getInt("pair");
        boolean accepted = s.contains("status") && s.getInt("status") == 200;
        String reason = s.contains("reason") ? s.getString("reason") : null;
        recorder.observe(pair, s.getLong("sentAt"), accepted, reason);
        String required = bound.requiredRejectionReason();
        if ((accepted && mustBeRejected(s))
                || (!accepted && required != null && !required.equals(reason))) {
            ruleBreaks.incrementAndGet();
        }
        long requests = s.getLong("requests") + 1;
        boolean done = recorder.rejectedSinceRevoke(pair)
                || System.currentTimeMillis() > s.getLong("deadline")
                || requests >= maxRequests;
        return s.set("requests", requests).set("done", done);
    }

    /** The windows, exposure and bounds of the run. */
    protected ResultFile windowResult(ResultFile file) {
        WindowRecorder.Summary summary = recorder.summarize();
        return file.put("resource", latency.stats("thief: resource"))
                .put("windows", ResultFile.windows(summary))
                .bounds(bound.judge(summary));
    }

    @Override
    protected void onWritten(ResultFile file) {
        // Gatling's own assertion fails the run, with its report, when a request broke a rule.
        // Bounds over the whole run (a thief never turned away, a stateless thief who was not
        // still accepted) are invisible to it: fail here, which skips the HTML report.
        if (!file.passed() && ruleBreaks.get() == 0) {
            throw new IllegalStateException(scenarioName() + " against " + settings.strategy()
                    + ": a revocation bound broke; see " + settings.out() + " for which.");
        }
    }
}
