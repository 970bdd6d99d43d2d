package org.revlab.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.revlab.core.Credentials;
import org.revlab.core.Lab;
import org.revlab.core.LabSettings;
import org.revlab.core.MutableClock;
import org.revlab.core.SessionStrategy;
import org.revlab.core.StrategyId;
import org.revlab.core.Verdict;
import org.revlab.core.store.SessionStore;
import org.revlab.core.store.StoreSpec;
import org.revlab.core.token.SigningAlgorithm;
import org.revlab.core.token.SigningKeys;

/**
 * What one authenticated request costs under each strategy, on real jjwt tokens and a real
 * store: time, allocation (with {@code -prof gc}) and database hits per request, for a request
 * that is accepted, one carrying a revoked credential, and one carrying a tampered token.
 *
 * <p>Time is virtual: a {@link MutableClock} moves on by {@code 1/rate} seconds after every
 * accepted-path request, so {@code two-token} refreshes as often as a client sending
 * {@code rate} requests a second would make it (1 request a second with a 60 s short TTL: one
 * request in 60). Token and session lifetimes other than the short TTL are ten years, and each
 * iteration logs in afresh, so nothing else expires during a trial. The clock step itself (one
 * {@code Instant} per request) is part of the measured cost; it is tens of nanoseconds.
 *
 * <p>Dead code: every method returns its {@link Verdict}, which JMH consumes, and the verdict
 * is also read to count accepted requests and refreshes. Credentials live in non-final state
 * fields, so nothing can be folded into a constant.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar StrategyBenchmark -prof gc
 * -p strategy=stateless,two-token -p algorithm=HS256 -p shortTtl=60s -p rate=1}; every
 * setting on this class can be overridden the same way ({@code -wi}, {@code -i}, {@code -f},
 * {@code -tu}). {@code ./revlab compare} runs it with the baselines and writes a summary.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StrategyBenchmark {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration LONG_LIFE = Duration.ofDays(3650);

    /** Strategy id, as {@link StrategyId#parse} reads it. */
    @Param({"stateless", "stateful", "revoke-all", "two-token"})
    public String strategy;

    /** JWA name: HS256, ES256, EdDSA or RS256. {@code stateful} does not use it. */
    @Param({"HS256"})
    public String algorithm;

    /** The short-token lifetime of {@code two-token}, such as {@code 60s}; others ignore it. */
    @Param({"60s"})
    public String shortTtl;

    /** Requests per second per session: how far the virtual clock moves between requests. */
    @Param({"1"})
    public double rate;

    /** The session store: any {@code --store} form ({@link StoreSpec#parse}). */
    @Param({"mem"})
    public String store;

    private MutableClock clock;
    private Duration step;
    private Lab lab;
    private SessionStrategy subject;
    private SessionStore sessionStore;
    private Credentials current;
    private Credentials revoked;
    private Credentials tampered;
    private int logins;

    @Setup(Level.Trial)
    public void openLab() {
        if (!(rate >= 0.001 && rate <= 1_000_000)) {
            throw new IllegalArgumentException("Benchmark parameter rate=" + rate
                    + " is out of range; give 0.001 to 1000000 requests a second.");
        }
        LabSettings settings = new LabSettings(LONG_LIFE, Lab.parseDuration(shortTtl), LONG_LIFE,
                LabSettings.DEFAULTS.clockSkew(), LabSettings.DEFAULTS.lastSeenResolution());
        step = Duration.ofNanos(Math.round(1e9 / rate));
        clock = MutableClock.startingAt(START);
        lab = Lab.open(StrategyId.parse(strategy),
                SigningKeys.generate(SigningAlgorithm.parse(algorithm)),
                StoreSpec.parse(store).open(), clock, settings);
        subject = lab.strategy();
        sessionStore = lab.store();

        // A thief's copy after "log out everywhere", presented once the revoke has had the time
        // to take effect: for two-token that means its short token has expired.
        Credentials victim = subject.login("victim", "laptop");
        subject.revokeAll("victim");
        clock.advance(settings.shortTtl().plusSeconds(1));
        revoked = victim;
    }

    @Setup(Level.Iteration)
    public void logIn() {
        current = subject.login("bench-user-" + (logins++), "phone");
        tampered = current.withAccess(tamper(current.access()));
    }

    @TearDown(Level.Trial)
    public void closeLab() {
        lab.close();
    }

    /** An accepted request; the client keeps any short token the response hands it. */
    @Benchmark
    public Verdict accept(RequestCounters counters) {
        long hitsBefore = sessionStore.hits();
        Verdict verdict = subject.authenticate(current);
        if (verdict.issuedAccessToken() != null) {
            current = current.withAccess(verdict.issuedAccessToken());
            counters.refreshes++;
        }
        count(counters, verdict, hitsBefore);
        clock.advance(step);
        return verdict;
    }

    /** A revoked credential: rejected by every strategy that can revoke; stateless accepts it. */
    @Benchmark
    public Verdict revoked(RequestCounters counters) {
        long hitsBefore = sessionStore.hits();
        Verdict verdict = subject.authenticate(revoked);
        count(counters, verdict, hitsBefore);
        return verdict;
    }

    /** A credential altered by its holder: a re-encoded payload, or one changed session-id. */
    @Benchmark
    public Verdict tampered(RequestCounters counters) {
        long hitsBefore = sessionStore.hits();
        Verdict verdict = subject.authenticate(tampered);
        count(counters, verdict, hitsBefore);
        return verdict;
    }

    private void count(RequestCounters counters, Verdict verdict, long hitsBefore) {
        counters.dbHits += sessionStore.hits() - hitsBefore;
        counters.requests++;
        if (verdict.accepted()) {
            counters.accepted++;
        }
    }

    /**
     * A JWT with another subject in a validly encoded payload and the original signature, so
     * that only the signature check can catch it; an opaque session id with one character
     * changed, which is well formed but names no session.
     */
    static String tamper(String credential) {
        int first = credential.indexOf('.');
        int last = credential.lastIndexOf('.');
        if (first < 0 || first == last) {
            char c = credential.charAt(0);
            return (c == 'A' ? 'B' : 'A') + credential.substring(1);
        }
        String json = new String(Base64.getUrlDecoder().decode(
                credential.substring(first + 1, last)), StandardCharsets.UTF_8);
        String forged = json.replaceFirst("\"sub\":\"[^\"]*\"", "\"sub\":\"mallory\"");
        if (forged.equals(json)) {
            throw new IllegalStateException("No sub claim to tamper with in " + json);
        }
        return credential.substring(0, first + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(
                        forged.getBytes(StandardCharsets.UTF_8))
                + credential.substring(last);
    }
}
