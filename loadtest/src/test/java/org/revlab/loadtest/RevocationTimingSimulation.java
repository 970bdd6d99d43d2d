package org.revlab.loadtest;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Many victim/attacker pairs at once, starting over {@code revlab.spread}, each revoking at a
 * different moment of its short token's life, while other users keep calling the resource at
 * {@code revlab.backgroundRate}. Writes the distribution of windows (p50, p99, max) and the
 * exposure per strategy, and asserts the same bounds as the stolen-token run.
 * Run: {@code mvn -B -q -pl loadtest -am test-compile gatling:test
 * -Dgatling.simulationClass=org.revlab.loadtest.RevocationTimingSimulation
 * -Drevlab.strategy=two-token -Drevlab.pairs=40}.
 */
public class RevocationTimingSimulation extends AttackSimulation {

    // protocol
    private final HttpProtocolBuilder protocol = protocol();

    // scenarios
    private final ScenarioBuilder pairs = scenario("victim and thief pairs")
            .exec(victimAndThief());
    private final ScenarioBuilder background = scenario("background load")
            .exec(throughputUser("background: "));

    // injection and assertions
    {
        Duration busy = settings.spread().plus(settings.revokeAfter())
                .plus(settings.lab().shortTtl());
        List<PopulationBuilder> populations = new ArrayList<>();
        populations.add(pairs.injectOpen(rampUsers(settings.pairs()).during(settings.spread())));
        if (settings.backgroundRate() > 0) {
            double usersPerSec = (double) settings.backgroundRate() / settings.requestsPerUser();
            populations.add(background.injectOpen(constantUsersPerSec(usersPerSec)
                    .during(busy)));
        }
        setUp(populations)
                .protocols(protocol)
                .maxDuration(settings.attackerDeadline().plus(busy).plusSeconds(30))
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    protected String scenarioName() {
        return "revocation-timing";
    }

    @Override
    protected long revokeAfterMs(int pair) {
        return spreadRevoke(pair);
    }

    @Override
    protected ResultFile result(ResultFile file, Map<String, Object> metricsAfter) {
        return windowResult(file).put("background", latency.stats("background: resource"))
                .put("backgroundRelogins", relogins.get());
    }
}
