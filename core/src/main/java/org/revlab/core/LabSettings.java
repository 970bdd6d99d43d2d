package org.revlab.core;

import java.time.Duration;
import java.util.Objects;

/**
 * Lifetimes and tolerances shared by the strategies. Each setting is validated when built, and
 * an error names the setting, the value and the accepted range.
 *
 * @param accessTtl lifetime of the single token of {@code stateless} and {@code revoke-all}
 * @param shortTtl lifetime of the short-lived token of {@code two-token}
 * @param longTtl lifetime of the long-lived token of {@code two-token}, and of a
 *     {@code stateful} session
 * @param clockSkew how far in the future {@code iat} and {@code nbf} may lie. It is deliberately
 *     not applied to {@code exp}: issuer and verifier share one clock here, and a skew on
 *     {@code exp} would lengthen every revocation window by as much
 * @param lastSeenResolution how stale a {@code stateful} session's last-seen time may get
 *     before a request pays one extra hit to write it
 */
public record LabSettings(
        Duration accessTtl,
        Duration shortTtl,
        Duration longTtl,
        Duration clockSkew,
        Duration lastSeenResolution) {

    public static final LabSettings DEFAULTS = new LabSettings(Duration.ofMinutes(15),
            Duration.ofMinutes(1), Duration.ofDays(7), Duration.ofSeconds(5),
            Duration.ofMinutes(1));

    public LabSettings {
        requireAtLeast("access-ttl", accessTtl, Duration.ofSeconds(1));
        requireAtLeast("short-ttl", shortTtl, Duration.ofSeconds(1));
        requireAtLeast("long-ttl", longTtl, Duration.ofSeconds(1));
        Objects.requireNonNull(clockSkew, "clock-skew");
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("clock-skew " + clockSkew
                    + " is out of range; give 0 s to 5 min.");
        }
        Objects.requireNonNull(lastSeenResolution, "last-seen-resolution");
        if (shortTtl.compareTo(longTtl) >= 0) {
            throw new IllegalArgumentException("short-ttl " + shortTtl
                    + " must be shorter than long-ttl " + longTtl + ".");
        }
    }

    private static void requireAtLeast(String name, Duration value, Duration min) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(min) < 0) {
            throw new IllegalArgumentException(name + " " + value + " is too short; give at least "
                    + min.toSeconds() + " s.");
        }
    }

    public LabSettings withAccessTtl(Duration value) {
        return new LabSettings(value, shortTtl, longTtl, clockSkew, lastSeenResolution);
    }

    public LabSettings withShortTtl(Duration value) {
        return new LabSettings(accessTtl, value, longTtl, clockSkew, lastSeenResolution);
    }

    public LabSettings withLongTtl(Duration value) {
        return new LabSettings(accessTtl, shortTtl, value, clockSkew, lastSeenResolution);
    }

    public LabSettings withClockSkew(Duration value) {
        return new LabSettings(accessTtl, shortTtl, longTtl, value, lastSeenResolution);
    }
}
