package org.revlab.core.sim;

import java.util.List;
import java.util.Locale;

/**
 * What one strategy did while the store was down: how many legitimate requests it still served
 * and whether it accepted anything it should have asked the store about. Counted over the
 * outage window only.
 *
 * @param outage the window
 * @param requests legitimate requests devices wanted to make in the window, including those held
 *     back because the device could not log in
 * @param accepted of those, accepted
 * @param unavailable of those, refused with {@code store_unavailable}
 * @param waitingForLogin of those, not sent: the device's log-in had failed and it waits for the
 *     store to return
 * @param falseAccepts requests accepted in the window that the strategy must check in the store
 *     (every request for {@code stateful} and {@code revoke-all}, a refresh for
 *     {@code two-token}, or any accept after the store refused a call); must be 0
 * @param attackerRequests attackers' requests in the window
 * @param attackerAccepted of those, accepted (valid tokens that need no store check)
 * @param failedLogins log-ins refused in the window
 * @param deferredRevokes "log out everywhere" calls refused in the window and retried by the
 *     owner when the store returned
 */
public record OutageStats(Outage outage, long requests, long accepted, long unavailable,
        long waitingForLogin, long falseAccepts, long attackerRequests, long attackerAccepted,
        long failedLogins, long deferredRevokes) {

    /** The CSV columns added to a run with an outage, in order. */
    public static final List<String> CSV_COLUMNS = List.of("outage_start_s", "outage_length_s",
            "outage_requests", "outage_accepted", "outage_availability_pct",
            "outage_presented_availability_pct", "outage_unavailable",
            "outage_waiting_login", "outage_false_accepts", "outage_attacker_requests",
            "outage_attacker_accepted", "outage_failed_logins", "outage_deferred_revokes");

    /** Accepted legitimate requests in the window, in percent; 100 if none was made. */
    public double availabilityPercent() {
        return requests == 0 ? 100 : 100.0 * accepted / requests;
    }

    /**
     * Accepted requests among those sent with credentials (the held-back ones left out), in
     * percent; 100 if none was sent.
     */
    public double presentedAvailabilityPercent() {
        long presented = requests - waitingForLogin;
        return presented == 0 ? 100 : 100.0 * accepted / presented;
    }

    /** The cells for {@link #CSV_COLUMNS}, comma-joined. */
    String csvCells() {
        return String.join(",",
                String.valueOf(outage.start().toSeconds()),
                String.valueOf(outage.length().toSeconds()),
                String.valueOf(requests),
                String.valueOf(accepted),
                String.format(Locale.ROOT, "%.2f", availabilityPercent()),
                String.format(Locale.ROOT, "%.2f", presentedAvailabilityPercent()),
                String.valueOf(unavailable),
                String.valueOf(waitingForLogin),
                String.valueOf(falseAccepts),
                String.valueOf(attackerRequests),
                String.valueOf(attackerAccepted),
                String.valueOf(failedLogins),
                String.valueOf(deferredRevokes));
    }
}
