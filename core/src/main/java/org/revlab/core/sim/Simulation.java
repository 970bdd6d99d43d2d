package org.revlab.core.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.revlab.core.Credentials;
import org.revlab.core.MutableClock;
import org.revlab.core.Reason;
import org.revlab.core.SessionStrategy;
import org.revlab.core.Strategies;
import org.revlab.core.StrategyContext;
import org.revlab.core.StrategyId;
import org.revlab.core.Verdict;
import org.revlab.core.store.JdbcSessionStore;
import org.revlab.core.store.SessionStore;
import org.revlab.core.store.StoreSettings;
import org.revlab.core.store.StoreUnavailableException;

/**
 * A discrete-event simulation in virtual time of one strategy under one traffic shape. It drives
 * the real strategy ({@link Strategies#create}) on the real store ({@link JdbcSessionStore},
 * which counts the hits) through a {@link MutableClock} that jumps from event to event; only the
 * token codec is the cheap {@link SimTokenCodec}. Single-threaded and seeded, so the same
 * settings give the same result; run several instances in parallel for a sweep.
 *
 * <p>Model. Each device alternates sessions of fixed length with exponential idle gaps; a
 * session logs in, sends requests (Poisson, or bursts) and forgets its credentials at the end.
 * A rejected device logs in again at once, as a client would. Each user revokes all of its
 * sessions at a Poisson rate. Each attacker copies one device's credentials at a random moment
 * in the first half of the run and calls at its own rate, using refreshed tokens as a client
 * does, until it is rejected. At a revoke, every credential the user's devices hold is probed at
 * the revoke and at each whole second after it (tokens expire on whole seconds) until it is
 * rejected: that time is its revocation window (a credential already expired at the revoke is
 * no sample). Probes are not requests and their hits are not counted. The devices start in the
 * steady state of their on/off cycle, and sessions running at time 0 log in one credential
 * lifetime earlier (a warm-up that is not counted), so that tokens are of mixed ages.
 *
 * <p>Outage. With {@link SimulationSettings#outage()}, the store the strategy uses refuses
 * every call in that window ({@link OutageSessionStore}). A request refused with
 * {@code store_unavailable} keeps its credentials and the device carries on, as a client that
 * got a 503 would. A log-in that fails leaves the device without credentials: it holds its
 * requests back and logs in at its first request after the outage. A "log out everywhere" that
 * fails is retried by its owner the moment the store returns; its revocation window counts
 * from that acknowledged revoke, and until then the victim's attackers are not exposure. An
 * attacker refused with {@code store_unavailable} keeps its copy and tries again.
 */
public final class Simulation {

    /** Virtual time zero; a whole second, so that token expiries fall on whole seconds. */
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private static final int SESSION_START = 0;
    private static final int REQUEST = 1;
    private static final int SESSION_END = 2;
    private static final int REVOKE = 3;
    private static final int THEFT = 4;
    private static final int ATTACK = 5;
    private static final int PROBE = 6;
    private static final int END = 7;
    private static final int REVOKE_RETRY = 8;

    private static final long SECOND_US = 1_000_000L;
    private static final long PROGRESS_STEP_US = 60 * SECOND_US;
    private static final long THEFT_RETRY_US = 60 * SECOND_US;

    private final StrategyId id;
    private final SimulationSettings s;
    private final MutableClock clock = new MutableClock(START);
    private final SessionStore store;
    private final OutageSessionStore outageStore;
    private final long outageFromUs;
    private final long outageUntilUs;
    private final SessionStrategy strategy;
    private final EventQueue queue = new EventQueue();
    private final LongConsumer progress;

    private final long durationUs;
    private final long sessionUs;
    private final double idleMeanSec;

    // Per device.
    private final SplittableRandom[] deviceRandom;
    private final Credentials[] creds;
    private final long[] sessionEnd;
    private final int[] burstLeft;
    private final String[] userName;
    private final String[] deviceName;
    private final boolean[] loginFailed;

    // Per user.
    private final SplittableRandom[] userRandom;
    private final int[][] attackersOfUser;

    // Per attacker.
    private final SplittableRandom[] attackerRandom;
    private final int[] victim;
    private final Credentials[] stolen;
    private final boolean[] victimRevoked;

    // Probes, slots reused through a free list.
    private Credentials[] probeCreds = new Credentials[256];
    private long[] probeRevokeAt = new long[256];
    private int[] freeProbes = new int[256];
    private int freeCount;
    private int probeSlots;

    // Counters over the measured period.
    private long requests;
    private long accepted;
    private long refreshes;
    private long logins;
    private long revocations;
    private long attackerRequests;
    private long attackerAccepted;
    private long exposure;
    private long activeUs;
    private long probeHits;
    private long events;
    private long[] windows = new long[1024];
    private int windowCount;
    private long untilExpiry;

    // Counters over the outage window.
    private long outRequests;
    private long outAccepted;
    private long outUnavailable;
    private long outWaiting;
    private long outFalseAccepts;
    private long outAttackerRequests;
    private long outAttackerAccepted;
    private long outFailedLogins;
    private long outDeferredRevokes;

    private Simulation(StrategyId id, SimulationSettings settings, SessionStore store,
            LongConsumer progress) {
        this.id = id;
        this.s = settings;
        Outage outage = settings.outage();
        this.outageFromUs = outage == null ? Long.MAX_VALUE : outage.start().toNanos() / 1000;
        this.outageUntilUs = outage == null ? Long.MAX_VALUE : outage.end().toNanos() / 1000;
        this.outageStore = outage == null ? null
                : new OutageSessionStore(store, clock, at(outageFromUs), at(outageUntilUs));
        this.store = outageStore == null ? store : outageStore;
        this.progress = progress == null ? x -> { } : progress;
        this.strategy = Strategies.create(id, new StrategyContext(
                new SimTokenCodec(clock, settings.lab().clockSkew()), this.store, clock,
                settings.lab()));
        this.durationUs = settings.duration().toNanos() / 1000;
        this.sessionUs = settings.sessionLength().toNanos() / 1000;
        this.idleMeanSec = settings.idleMean().toNanos() / 1e9;

        // Streams are split from one seed in a fixed order, each owned by one device, user or
        // attacker, so a stream's draws never depend on how other streams' events interleave.
        SplittableRandom root = new SplittableRandom(settings.seed());
        int devices = settings.devices();
        deviceRandom = new SplittableRandom[devices];
        creds = new Credentials[devices];
        sessionEnd = new long[devices];
        burstLeft = new int[devices];
        loginFailed = new boolean[devices];
        userName = new String[settings.users()];
        deviceName = new String[settings.devicesPerUser()];
        for (int d = 0; d < devices; d++) {
            deviceRandom[d] = root.split();
        }
        userRandom = new SplittableRandom[settings.users()];
        for (int u = 0; u < settings.users(); u++) {
            userRandom[u] = root.split();
            userName[u] = fixedWidth('u', u, settings.users());
        }
        for (int k = 0; k < settings.devicesPerUser(); k++) {
            deviceName[k] = fixedWidth('d', k, settings.devicesPerUser());
        }
        int attackers = settings.attackers();
        attackerRandom = new SplittableRandom[attackers];
        victim = new int[attackers];
        stolen = new Credentials[attackers];
        victimRevoked = new boolean[attackers];
        int[] perUser = new int[settings.users()];
        for (int a = 0; a < attackers; a++) {
            attackerRandom[a] = root.split();
            victim[a] = attackerRandom[a].nextInt(devices);
            perUser[victim[a] / settings.devicesPerUser()]++;
        }
        attackersOfUser = new int[settings.users()][];
        for (int a = 0; a < attackers; a++) {
            int u = victim[a] / settings.devicesPerUser();
            if (attackersOfUser[u] == null) {
                attackersOfUser[u] = new int[perUser[u]];
                perUser[u] = 0;
            }
            attackersOfUser[u][perUser[u]++] = a;
        }
    }

    /** Runs {@code id} on a fresh in-memory HSQLDB store. */
    public static SimulationResult run(StrategyId id, SimulationSettings settings,
            LongConsumer progressSeconds) {
        return run(id, settings, StoreSettings.memory(), progressSeconds);
    }

    /**
     * Runs {@code id} on a store built from {@code storeSettings}, closed afterwards.
     *
     * @param progressSeconds told how many simulated seconds of the measured period have passed
     *     since it was last told; may be null
     */
    public static SimulationResult run(StrategyId id, SimulationSettings settings,
            StoreSettings storeSettings, LongConsumer progressSeconds) {
        try (SessionStore store = new JdbcSessionStore(storeSettings)) {
            return new Simulation(id, settings, store, progressSeconds).run();
        }
    }

    private SimulationResult run() {
        schedule();
        boolean measuring = false;
        long hitsAtStart = 0;
        long hitsAtEnd = -1;
        long reported = 0;
        while (!queue.isEmpty()) {
            long t = queue.peekTime();
            int kind = queue.peekKind();
            int target = queue.peekId();
            queue.poll();
            if (t >= durationUs && kind != PROBE && kind != END) {
                continue;
            }
            if (!measuring && t >= 0) {
                measuring = true;
                hitsAtStart = store.hits();
            }
            clock.set(at(t));
            events++;
            switch (kind) {
                case SESSION_START -> sessionStart(t, target);
                case REQUEST -> request(t, target);
                case SESSION_END -> sessionEnd(t, target);
                case REVOKE -> revoke(t, target);
                case THEFT -> theft(t, target);
                case ATTACK -> attack(t, target);
                case PROBE -> probe(t, target);
                case REVOKE_RETRY -> revokeNow(t, target);
                case END -> hitsAtEnd = store.hits();
                default -> throw new IllegalStateException("Unknown event kind " + kind);
            }
            if (t >= 0 && t <= durationUs && t - reported >= PROGRESS_STEP_US) {
                long step = (t - reported) / SECOND_US;
                reported += step * SECOND_US;
                progress.accept(step);
            }
        }
        progress.accept((durationUs - reported) / SECOND_US);
        long hits = hitsAtEnd - hitsAtStart - probeHits;
        return new SimulationResult(id, s.lab().shortTtl(), s.lab().accessTtl(), s.duration(),
                activeUs / SECOND_US, requests, accepted, refreshes, logins, revocations, hits,
                WindowStats.of(windows, windowCount, untilExpiry), attackerRequests,
                attackerAccepted, exposure, events, outageStats());
    }

    private OutageStats outageStats() {
        if (outageStore == null) {
            return null;
        }
        return new OutageStats(s.outage(), outRequests, outAccepted, outUnavailable, outWaiting,
                outFalseAccepts, outAttackerRequests, outAttackerAccepted, outFailedLogins,
                outDeferredRevokes);
    }

    private boolean inOutage(long t) {
        return t >= outageFromUs && t < outageUntilUs;
    }

    /**
     * Whether an accept needed the store: every request of the strategies that check it each
     * time, a {@code two-token} refresh, or any accept after the store refused a call.
     */
    private boolean neededStore(Verdict v, long refusedBefore) {
        return id == StrategyId.STATEFUL || id == StrategyId.REVOKE_ALL
                || v.issuedAccessToken() != null || outageStore.refused() != refusedBefore;
    }

    /** The initial events: every device in the steady state of its cycle, revokes, thefts. */
    private void schedule() {
        long warmUpUs = warmUp().toNanos() / 1000;
        double activeShare = sessionUs / (sessionUs + idleMeanSec * 1e6);
        for (int d = 0; d < creds.length; d++) {
            SplittableRandom r = deviceRandom[d];
            if (r.nextDouble() < activeShare) {
                long age = (long) (r.nextDouble() * sessionUs);
                sessionEnd[d] = sessionUs - age;
                queue.add(-Math.min(age, warmUpUs), SESSION_START, d);
            } else {
                long start = micros(exponential(r, 1 / idleMeanSec));
                sessionEnd[d] = start + sessionUs;
                queue.add(start, SESSION_START, d);
            }
        }
        if (s.revokeRate() > 0) {
            for (int u = 0; u < userRandom.length; u++) {
                queue.add(micros(exponential(userRandom[u], s.revokeRate())), REVOKE, u);
            }
        }
        for (int a = 0; a < victim.length; a++) {
            queue.add((long) (attackerRandom[a].nextDouble() * durationUs / 2), THEFT, a);
        }
        queue.add(durationUs, END, 0);
    }

    /** How long before the measured period a session already active then logs in. */
    private Duration warmUp() {
        return switch (id) {
            case TWO_TOKEN -> s.lab().shortTtl();
            case STATELESS, REVOKE_ALL -> s.lab().accessTtl();
            case STATEFUL -> s.lab().lastSeenResolution();
        };
    }

    private void sessionStart(long t, int d) {
        creds[d] = login(t, d);
        long end = sessionEnd[d];
        activeUs += Math.max(0, Math.min(end, durationUs) - Math.max(t, 0));
        queue.add(end, SESSION_END, d);
        scheduleRequest(t, d);
    }

    private void sessionEnd(long t, int d) {
        // The client logs out by forgetting its credentials; the server is not told.
        creds[d] = null;
        loginFailed[d] = false;
        long gap = idleMeanSec > 0 ? micros(exponential(deviceRandom[d], 1 / idleMeanSec)) : 0;
        sessionEnd[d] = t + gap + sessionUs;
        queue.add(t + gap, SESSION_START, d);
    }

    private void request(long t, int d) {
        boolean outage = inOutage(t);
        if (loginFailed[d]) {
            if (outage) {
                // Waits for the store: the request is wanted but cannot be sent.
                outRequests++;
                outWaiting++;
                scheduleRequest(t, d);
                return;
            }
            creds[d] = login(t, d);
            if (creds[d] == null) {
                scheduleRequest(t, d);
                return;
            }
        }
        Credentials c = creds[d];
        if (c == null) {
            return;
        }
        long refusedBefore = outageStore == null ? 0 : outageStore.refused();
        Verdict v = strategy.authenticate(c);
        boolean measured = t >= 0;
        if (measured) {
            requests++;
        }
        if (outage) {
            outRequests++;
            if (v.accepted()) {
                outAccepted++;
                if (neededStore(v, refusedBefore)) {
                    outFalseAccepts++;
                }
            } else if (v.reason() == Reason.STORE_UNAVAILABLE) {
                outUnavailable++;
            }
        }
        if (v.reason() == Reason.STORE_UNAVAILABLE) {
            // A 503: the session may be fine; the client keeps its credentials and goes on.
            scheduleRequest(t, d);
            return;
        }
        if (v.accepted()) {
            if (measured) {
                accepted++;
            }
            if (v.issuedAccessToken() != null) {
                creds[d] = c.withAccess(v.issuedAccessToken());
                if (measured) {
                    refreshes++;
                }
            }
        } else {
            creds[d] = login(t, d);
        }
        scheduleRequest(t, d);
    }

    private void scheduleRequest(long t, int d) {
        long next = t + micros(nextGapSeconds(d));
        if (next < sessionEnd[d]) {
            queue.add(next, REQUEST, d);
        }
    }

    private double nextGapSeconds(int d) {
        SplittableRandom r = deviceRandom[d];
        if (!s.bursty()) {
            return exponential(r, s.requestRate());
        }
        if (burstLeft[d] > 0) {
            burstLeft[d]--;
            return exponential(r, 1e9 / SimulationSettings.BURST_GAP.toNanos());
        }
        // Geometric burst size with mean BURST_MEAN; bursts arrive at rate / BURST_MEAN.
        double p = 1.0 / SimulationSettings.BURST_MEAN;
        burstLeft[d] = (int) Math.floor(Math.log(1 - r.nextDouble()) / Math.log(1 - p));
        return exponential(r, s.requestRate() / SimulationSettings.BURST_MEAN);
    }

    /** Logs the device in; null if the store is down, and the device waits for it. */
    private Credentials login(long t, int d) {
        int u = d / s.devicesPerUser();
        Credentials c;
        try {
            c = strategy.login(userName[u], deviceName[d % s.devicesPerUser()]);
        } catch (StoreUnavailableException e) {
            loginFailed[d] = true;
            if (inOutage(t)) {
                outFailedLogins++;
            }
            return null;
        }
        loginFailed[d] = false;
        if (t >= 0) {
            logins++;
        }
        return c;
    }

    private void revoke(long t, int u) {
        revokeNow(t, u);
        long next = t + micros(exponential(userRandom[u], s.revokeRate()));
        if (next < durationUs) {
            queue.add(next, REVOKE, u);
        }
    }

    /** One "log out everywhere"; if the store is down, the owner retries when it returns. */
    private void revokeNow(long t, int u) {
        try {
            strategy.revokeAll(userName[u]);
        } catch (StoreUnavailableException e) {
            if (inOutage(t)) {
                outDeferredRevokes++;
            }
            queue.add(Math.max(outageUntilUs, t + SECOND_US), REVOKE_RETRY, u);
            return;
        }
        revocations++;
        int first = u * s.devicesPerUser();
        for (int d = first; d < first + s.devicesPerUser(); d++) {
            if (creds[d] != null) {
                startProbe(t, creds[d]);
            }
        }
        if (attackersOfUser[u] != null) {
            for (int a : attackersOfUser[u]) {
                if (stolen[a] != null) {
                    victimRevoked[a] = true;
                }
            }
        }
    }

    private void theft(long t, int a) {
        Credentials c = creds[victim[a]];
        if (c == null) {
            // The victim's device is logged out now; try again later in its next session.
            if (t + THEFT_RETRY_US < durationUs) {
                queue.add(t + THEFT_RETRY_US, THEFT, a);
            }
            return;
        }
        stolen[a] = c;
        queue.add(t + micros(exponential(attackerRandom[a], s.attackerRate())), ATTACK, a);
    }

    private void attack(long t, int a) {
        long refusedBefore = outageStore == null ? 0 : outageStore.refused();
        Verdict v = strategy.authenticate(stolen[a]);
        requests++;
        attackerRequests++;
        if (inOutage(t)) {
            outAttackerRequests++;
            if (v.accepted()) {
                outAttackerAccepted++;
                if (neededStore(v, refusedBefore)) {
                    outFalseAccepts++;
                }
            }
        }
        if (v.reason() == Reason.STORE_UNAVAILABLE) {
            // The copy is not known to be dead; the attacker tries again.
            queue.add(t + micros(exponential(attackerRandom[a], s.attackerRate())), ATTACK, a);
            return;
        }
        if (!v.accepted()) {
            // A rejected copy never works again: every strategy's rejection here is final.
            stolen[a] = null;
            return;
        }
        accepted++;
        attackerAccepted++;
        if (victimRevoked[a]) {
            exposure++;
        }
        if (v.issuedAccessToken() != null) {
            stolen[a] = stolen[a].withAccess(v.issuedAccessToken());
            refreshes++;
        }
        queue.add(t + micros(exponential(attackerRandom[a], s.attackerRate())), ATTACK, a);
    }

    private void startProbe(long revokeAt, Credentials c) {
        int p;
        if (freeCount > 0) {
            p = freeProbes[--freeCount];
        } else {
            if (probeSlots == probeCreds.length) {
                probeCreds = Arrays.copyOf(probeCreds, probeSlots * 2);
                probeRevokeAt = Arrays.copyOf(probeRevokeAt, probeSlots * 2);
                freeProbes = Arrays.copyOf(freeProbes, probeSlots * 2);
            }
            p = probeSlots++;
        }
        probeCreds[p] = c;
        probeRevokeAt[p] = revokeAt;
        probe(revokeAt, p);
    }

    /** One probe of a revoked credential; on rejection its window is recorded. */
    private void probe(long t, int p) {
        long before = store.hits();
        Verdict v = strategy.authenticate(probeCreds[p]);
        if (t < durationUs) {
            probeHits += store.hits() - before;
        }
        boolean pastAnyLifetime = t - probeRevokeAt[p] > s.lab().longTtl().toNanos() / 1000;
        if (v.accepted() && !pastAnyLifetime) {
            if (v.issuedAccessToken() != null) {
                probeCreds[p] = probeCreds[p].withAccess(v.issuedAccessToken());
            }
            queue.add(Math.floorDiv(t, SECOND_US) * SECOND_US + SECOND_US, PROBE, p);
            return;
        }
        boolean deadBefore = t == probeRevokeAt[p] && v.reason() == Reason.EXPIRED;
        if (deadBefore) {
            // Expired before the revoke: the device just has not noticed yet; not a window.
            probeCreds[p] = null;
            freeProbes[freeCount++] = p;
            return;
        }
        if (windowCount == windows.length) {
            windows = Arrays.copyOf(windows, windowCount * 2);
        }
        windows[windowCount++] = (t - probeRevokeAt[p]) / 1000;
        if (v.reason() == Reason.EXPIRED || pastAnyLifetime) {
            // Rejected for age, not for the revoke: the strategy never saw the revocation.
            untilExpiry++;
        }
        probeCreds[p] = null;
        freeProbes[freeCount++] = p;
    }

    /**
     * Names of one width: HSQLDB pads the shorter of two VARCHARs before comparing them, and
     * that padding cost more than the rest of an index update when names varied in length.
     */
    private static String fixedWidth(char prefix, int index, int count) {
        String digits = Integer.toString(index);
        int width = Integer.toString(Math.max(0, count - 1)).length();
        return prefix + "0".repeat(width - digits.length()) + digits;
    }

    private static Instant at(long us) {
        return START.plusNanos(us * 1000);
    }

    private static long micros(double seconds) {
        return (long) (seconds * 1e6);
    }

    /** An exponential draw with the given rate per second, in seconds. */
    private static double exponential(SplittableRandom r, double ratePerSecond) {
        return -Math.log(1 - r.nextDouble()) / ratePerSecond;
    }
}
