package org.revlab.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.revlab.core.Lab;
import org.revlab.core.StrategyId;
import org.revlab.core.store.JdbcSessionStore;
import org.revlab.core.store.StoreSettings;
import org.revlab.core.store.SwitchableSessionStore;

/**
 * The store goes down {@value #DOWN_AFTER_MS} ms into the run for {@code revlab.outage}
 * (default 3s) and comes back, while a few users call {@code /resource} every
 * {@code revlab.interval}. Records, from the client's side, availability during the outage,
 * the 503s, false accepts (a 200 that needed the store: any 200 for stateful and revoke-all, a
 * refresh for two-token) and how long after the store's return the first such 200 came back;
 * fails the run on any false accept. In-process server only, since the store is switched here.
 * Run: {@code mvn -B -q -pl loadtest -am test-compile gatling:test
 * -Dgatling.simulationClass=org.revlab.loadtest.OutageSimulation -Drevlab.strategy=stateful}.
 */
public class OutageSimulation extends LabSimulation {

    static final long DOWN_AFTER_MS = 3_000;
    private static final long AFTER_UP_MS = 3_000;
    private static final int USERS = 10;

    private final Duration outage = outageSetting();
    private final long intervalMs = settings.interval().toMillis();
    private final int rounds = (int) ((DOWN_AFTER_MS + outage.toMillis() + AFTER_UP_MS)
            / intervalMs) + 1;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> {
                Thread t = new Thread(r, "revlab-outage-switch");
                t.setDaemon(true);
                return t;
            });
    private volatile SwitchableSessionStore store;
    private volatile long downAtMs = -1;
    private volatile long upAtMs = -1;

    private final AtomicLong during = new AtomicLong();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong falseAccepts = new AtomicLong();
    private final AtomicLong straddling = new AtomicLong();
    private final AtomicLong firstRecoveredAtMs = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong unavailableAfterUp = new AtomicLong();

    // protocol
    private final HttpProtocolBuilder protocol = protocol();

    // scenario
    private final ScenarioBuilder users = scenario("outage")
            .exec(newUser("outage"))
            .exec(login("log in", "laptop", "access", "longLived"))
            .repeat(rounds).on(pace(settings.interval())
                    .exec(LabSimulation::beforeRequest)
                    .exec(timed(authorized(http("resource").get(url("/resource")), "access",
                            "longLived")).check(status().in(200, 401, 503).saveAs("status")))
                    .exec(this::classify)
                    .doIf(session -> session.contains("status")
                            && session.getInt("status") == 401).then(
                            exec(relogin())));

    // injection and assertions
    {
        if (!settings.targets().isEmpty()) {
            throw new IllegalArgumentException("OutageSimulation switches the store of a server"
                    + " it starts itself; unset revlab.target and revlab.targets (it runs"
                    + " in-process only).");
        }
        setUp(users.injectOpen(rampUsers(USERS).during(1)))
                .protocols(protocol)
                .maxDuration(Duration.ofMillis(DOWN_AFTER_MS + AFTER_UP_MS)
                        .plus(outage).plusSeconds(30))
                .assertions(global().failedRequests().count().is(0L));
    }

    private static Duration outageSetting() {
        String text = System.getProperty("revlab.outage", "3s").trim();
        Duration d;
        try {
            d = Lab.parseDuration(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("revlab.outage: " + e.getMessage(), e);
        }
        if (d.toMillis() < 500 || d.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("revlab.outage " + text + " is out of range;"
                    + " give 500ms to 1m.");
        }
        return d;
    }

    @Override
    protected String scenarioName() {
        return "outage";
    }

    @Override
    protected LabTarget openTarget() {
        store = new SwitchableSessionStore(new JdbcSessionStore(StoreSettings.memory()));
        return LabTarget.inProcess(settings, store);
    }

    @Override
    public void before() {
        super.before();
        // Stamped after down() and before up(): a request sent after downAt reaches a store
        // that is already off, and one answered before upAt was served while it still was.
        timer.schedule(() -> {
            store.down();
            downAtMs = System.currentTimeMillis();
        }, DOWN_AFTER_MS, TimeUnit.MILLISECONDS);
        timer.schedule(() -> {
            upAtMs = System.currentTimeMillis();
            store.up();
        }, DOWN_AFTER_MS + outage.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void after() {
        timer.shutdownNow();
        // Should Gatling stop before the timer fired, never leave the server's store off.
        if (store != null) {
            store.up();
        }
        super.after();
    }

    /** Whether a 200 to this request could only be given by reading the store. */
    private boolean neededStore(Session session) {
        return switch (settings.strategy()) {
            case STATEFUL, REVOKE_ALL -> true;
            case TWO_TOKEN -> session.contains("newAccess");
            case STATELESS -> false;
        };
    }

    private Session classify(Session session) {
        if (session.contains("rt") && session.contains("status")) {
            long sent = session.getLong("sentAt");
            long answered = sent + session.getLong("rt");
            int code = session.getInt("status");
            long down = downAtMs;
            long up = upAtMs;
            boolean afterDown = down >= 0 && sent >= down;
            if (afterDown && (up < 0 || answered < up)) {
                during.incrementAndGet();
                if (code == 200) {
                    ok.incrementAndGet();
                    if (neededStore(session)) {
                        falseAccepts.incrementAndGet();
                    }
                } else if (code == 503) {
                    unavailable.incrementAndGet();
                } else {
                    rejected.incrementAndGet();
                }
            } else if (up >= 0 && sent >= up) {
                if (code == 200 && neededStore(session)) {
                    firstRecoveredAtMs.accumulateAndGet(answered, Math::min);
                } else if (code == 503) {
                    unavailableAfterUp.incrementAndGet();
                }
            } else if (afterDown || (down >= 0 && answered >= down)) {
                straddling.incrementAndGet();
            }
        }
        return afterRequest(session, "resource", "access");
    }

    /** A log-in after an expired token; during the outage it may get a 503 and is retried. */
    private HttpRequestActionBuilder relogin() {
        HttpRequestActionBuilder r = http("log in again").post(url("/login"))
                .body(StringBody("{\"user\":\"#{user}\",\"device\":\"laptop\"}"))
                .check(status().in(200, 503), jsonPath("$.access").optional().saveAs("access"));
        return twoToken ? r.check(jsonPath("$.longLived").optional().saveAs("longLived")) : r;
    }

    @Override
    protected ResultFile result(ResultFile file, Map<String, Object> metricsAfter) {
        long requests = during.get();
        long recovered = firstRecoveredAtMs.get();
        boolean needsStore = settings.strategy() != StrategyId.STATELESS;
        long recoveryMs = recovered == Long.MAX_VALUE || upAtMs < 0 ? -1 : recovered - upAtMs;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("downAfterMs", DOWN_AFTER_MS);
        m.put("plannedMs", outage.toMillis());
        m.put("measuredMs", downAtMs < 0 || upAtMs < 0 ? -1 : upAtMs - downAtMs);
        m.put("users", USERS);
        m.put("requests", requests);
        m.put("ok", ok.get());
        m.put("unavailable503", unavailable.get());
        m.put("rejected401", rejected.get());
        m.put("availabilityPct", requests == 0 ? -1.0
                : Math.round(ok.get() * 1000.0 / requests) / 10.0);
        m.put("falseAccepts", falseAccepts.get());
        m.put("straddling", straddling.get());
        m.put("unavailableAfterUp", unavailableAfterUp.get());
        m.put("recoveryMs", needsStore ? recoveryMs : -1);
        m.put("storeRequest", switch (settings.strategy()) {
            case STATEFUL, REVOKE_ALL -> "every request";
            case TWO_TOKEN -> "a refresh (a 200 carrying X-New-Access-Token)";
            case STATELESS -> "none";
        });
        file.put("outage", m);

        long falses = falseAccepts.get();
        Map<String, Object> noFalse = new LinkedHashMap<>();
        noFalse.put("name", "no false accept during the outage");
        noFalse.put("limit", 0);
        noFalse.put("observed", falses);
        noFalse.put("passed", falses == 0 && requests > 0);
        noFalse.put("sentence", settings.strategy().id() + ": " + falses + " of " + requests
                + " requests during the outage were accepted although only the store could"
                + " decide them; the limit is 0" + (requests == 0
                ? " (and no request fell inside the outage, so nothing was measured)." : "."));
        Map<String, Object> recovers = new LinkedHashMap<>();
        recovers.put("name", "recovers after the store returns");
        recovers.put("limit", AFTER_UP_MS);
        recovers.put("observed", recoveryMs);
        boolean recoveredInTime = !needsStore || recoveryMs >= 0;
        recovers.put("passed", recoveredInTime);
        recovers.put("sentence", settings.strategy().id() + ": no request that needed the store"
                + " succeeded in the " + AFTER_UP_MS + " ms after it returned.");
        file.put("bounds", List.of(noFalse, recovers));
        file.put("passed", Boolean.TRUE.equals(noFalse.get("passed")) && recoveredInTime);
        return file;
    }

    @Override
    protected void onWritten(ResultFile file) {
        if (!file.passed()) {
            throw new IllegalStateException("outage against " + settings.strategy()
                    + ": a false accept or no recovery; see " + settings.out() + ".");
        }
    }
}
