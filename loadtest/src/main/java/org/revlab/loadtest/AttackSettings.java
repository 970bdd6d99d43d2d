package org.revlab.loadtest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.revlab.core.Lab;
import org.revlab.core.LabSettings;
import org.revlab.core.StrategyId;

/**
 * The knobs of every simulation, read from system properties ({@code -Drevlab.strategy=…}) with
 * defaults sized for a short run. A bad value fails at start-up with the property, the value
 * and what is accepted, before any traffic is sent.
 *
 * @param strategy the strategy the server runs ({@code revlab.strategy})
 * @param lab lifetimes: {@code revlab.shortTtl}, {@code revlab.accessTtl}, {@code revlab.longTtl}
 * @param target an external server ({@code revlab.target}), or null to start one in-process
 * @param targets several external nodes sharing one store ({@code revlab.targets=url1,url2});
 *     users are spread over them and each thief calls another node than its victim. Holds
 *     {@code target} alone when only that was given, and nothing for an in-process server
 * @param out where the per-strategy result JSON goes ({@code revlab.out}; the pom sets
 *     {@code loadtest/target/revlab} as the default)
 * @param duration how long throughput users keep arriving ({@code revlab.duration})
 * @param rate resource requests per second the throughput load aims at ({@code revlab.rate})
 * @param requestsPerUser resource calls per throughput user ({@code revlab.requestsPerUser})
 * @param userPace time between one user's resource calls ({@code revlab.userPace})
 * @param pairs victim/attacker pairs ({@code revlab.pairs})
 * @param interval time between one attacker's calls ({@code revlab.interval})
 * @param revokeAfter how long after log-in the victim revokes ({@code revlab.revokeAfter})
 * @param spread over how long the pairs start, so revokes spread over the run
 *     ({@code revlab.spread})
 * @param backgroundRate resource requests per second of other users while pairs run
 *     ({@code revlab.backgroundRate}; 0 for none)
 * @param warmUp log-in and resource calls sent before the run starts, so that a cold JIT
 *     does not pass for the strategy's cost or stretch the first windows
 *     ({@code revlab.warmUp}; 0 for none)
 */
public record AttackSettings(
        StrategyId strategy,
        LabSettings lab,
        URI target,
        List<URI> targets,
        Path out,
        Duration duration,
        int rate,
        int requestsPerUser,
        Duration userPace,
        int pairs,
        Duration interval,
        Duration revokeAfter,
        Duration spread,
        int backgroundRate,
        int warmUp) {

    /** Reads the settings of this JVM's system properties. */
    public static AttackSettings fromSystemProperties() {
        return from(System::getProperty);
    }

    /**
     * Reads and checks the settings from {@code props} (property name to value, null when
     * unset). The CLI calls this before it starts any simulation, so that a bad option is
     * refused with the same ranges the simulations enforce.
     *
     * @throws IllegalArgumentException naming the property, the value and what is accepted
     */
    public static AttackSettings from(Function<String, String> props) {
        StrategyId strategy = StrategyId.parse(prop(props, "revlab.strategy", "two-token"));
        LabSettings lab = LabSettings.DEFAULTS
                .withLongTtl(duration(props, "revlab.longTtl", "1h"))
                .withShortTtl(duration(props, "revlab.shortTtl", "2s"))
                .withAccessTtl(duration(props, "revlab.accessTtl", "4s"));
        List<URI> targets = new ArrayList<>();
        String many = props.apply("revlab.targets");
        String target = props.apply("revlab.target");
        if (many != null && !many.isBlank()) {
            for (String part : many.split(",")) {
                targets.add(loopbackTarget(part.trim()));
            }
        } else if (target != null && !target.isBlank()) {
            targets.add(loopbackTarget(target));
        }
        AttackSettings s = new AttackSettings(strategy, lab,
                targets.isEmpty() ? null : targets.get(0), List.copyOf(targets),
                Path.of(prop(props, "revlab.out",
                        prop(props, "revlab.defaultOut", "target/revlab"))),
                duration(props, "revlab.duration", "20s"),
                integer(props, "revlab.rate", 200, 1, 20_000),
                integer(props, "revlab.requestsPerUser", 20, 1, 10_000),
                duration(props, "revlab.userPace", "100ms"),
                integer(props, "revlab.pairs", 3, 1, 2_000),
                duration(props, "revlab.interval", "250ms"),
                duration(props, "revlab.revokeAfter", "1s"),
                duration(props, "revlab.spread", "10s"),
                integer(props, "revlab.backgroundRate", 100, 0, 20_000),
                integer(props, "revlab.warmUp", 300, 0, 100_000));
        s.validate();
        return s;
    }

    private void validate() {
        Duration userLife = userPace.multipliedBy(requestsPerUser);
        if (userLife.compareTo(lab.accessTtl()) >= 0 && strategy != StrategyId.TWO_TOKEN) {
            throw new IllegalArgumentException("revlab.requestsPerUser " + requestsPerUser
                    + " x revlab.userPace " + userPace + " = " + userLife + " outlives the access"
                    + " token (revlab.accessTtl " + lab.accessTtl() + "); throughput users would"
                    + " be rejected as expired. Lower one or raise revlab.accessTtl.");
        }
        if (interval.toMillis() < 10 || interval.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("revlab.interval " + show(interval)
                    + " is out of range; give 10ms to 10s.");
        }
        // A zero or negative span would make Gatling's injection profiles throw mid-run.
        within("revlab.duration", duration, Duration.ofSeconds(1), Duration.ofHours(1),
                "1s to 1h");
        within("revlab.spread", spread, Duration.ofSeconds(1), Duration.ofHours(1), "1s to 1h");
        within("revlab.revokeAfter", revokeAfter, Duration.ZERO, Duration.ofHours(1),
                "0s to 1h");
        if (userPace.toMillis() < 1) {
            throw new IllegalArgumentException("revlab.userPace " + userPace + " is too short;"
                    + " give at least 1ms.");
        }
        // The stateless assertion needs the thief to hold a live token when the revoke lands;
        // exp is whole seconds rounded down, so keep a second and an interval in hand.
        Duration latestRevoke = lab.accessTtl().minusSeconds(1).minus(interval);
        if (strategy == StrategyId.STATELESS && revokeAfter.compareTo(latestRevoke) > 0) {
            throw new IllegalArgumentException("revlab.revokeAfter " + revokeAfter + " leaves"
                    + " no time before the access token expires (revlab.accessTtl "
                    + lab.accessTtl() + "); give at most " + latestRevoke + ".");
        }
    }

    /** The revocation window this strategy may have at most over HTTP, or zero. */
    public Duration windowLimit() {
        return switch (strategy) {
            case STATEFUL, REVOKE_ALL -> Duration.ZERO;
            case TWO_TOKEN -> lab.shortTtl().plus(interval);
            case STATELESS -> lab.accessTtl().plus(interval);
        };
    }

    /** Every simulation loop stops by this time at the latest, whatever the server answers. */
    public Duration attackerDeadline() {
        return revokeAfter.plus(lab.accessTtl()).plus(lab.shortTtl())
                .plus(interval.multipliedBy(4)).plusSeconds(2);
    }

    private static void within(String name, Duration value, Duration min, Duration max,
            String range) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " " + show(value) + " is out of range;"
                    + " give " + range + ".");
        }
    }

    /** A duration as the user wrote it (250ms, 5s, -5s) rather than ISO-8601's PT0.25S. */
    static String show(Duration d) {
        long ms = d.toMillis();
        return ms != 0 && ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    private static String prop(Function<String, String> props, String name, String fallback) {
        String v = props.apply(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static Duration duration(Function<String, String> props, String name,
            String fallback) {
        String v = prop(props, name, fallback);
        try {
            return Lab.parseDuration(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static int integer(Function<String, String> props, String name, int fallback,
            int min, int max) {
        String v = prop(props, name, Integer.toString(fallback));
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + v + "' is not a whole number; give "
                    + min + " to " + max + ".", e);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(name + " " + n + " is out of range; give " + min
                    + " to " + max + ".");
        }
        return n;
    }

    private static URI loopbackTarget(String text) {
        URI uri;
        try {
            uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("revlab.target '" + text + "' is not a URL; give"
                    + " http://127.0.0.1:PORT of a running './revlab serve'.", e);
        }
        if (!"http".equals(uri.getScheme()) || !"127.0.0.1".equals(uri.getHost())
                || uri.getPort() < 1) {
            throw new IllegalArgumentException("revlab.target '" + text + "' is not allowed; give"
                    + " http://127.0.0.1:PORT, since no load may leave this machine.");
        }
        return uri;
    }
}
