package org.revlab.loadtest;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.util.Map;

/**
 * A few victims each lose a laptop; each revokes all sessions {@code revlab.revokeAfter} after
 * logging in, and the thief calls every {@code revlab.interval}. Records per pair the exposure
 * and the revocation window, and asserts the strategy's bound (see {@link RevocationBound}).
 * Run: {@code mvn -B -q -pl loadtest -am test-compile gatling:test
 * -Dgatling.simulationClass=org.revlab.loadtest.StolenTokenSimulation -Drevlab.strategy=stateful}.
 */
public class StolenTokenSimulation extends AttackSimulation {

    // protocol
    private final HttpProtocolBuilder protocol = protocol();

    // scenario
    private final ScenarioBuilder stolenLaptop = scenario("stolen laptop")
            .exec(victimAndThief());

    // injection and assertions
    {
        setUp(stolenLaptop.injectOpen(rampUsers(settings.pairs()).during(1)))
                .protocols(protocol)
                .maxDuration(settings.attackerDeadline().plusSeconds(30))
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    protected String scenarioName() {
        return "stolen-token";
    }

    @Override
    protected long revokeAfterMs(int pair) {
        return settings.revokeAfter().toMillis();
    }

    @Override
    protected ResultFile result(ResultFile file, Map<String, Object> metricsAfter) {
        return windowResult(file);
    }
}
