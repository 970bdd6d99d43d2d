package org.revlab.loadtest;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.revlab.core.StrategyId;

/**
 * What the three simulations share: settings from system properties, the server (started in
 * {@link #before()} unless {@code revlab.target} names one, stopped in {@link #after()}), the
 * log-in and resource requests with token adoption for {@code two-token}, and the result file.
 * URLs are resolved per request, because the ephemeral port is only known once
 * {@code before()} has started the server, after Gatling built the scenario.
 */
public abstract class LabSimulation extends Simulation {

    protected final AttackSettings settings = AttackSettings.fromSystemProperties();
    protected final boolean twoToken = settings.strategy() == StrategyId.TWO_TOKEN;
    protected final LatencyRecorder latency = new LatencyRecorder();
    private final AtomicLong users = new AtomicLong();
    /** Throughput users whose token expired mid-loop and who logged in again. */
    protected final AtomicLong relogins = new AtomicLong();
    protected volatile LabTarget target;
    protected volatile Map<String, Object> metricsBefore;
    protected volatile long startedAtMs;

    /** The scenario name used in result files: {@code throughput}, {@code stolen-token}, … */
    protected abstract String scenarioName();

    /** Fills the result file once the run is over: figures, windows and bounds. */
    protected abstract ResultFile result(ResultFile file, Map<String, Object> metricsAfter);

    @Override
    public void before() {
        target = openTarget();
        target.warmUp(settings.warmUp());
        metricsBefore = target.metrics();
        startedAtMs = System.currentTimeMillis();
        System.out.println("LabSimulation: " + scenarioName() + " against " + settings.strategy()
                + " at " + String.join(", ", target.baseUrls())
                + (target.inProcess() ? " (in-process)" : ""));
    }

    @Override
    public void after() {
        ResultFile file = new ResultFile(scenarioName(), settings, target);
        try {
            Map<String, Object> metricsAfter = target.metrics();
            long span = System.currentTimeMillis() - startedAtMs;
            file.put("dbHits", ResultFile.dbHits(metricsBefore, metricsAfter, span));
            result(file, metricsAfter);
        } finally {
            target.close();
        }
        System.out.println("LabSimulation: wrote " + file.write(settings.out()).toAbsolutePath()
                + (file.passed() ? "" : " (a bound broke)"));
        onWritten(file);
    }

    /** The server of the run; the outage scenario starts its own with a switchable store. */
    protected LabTarget openTarget() {
        return LabTarget.open(settings);
    }

    /** Hook after the result file is written; the attack simulations fail the run here. */
    protected void onWritten(ResultFile file) {
    }

    protected HttpProtocolBuilder protocol() {
        // No warm-up request: Gatling's default one goes to its website.
        return http.disableWarmUp().acceptHeader("application/json")
                .contentTypeHeader("application/json");
    }

    /** A path on the user's node: users are spread over the nodes by their Gatling id. */
    protected Function<Session, String> url(String path) {
        return url(path, 0);
    }

    /**
     * A path on the node {@code offset} places after the user's own: the thief calls with
     * offset 1, so that with several nodes it never uses its victim's node.
     */
    protected Function<Session, String> url(String path, int offset) {
        return session -> target.baseUrl(session.userId() + offset) + path;
    }

    /** A fresh user name per virtual user, so that revokes never touch other users. */
    protected ChainBuilder newUser(String prefix) {
        return exec(session -> session.set("user", prefix + "-" + users.incrementAndGet()));
    }

    /** Logs the session's user in on {@code device}; saves access (and long-lived) tokens. */
    protected HttpRequestActionBuilder login(String name, String device, String accessKey,
            String longKey) {
        HttpRequestActionBuilder request = http(name).post(url("/login"))
                .body(io.gatling.javaapi.core.CoreDsl.StringBody(
                        "{\"user\":\"#{user}\",\"device\":\"" + device + "\"}"))
                .check(status().is(200),
                        jsonPath("$.strategy").is(settings.strategy().id()),
                        jsonPath("$.access").saveAs(accessKey));
        return twoToken ? request.check(jsonPath("$.longLived").saveAs(longKey)) : request;
    }

    /** Adds the credentials of {@code accessKey}/{@code longKey} to a request. */
    protected HttpRequestActionBuilder authorized(HttpRequestActionBuilder request,
            String accessKey, String longKey) {
        HttpRequestActionBuilder r = request.header("Authorization", "Bearer #{" + accessKey + "}");
        return twoToken ? r.header("X-Long-Lived-Token", "#{" + longKey + "}") : r;
    }

    /** Saves what the caller needs to adopt a transparently refreshed token and time it. */
    protected HttpRequestActionBuilder timed(HttpRequestActionBuilder request) {
        return request.check(responseTimeInMillis().saveAs("rt"),
                header("X-New-Access-Token").optional().saveAs("newAccess"));
    }

    /** Stamps the send time and clears what the previous answer left in the session. */
    protected static Session beforeRequest(Session session) {
        return session.set("sentAt", System.currentTimeMillis()).remove("newAccess")
                .remove("reason").remove("rt").remove("status");
    }

    /** Records latency and adopts a new access token, as a real client must. */
    protected Session afterRequest(Session session, String series, String accessKey) {
        if (session.contains("rt")) {
            latency.record(series, session.getLong("sentAt"), session.getLong("rt"));
        }
        if (session.contains("newAccess")) {
            return session.set(accessKey, session.getString("newAccess"));
        }
        return session;
    }

    /**
     * A throughput user: logs in, then calls the resource and the unauthenticated baseline
     * once per {@code userPace}, {@code requestsPerUser} times. When a busy machine stretches
     * the loop past the token's life, the answer is 401 {@code expired} and the user logs in
     * again, as a real client would; any other rejection fails the request.
     */
    protected ChainBuilder throughputUser(String prefix) {
        String resource = prefix + "resource";
        String baseline = prefix + "public";
        return newUser("load")
                .exec(login(prefix + "log in", "laptop", "access", "longLived"))
                .repeat(settings.requestsPerUser()).on(
                        io.gatling.javaapi.core.CoreDsl.pace(settings.userPace())
                                .exec(LabSimulation::beforeRequest)
                                .exec(timed(authorized(http(resource).get(url("/resource")),
                                        "access", "longLived"))
                                        .check(status().in(200, 401).saveAs("status"))
                                        .checkIf((response, session) ->
                                                response.status().code() == 401)
                                        .then(jsonPath("$.reason").is("expired")))
                                .exec(session -> afterRequest(session, resource, "access"))
                                .doIf(session -> session.getInt("status") == 401).then(
                                        exec(session -> {
                                            relogins.incrementAndGet();
                                            return session;
                                        }).exec(login(prefix + "log in again", "laptop",
                                                "access", "longLived")))
                                .exec(LabSimulation::beforeRequest)
                                .exec(timed(http(baseline).get(url("/public")))
                                        .check(status().is(200)))
                                .exec(session -> afterRequest(session, baseline, "access")));
    }
}
