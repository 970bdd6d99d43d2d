package org.revlab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.revlab.core.Credentials;
import org.revlab.core.Lab;
import org.revlab.core.LabSettings;
import org.revlab.core.MutableClock;
import org.revlab.core.SessionStrategy;
import org.revlab.core.StrategyId;
import org.revlab.core.Verdict;
import org.revlab.core.store.StoreSettings;
import org.revlab.core.token.SigningAlgorithm;
import org.revlab.core.token.SigningKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Plays the stolen-laptop story once per strategy on a virtual clock and prints every verdict
 * with the database hits it cost: the whole trade-off in a few seconds, measuring nothing.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Play log-in, a stolen token and 'log out everywhere' once per strategy.")
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--short-ttl", defaultValue = "60s",
            description = "Short-token lifetime for two-token (default: ${DEFAULT-VALUE}).")
    String shortTtl;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LabSettings settings = LabSettings.DEFAULTS.withShortTtl(Lab.parseDuration(shortTtl));
        out.printf("%-11s %-40s %-9s %-16s %s%n", "strategy", "step", "verdict", "reason",
                "db hits");
        for (StrategyId id : StrategyId.values()) {
            MutableClock clock = new MutableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
            try (Lab lab = Lab.open(id, SigningKeys.generate(SigningAlgorithm.HS256),
                    StoreSettings.memory(), clock, settings)) {
                SessionStrategy s = lab.strategy();
                Credentials laptop = s.login("alice", "laptop");
                Credentials stolen = new Credentials(laptop.access(), laptop.longLived());
                step(out, lab, "owner's request", () -> s.authenticate(laptop));
                step(out, lab, "thief's request with a copy", () -> s.authenticate(stolen));
                long before = lab.store().hits();
                s.revokeAll("alice");
                out.printf("%-11s %-40s %-9s %-16s %d%n", id, "owner: log out everywhere", "-",
                        "-", lab.store().hits() - before);
                step(out, lab, "thief, right after", () -> s.authenticate(stolen));
                clock.advance(settings.shortTtl());
                step(out, lab, "thief, one short TTL later", () -> s.authenticate(stolen));
                Credentials again = s.login("alice", "laptop");
                step(out, lab, "owner logs in again, same second", () -> s.authenticate(again));
            }
        }
        out.println("Times are virtual; no figure here is a measurement. Run './revlab compare'"
                + " for costs.");
        return 0;
    }

    private static void step(PrintWriter out, Lab lab, String what, Supplier<Verdict> request) {
        long before = lab.store().hits();
        Verdict v = request.get();
        out.printf("%-11s %-40s %-9s %-16s %d%n", lab.strategy().id(), what,
                v.accepted() ? "accepted" : "rejected", v.reason().code(),
                lab.store().hits() - before);
    }
}
