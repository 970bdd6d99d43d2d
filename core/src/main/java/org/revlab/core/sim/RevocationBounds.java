package org.revlab.core.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The revocation-window bounds each strategy promises, checked against a simulated run:
 * {@code stateful} and {@code revoke-all} close at once (window 0, no exposure);
 * {@code two-token} within one short TTL; {@code stateless} only at expiry. A run with no
 * window observed fails too, so that a check cannot pass by measuring nothing. With a store
 * outage, every strategy must also accept nothing in it that it would have had to check in the
 * store.
 */
public final class RevocationBounds {

    private RevocationBounds() {
    }

    /** What the strategy promises, in words, for the check's report. */
    public static String promise(SimulationResult r) {
        return windowPromise(r) + (r.outage() == null ? ""
                : "; no false accept in the outage");
    }

    private static String windowPromise(SimulationResult r) {
        return switch (r.strategy()) {
            case STATEFUL, REVOKE_ALL -> "window 0, exposure 0";
            case TWO_TOKEN -> "worst window <= short TTL " + r.shortTtl().toSeconds() + " s";
            case STATELESS -> "window until expiry (<= access TTL "
                    + r.accessTtl().toSeconds() + " s)";
        };
    }

    /** Every broken bound as a sentence; empty when the run keeps its strategy's promise. */
    public static List<String> violations(SimulationResult r) {
        List<String> out = new ArrayList<>();
        WindowStats w = r.windows();
        String name = r.strategy().id();
        if (r.outage() != null && r.outage().falseAccepts() != 0) {
            out.add(name + ": " + r.outage().falseAccepts() + " requests accepted during the"
                    + " outage that needed the store; expected 0.");
        }
        if (w.count() == 0) {
            out.add(name + ": no revocation window was observed; raise --revoke-rate, --users or"
                    + " --duration so that the check measures something.");
            return out;
        }
        switch (r.strategy()) {
            case STATEFUL, REVOKE_ALL -> {
                if (w.maxMs() != 0) {
                    out.add(name + ": worst window " + SimulationResult.seconds(w.maxMs())
                            + " s; expected 0.");
                }
                if (r.exposure() != 0) {
                    out.add(name + ": " + r.exposure() + " attacker requests accepted after a"
                            + " revoke; expected 0.");
                }
                if (w.untilExpiry() != 0) {
                    out.add(name + ": " + w.untilExpiry() + " windows ended by expiry; expected"
                            + " every credential to be refused as revoked.");
                }
            }
            case TWO_TOKEN -> {
                if (w.maxMs() > r.shortTtl().toMillis()) {
                    out.add(name + ": worst window " + SimulationResult.seconds(w.maxMs())
                            + " s exceeds the short TTL " + r.shortTtl().toSeconds() + " s.");
                }
                if (w.untilExpiry() != 0) {
                    out.add(name + ": " + w.untilExpiry() + " windows ended by expiry; expected"
                            + " every refresh after the revoke to be refused as revoked.");
                }
            }
            case STATELESS -> {
                if (w.untilExpiry() != w.count()) {
                    out.add(name + ": " + (w.count() - w.untilExpiry()) + " windows ended before"
                            + " expiry; a stateless token cannot be revoked.");
                }
                if (w.maxMs() > r.accessTtl().toMillis()) {
                    out.add(name + ": worst window " + SimulationResult.seconds(w.maxMs())
                            + " s exceeds the access TTL " + r.accessTtl().toSeconds() + " s.");
                }
            }
        }
        return out;
    }
}
