package org.revlab.loadtest;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.Map;

/**
 * Users arrive for {@code revlab.duration}, log in and call the protected resource once per
 * {@code revlab.userPace}, aiming at {@code revlab.rate} resource requests per second in all,
 * each followed by the same server's unauthenticated {@code /public} as a baseline. Records
 * req/s, latency percentiles and database hits per second (from the server's metrics). On a
 * 2-core machine shared with the in-process server, a run of under a minute is dominated by
 * JIT warm-up: compare strategies within one run, not with figures from longer runs.
 * Run: {@code mvn -B -q -pl loadtest -am test-compile gatling:test
 * -Dgatling.simulationClass=org.revlab.loadtest.ThroughputSimulation -Drevlab.strategy=stateful
 * -Drevlab.rate=300 -Drevlab.duration=60s}.
 */
public class ThroughputSimulation extends LabSimulation {

    // protocol: connections shared, so that the figures measure requests, not TCP set-ups
    private final HttpProtocolBuilder protocol = protocol().shareConnections();

    // scenario
    private final ScenarioBuilder users = scenario("throughput").exec(throughputUser(""));

    // injection and assertions
    {
        double usersPerSec = (double) settings.rate() / settings.requestsPerUser();
        setUp(users.injectOpen(constantUsersPerSec(usersPerSec).during(settings.duration())))
                .protocols(protocol)
                .maxDuration(settings.duration().plus(settings.userPace()
                        .multipliedBy(settings.requestsPerUser())).plusSeconds(60))
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    protected String scenarioName() {
        return "throughput";
    }

    @Override
    protected ResultFile result(ResultFile file, Map<String, Object> metricsAfter) {
        Map<String, Object> resource = latency.stats("resource");
        Map<String, Object> baseline = latency.stats("public");
        file.put("resource", resource).put("baseline", baseline).put("bounds", java.util.List.of());
        long expected = (long) settings.requestsPerUser()
                * Math.round(settings.rate() / (double) settings.requestsPerUser()
                * settings.duration().toSeconds());
        file.put("expectedResourceRequests", expected);
        file.put("relogins", relogins.get());
        return file;
    }
}
