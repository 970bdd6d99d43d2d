package org.revlab.core.sim;

import java.time.Duration;
import java.util.Objects;
import org.revlab.core.LabSettings;

/**
 * One traffic shape for the simulator, validated when built: every error names the command-line
 * option, the value and the accepted range. Rates are per second.
 *
 * @param users how many users
 * @param devicesPerUser devices per user; each runs its own sessions
 * @param sessionLength how long a device stays logged in and sends requests
 * @param idleMean mean pause (exponential) between a device's sessions; zero for back to back
 * @param requestRate requests per second of one active session (Poisson)
 * @param bursty whether requests come in bursts of about {@value #BURST_MEAN} at the same mean
 *     rate instead of one by one
 * @param revokeRate "log out everywhere" per user per second (Poisson)
 * @param attackers how many stolen credential copies are in use
 * @param attackerRate requests per second of one attacker (Poisson)
 * @param duration simulated time that is measured, after a warm-up
 * @param lab token lifetimes and skew, as the strategies use them
 * @param seed the seed every random stream is split from
 * @param outage a store outage inside the measured period, or null for none
 */
public record SimulationSettings(
        int users,
        int devicesPerUser,
        Duration sessionLength,
        Duration idleMean,
        double requestRate,
        boolean bursty,
        double revokeRate,
        int attackers,
        double attackerRate,
        Duration duration,
        LabSettings lab,
        long seed,
        Outage outage) {

    /** Mean requests per burst with {@code --bursty}. */
    public static final int BURST_MEAN = 8;
    /** Mean gap between the requests of one burst. */
    public static final Duration BURST_GAP = Duration.ofMillis(250);

    static final int MAX_USERS = 5_000_000;
    static final int MAX_DEVICES = 100;
    static final double MAX_RATE = 1000;

    public SimulationSettings {
        Objects.requireNonNull(lab, "lab");
        range("--users", users, 1, MAX_USERS);
        range("--devices", devicesPerUser, 1, MAX_DEVICES);
        if ((long) users * devicesPerUser > MAX_USERS) {
            throw new IllegalArgumentException("--users × --devices is " + (long) users
                    * devicesPerUser + "; give at most " + MAX_USERS + " devices in all.");
        }
        atLeast("--session-length", sessionLength, Duration.ofSeconds(1));
        atLeast("--idle", idleMean, Duration.ZERO);
        rate("--rate", requestRate, false);
        rate("--revoke-rate", revokeRate, true);
        range("--attackers", attackers, 0, users * devicesPerUser);
        rate("--attacker-rate", attackerRate, false);
        atLeast("--duration", duration, Duration.ofSeconds(1));
        if (duration.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("--duration " + duration.toSeconds()
                    + " s is too long; give 1 s to 30 d of simulated time.");
        }
        if (lab.accessTtl().compareTo(lab.longTtl()) > 0) {
            throw new IllegalArgumentException("--access-ttl " + lab.accessTtl().toSeconds()
                    + " s is longer than --long-ttl " + lab.longTtl().toSeconds()
                    + " s; give an access TTL from 1 s up to the long TTL.");
        }
        if (outage != null && outage.end().compareTo(duration) > 0) {
            throw new IllegalArgumentException("--outage " + outage.text() + " ends at "
                    + outage.end().toSeconds() + " s, after --duration " + duration.toSeconds()
                    + " s; give START+LENGTH within the measured period, such as 10m+5m in 1h.");
        }
    }

    /** A shape with no outage. */
    public SimulationSettings(int users, int devicesPerUser, Duration sessionLength,
            Duration idleMean, double requestRate, boolean bursty, double revokeRate,
            int attackers, double attackerRate, Duration duration, LabSettings lab, long seed) {
        this(users, devicesPerUser, sessionLength, idleMean, requestRate, bursty, revokeRate,
                attackers, attackerRate, duration, lab, seed, null);
    }

    private static void range(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " " + value + " is out of range; give "
                    + min + " to " + max + ".");
        }
    }

    private static void atLeast(String name, Duration value, Duration min) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(min) < 0) {
            throw new IllegalArgumentException(name + " " + value.toMillis() + " ms is out of"
                    + " range; give at least " + min.toSeconds() + " s.");
        }
    }

    private static void rate(String name, double value, boolean zeroAllowed) {
        if (!(value >= 0) || (!zeroAllowed && value == 0) || value > MAX_RATE) {
            throw new IllegalArgumentException(name + " " + value + "/s is out of range; give "
                    + (zeroAllowed ? "0" : "more than 0") + " to " + (int) MAX_RATE
                    + " per second.");
        }
    }

    /** The same shape with another short TTL for {@code two-token}. */
    public SimulationSettings withShortTtl(Duration shortTtl) {
        return new SimulationSettings(users, devicesPerUser, sessionLength, idleMean, requestRate,
                bursty, revokeRate, attackers, attackerRate, duration,
                lab.withShortTtl(shortTtl), seed, outage);
    }

    /** The same shape with a store outage, or none if {@code o} is null. */
    public SimulationSettings withOutage(Outage o) {
        return new SimulationSettings(users, devicesPerUser, sessionLength, idleMean, requestRate,
                bursty, revokeRate, attackers, attackerRate, duration, lab, seed, o);
    }

    /** Devices in all. */
    public int devices() {
        return users * devicesPerUser;
    }
}
