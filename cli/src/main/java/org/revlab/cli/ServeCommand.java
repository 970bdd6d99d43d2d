package org.revlab.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.revlab.core.Lab;
import org.revlab.core.LabSettings;
import org.revlab.core.StrategyId;
import org.revlab.core.http.LabServer;
import org.revlab.core.http.ServerSettings;
import org.revlab.core.store.SessionStore;
import org.revlab.core.store.StoreSpec;
import org.revlab.core.store.StoreUnavailableException;
import org.revlab.core.token.SigningAlgorithm;
import org.revlab.core.token.SigningKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Serves one strategy over HTTP on 127.0.0.1 until Ctrl-C or {@code --max-seconds}: the
 * target of {@code ./revlab attack} and of hand-made curl sessions. The first line on standard
 * output is the address, so that scripts can read the port.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve one strategy's HTTP API on 127.0.0.1 (see the README for the API).")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--strategy", defaultValue = "two-token",
            description = "Strategy to serve: stateless, stateful, revoke-all, two-token"
                    + " (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--access-ttl", description = "Token lifetime for stateless and revoke-all"
            + " (default: 15m).")
    String accessTtl;

    @Option(names = "--short-ttl", description = "Short-token lifetime for two-token"
            + " (default: 1m).")
    String shortTtl;

    @Option(names = "--long-ttl", description = "Long-token lifetime for two-token and session"
            + " lifetime for stateful (default: 7d).")
    String longTtl;

    @Option(names = "--alg", defaultValue = "HS256",
            description = "Signing algorithm: HS256, RS256, ES256, EdDSA (default:"
                    + " ${DEFAULT-VALUE}).")
    String alg;

    @Option(names = "--key", description = "HS256 secret in Base64URL, at least 32 bytes;"
            + " generated per run when absent.")
    String key;

    @Option(names = "--port", defaultValue = "0",
            description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--store", defaultValue = "mem",
            description = "Session store: " + StoreOption.FORMS + " (default: ${DEFAULT-VALUE}).")
    String store;

    @Option(names = "--max-seconds", description = "Stop by itself after this many seconds.")
    Long maxSeconds;

    @Option(names = "--nodes", defaultValue = "1",
            description = "Service nodes (processes) to start, 1 to " + ServeNodes.MAX_NODES
                    + "; from 2 on they share one networked store (postgres or redis) and one"
                    + " HS256 key (default: ${DEFAULT-VALUE}).")
    int nodes;

    /** Set by a multi-node parent on each of its children; the key arrives in the environment. */
    @Option(names = "--node", hidden = true)
    boolean node;

    /** The store namespace a multi-node parent set up for its children. */
    @Option(names = "--namespace", hidden = true)
    String namespace;

    @Override
    public Integer call() throws Exception {
        StrategyId id = StrategyId.parse(strategy);
        LabSettings lab = labSettings();
        if (maxSeconds != null && maxSeconds < 1) {
            throw new IllegalArgumentException("--max-seconds " + maxSeconds
                    + " is too small; give at least 1, or leave it out to serve until Ctrl-C.");
        }
        if (nodes < 1 || nodes > ServeNodes.MAX_NODES) {
            throw new IllegalArgumentException("--nodes " + nodes + " is out of range; give 1 to "
                    + ServeNodes.MAX_NODES + ".");
        }
        StoreSpec storeSpec = StoreOption.parse(store);
        if (nodes > 1) {
            return new ServeNodes(this, id, storeSpec).run(spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
        if (node) {
            String shared = System.getenv(ServeNodes.KEY_VARIABLE);
            if (shared == null || namespace == null) {
                throw new UserFacingException("--node is set by serve --nodes for its own"
                        + " children; run serve --nodes N instead.");
            }
            key = shared;
            storeSpec = storeSpec.withSharedNamespace(namespace);
        }
        SigningKeys keys = keys();
        SessionStore opened;
        try {
            opened = storeSpec.open();
        } catch (StoreUnavailableException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        ServerSettings settings = ServerSettings.of(id).withLab(lab).withKeys(keys)
                .withStore(opened).withPort(port);

        LabServer server;
        try {
            server = LabServer.start(settings);
        } catch (IllegalStateException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            out.println("stopped");
            out.flush();
            stopped.countDown();
        }, "revlab-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        out.println("listening on " + server.baseUri());
        out.println("strategy " + id + ", store " + server.store().kind() + ", " + keys.algorithm()
                + " key " + (node ? "shared by all nodes" : key == null ? "generated" : "given")
                + ", access-ttl "
                + human(lab.accessTtl()) + ", short-ttl " + human(lab.shortTtl())
                + ", long-ttl " + human(lab.longTtl()));
        out.println(maxSeconds == null ? "Ctrl-C stops the server."
                : "stopping after " + maxSeconds + " s (or at Ctrl-C).");
        out.flush();
        if (node) {
            // A node outlives no parent: when the parent's end of standard input closes (it
            // stopped, or was killed), the node stops too.
            Thread watch = new Thread(() -> {
                try {
                    while (System.in.read() >= 0) {
                        // Nothing is sent on this pipe; only its end matters.
                    }
                } catch (java.io.IOException e) {
                    // A broken pipe is an end too.
                }
                stopped.countDown();
            }, "revlab-node-parent-watch");
            watch.setDaemon(true);
            watch.start();
        }

        if (maxSeconds == null) {
            stopped.await();
        } else {
            stopped.await(maxSeconds, TimeUnit.SECONDS);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down and the hook is closing the server.
            return 0;
        }
        server.close();
        out.println("stopped");
        out.flush();
        return 0;
    }

    private LabSettings labSettings() {
        LabSettings d = LabSettings.DEFAULTS;
        // Built at once, so that the order of the options never trips the short < long check.
        return new LabSettings(
                accessTtl == null ? d.accessTtl() : duration("--access-ttl", accessTtl),
                shortTtl == null ? d.shortTtl() : duration("--short-ttl", shortTtl),
                longTtl == null ? d.longTtl() : duration("--long-ttl", longTtl),
                d.clockSkew(), d.lastSeenResolution());
    }

    private static Duration duration(String option, String text) {
        try {
            return Lab.parseDuration(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }

    private SigningKeys keys() {
        SigningAlgorithm algorithm = SigningAlgorithm.parse(alg);
        if (key == null) {
            return SigningKeys.generate(algorithm);
        }
        if (algorithm != SigningAlgorithm.HS256) {
            throw new IllegalArgumentException("--key is an HS256 secret; with --alg " + alg
                    + " a key pair is generated per run, so leave --key out.");
        }
        byte[] secret;
        try {
            secret = Base64.getUrlDecoder().decode(key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--key is not Base64URL (" + e.getMessage()
                    + "); give 32 or more random bytes encoded with A-Z, a-z, 0-9, '-' and '_'.");
        }
        try {
            return SigningKeys.hmac(secret);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--key: " + e.getMessage());
        }
    }

    /** In the units the options take: 7d, 90s, 250ms. */
    private static String human(Duration d) {
        long ms = d.toMillis();
        long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (ms % sizes[i] == 0) {
                return ms / sizes[i] + units[i];
            }
        }
        return ms + "ms";
    }
}
