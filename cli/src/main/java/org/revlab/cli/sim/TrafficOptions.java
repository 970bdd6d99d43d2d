package org.revlab.cli.sim;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.revlab.core.Lab;
import org.revlab.core.LabSettings;
import org.revlab.core.sim.Rates;
import org.revlab.core.sim.SimulationSettings;
import picocli.CommandLine.Option;

/**
 * The traffic shape shared by {@code simulate} and {@code tune}. Options without a value fall
 * back to the normal defaults, or to a small, fast shape for {@code simulate --check}; every
 * bad value is refused with the option's name and the accepted range.
 */
public final class TrafficOptions {

    @Option(names = "--users", paramLabel = "N",
            description = "Users (default: 10000; 200 with --check).")
    Integer users;

    @Option(names = "--devices", paramLabel = "N",
            description = "Devices per user, each with its own sessions (default: 2).")
    Integer devices;

    @Option(names = "--session-length", paramLabel = "DURATION",
            description = "How long a device stays logged in and busy (default: 30m; 20m with"
                    + " --check).")
    String sessionLength;

    @Option(names = "--idle", paramLabel = "DURATION",
            description = "Mean pause between a device's sessions, exponential; 0s for back to"
                    + " back (default: 30m; 10m with --check).")
    String idle;

    @Option(names = "--rate", paramLabel = "RATE",
            description = "Requests per second of one active session, Poisson; a bare number is"
                    + " per second, or write 30/m, 2/h (default: 0.05/s; 0.2/s with --check).")
    String rate;

    @Option(names = "--bursty",
            description = "Requests come in bursts of about 8, 250 ms apart, at the same mean"
                    + " rate.")
    boolean bursty;

    @Option(names = "--revoke-rate", paramLabel = "RATE",
            description = "'Log out everywhere' per user, Poisson (default: 0.1/h; 4/h with"
                    + " --check).")
    String revokeRate;

    @Option(names = "--attackers", paramLabel = "N",
            description = "Stolen credential copies in use (default: 100; 60 with --check).")
    Integer attackers;

    @Option(names = "--attacker-rate", paramLabel = "RATE",
            description = "Requests per second of one attacker (default: 0.2/s; 0.5/s with"
                    + " --check).")
    String attackerRate;

    @Option(names = "--duration", paramLabel = "DURATION",
            description = "Simulated time measured, after a warm-up (default: 1h; 20m with"
                    + " --check).")
    String duration;

    @Option(names = "--access-ttl", paramLabel = "DURATION",
            description = "Token lifetime of stateless and revoke-all (default: 15m; 5m with"
                    + " --check).")
    String accessTtl;

    @Option(names = "--long-ttl", paramLabel = "DURATION",
            description = "Long-lived token of two-token, and a stateful session (default: 7d).")
    String longTtl;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of every random stream; same seed, same numbers (default: 1).")
    Long seed;

    /** The shape, with {@code shortTtl} for two-token; {@code check} picks the small defaults. */
    public SimulationSettings settings(String shortTtlText, boolean check) {
        Duration access = duration("--access-ttl", accessTtl, check ? "5m" : "15m");
        Duration longLived = duration("--long-ttl", longTtl, "7d");
        Duration shortTtl = duration("--short-ttl", shortTtlText, check ? "30s" : "1m");
        requireTtl("--short-ttl", shortTtl, longLived, true);
        requireTtl("--access-ttl", access, longLived, false);
        LabSettings lab = new LabSettings(access, shortTtl, longLived,
                LabSettings.DEFAULTS.clockSkew(), LabSettings.DEFAULTS.lastSeenResolution());
        int userCount = or(users, check ? 200 : 10_000);
        int deviceCount = or(devices, 2);
        // The default attacker count shrinks with a small population; a given one is checked.
        int defaultAttackers = (int) Math.max(0,
                Math.min(check ? 60 : 100, (long) userCount * deviceCount));
        return new SimulationSettings(
                userCount,
                deviceCount,
                duration("--session-length", sessionLength, check ? "20m" : "30m"),
                duration("--idle", idle, check ? "10m" : "30m"),
                Rates.perSecond("--rate", or(rate, check ? "0.2/s" : "0.05/s")),
                bursty,
                Rates.perSecond("--revoke-rate", or(revokeRate, check ? "4/h" : "0.1/h")),
                or(attackers, defaultAttackers),
                Rates.perSecond("--attacker-rate", or(attackerRate, check ? "0.5/s" : "0.2/s")),
                duration("--duration", duration, check ? "20m" : "1h"),
                lab,
                or(seed, 1L));
    }

    /** Refuses a TTL the long-lived token would not outlast, naming both options. */
    static void requireTtl(String option, Duration ttl, Duration longTtl, boolean strict) {
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(option + " " + ttl.toMillis() + " ms is too"
                    + " short; give 1s or more.");
        }
        int cmp = ttl.compareTo(longTtl);
        if (cmp > 0 || (strict && cmp == 0)) {
            throw new IllegalArgumentException(option + " " + text(ttl) + " is not shorter than"
                    + " --long-ttl " + text(longTtl) + "; give 1s up to below the long TTL, or"
                    + " raise --long-ttl.");
        }
    }

    /** Parses a duration option, naming it in the error. */
    static Duration duration(String option, String text, String fallback) {
        String value = or(text, fallback);
        try {
            return Lab.parseDuration(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }

    /** The parameters as written in the summary. */
    public static Map<String, Object> describe(SimulationSettings s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("users", s.users());
        p.put("devices_per_user", s.devicesPerUser());
        p.put("session_length_s", s.sessionLength().toSeconds());
        p.put("idle_mean_s", s.idleMean().toSeconds());
        p.put("rate", Rates.format(s.requestRate()));
        p.put("bursty", s.bursty());
        p.put("revoke_rate_per_user", Rates.format(s.revokeRate()));
        p.put("attackers", s.attackers());
        p.put("attacker_rate", Rates.format(s.attackerRate()));
        p.put("duration_s", s.duration().toSeconds());
        p.put("short_ttl_s", s.lab().shortTtl().toSeconds());
        p.put("access_ttl_s", s.lab().accessTtl().toSeconds());
        p.put("long_ttl_s", s.lab().longTtl().toSeconds());
        p.put("clock_skew_s", s.lab().clockSkew().toSeconds());
        p.put("seed", s.seed());
        p.put("store", "hsqldb-mem");
        p.put("token_codec", "simulator (unsigned; see README)");
        return p;
    }

    static String text(Duration d) {
        long s = d.toSeconds();
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + "ms";
        }
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
