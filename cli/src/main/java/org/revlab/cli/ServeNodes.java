package org.revlab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.revlab.core.StrategyId;
import org.revlab.core.store.SessionStore;
import org.revlab.core.store.StoreSpec;
import org.revlab.core.store.StoreUnavailableException;
import org.revlab.core.token.SigningAlgorithm;
import org.revlab.core.token.SigningKeys;

/**
 * {@code serve --nodes N}: starts N service nodes as child processes of this one, each the
 * same serve command, sharing one store namespace and one HS256 key, so that a session made on
 * one node is seen, and revoked, on every other. It sets the namespace up before the nodes
 * start and removes it after they stop.
 */
final class ServeNodes {

    /** The most nodes one machine's loopback run makes sense with. */
    static final int MAX_NODES = 8;
    /** The environment variable that carries the shared key to the children, never a flag. */
    static final String KEY_VARIABLE = "REVLAB_NODE_KEY";
    /** How long a node may take from start to its address line. */
    private static final long START_SECONDS = 60;

    private final ServeCommand options;
    private final StrategyId strategy;
    private final StoreSpec store;

    ServeNodes(ServeCommand options, StrategyId strategy, StoreSpec store) {
        this.options = options;
        this.strategy = strategy;
        this.store = store;
    }

    int run(PrintWriter out, PrintWriter err) throws Exception {
        if (!store.external()) {
            throw new UserFacingException("--nodes " + options.nodes + " needs a store the nodes"
                    + " share over the network: --store postgres or --store redis (or their"
                    + " URLs); --store " + store + " lives inside one process, so each node"
                    + " would see only its own sessions and a revocation made on one would"
                    + " never reach the others.");
        }
        if (SigningAlgorithm.parse(options.alg) != SigningAlgorithm.HS256) {
            throw new UserFacingException("--nodes shares one HS256 secret between the nodes;"
                    + " --alg " + options.alg + " would give each node a key pair of its own,"
                    + " so leave --alg out (or give HS256).");
        }
        if (options.node) {
            throw new UserFacingException("--node and --nodes do not go together.");
        }
        String secret = options.key != null ? options.key.strip() : generatedSecret();
        SigningKeys.hmac(decode(secret)); // the same checks and messages as --key on one node
        String namespace = "revlab_nodes_" + HexFormat.of().formatHex(random(6));

        SessionStore owner;
        try {
            // Created here, once, before any node opens it: two nodes creating the same schema
            // at the same moment could trip over each other.
            owner = store.withOwnedNamespace(namespace).open();
        } catch (StoreUnavailableException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        List<Process> children = new ArrayList<>();
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopAll(children);
            owner.close();
            out.println("stopped " + children.size() + " nodes; namespace " + namespace
                    + " removed");
            out.flush();
            stop.countDown();
        }, "revlab-serve-nodes-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean started = false;
        try {
            List<Started> up = new ArrayList<>();
            BlockingQueue<Integer> exits = new ArrayBlockingQueue<>(MAX_NODES);
            for (int i = 1; i <= options.nodes; i++) {
                Process p = start(i, namespace, secret);
                children.add(p);
                up.add(awaitAddress(i, p));
                int index = i;
                p.onExit().thenRun(() -> exits.offer(index));
            }
            started = true;
            up.forEach(n -> out.println("listening on " + n.url()));
            out.println(options.nodes + " nodes, strategy " + strategy + ", store " + store
                    + " (shared namespace " + namespace + "), one HS256 key for all nodes ("
                    + (options.key == null ? "generated" : "given") + ", not printed)");
            out.println(options.maxSeconds == null ? "Ctrl-C stops every node."
                    : "stopping every node after " + options.maxSeconds + " s (or at Ctrl-C).");
            out.flush();
            for (int i = 0; i < up.size(); i++) {
                forward(up.get(i).output(), "node " + (i + 1) + ": ", out);
            }

            long deadline = options.maxSeconds == null ? Long.MAX_VALUE
                    : System.nanoTime() + TimeUnit.SECONDS.toNanos(options.maxSeconds);
            Integer died = null;
            while (died == null && System.nanoTime() < deadline && stop.getCount() > 0) {
                died = exits.poll(200, TimeUnit.MILLISECONDS);
            }
            if (stop.getCount() == 0) {
                return 0; // Ctrl-C: the hook has stopped everything.
            }
            if (died != null) {
                err.println("revlab serve: node " + died + " stopped by itself (exit "
                        + children.get(died - 1).exitValue() + "); stopping the others.");
                err.flush();
            }
            return died == null ? 0 : 1;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
                stopAll(children);
                owner.close();
                if (started) {
                    out.println("stopped " + children.size() + " nodes; namespace " + namespace
                            + " removed");
                    out.flush();
                }
            } catch (IllegalStateException shuttingDown) {
                // The hook is already stopping the nodes and removing the namespace.
                stop.await(30, TimeUnit.SECONDS);
            }
        }
    }

    private Process start(int index, String namespace, String secret) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Small heaps: several nodes share a machine with the load generator.
        cmd.add("-Xmx256m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Revlab.class.getName());
        cmd.addAll(List.of("serve", "--node", "--namespace", namespace,
                "--strategy", strategy.id(), "--store", options.store, "--alg", "HS256",
                "--port", Integer.toString(options.port == 0 ? 0 : options.port + index - 1)));
        if (options.accessTtl != null) {
            cmd.addAll(List.of("--access-ttl", options.accessTtl));
        }
        if (options.shortTtl != null) {
            cmd.addAll(List.of("--short-ttl", options.shortTtl));
        }
        if (options.longTtl != null) {
            cmd.addAll(List.of("--long-ttl", options.longTtl));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put(KEY_VARIABLE, secret);
        return pb.start();
    }

    /** Reads a node's output up to its address line; a node that ends first is an error. */
    private static Started awaitAddress(int index, Process p) throws InterruptedException {
        BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        BlockingQueue<String> found = new ArrayBlockingQueue<>(1);
        Thread reader = new Thread(() -> {
            try {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("listening on ")) {
                        found.offer(line.substring("listening on ".length()).strip());
                        return;
                    }
                    synchronized (seen) {
                        seen.add(line);
                    }
                }
            } catch (IOException e) {
                // The node is gone; the caller reports what it printed.
            }
            found.offer("");
        }, "revlab-node-" + index + "-start");
        reader.setDaemon(true);
        reader.start();
        String url = found.poll(START_SECONDS, TimeUnit.SECONDS);
        if (url == null || url.isEmpty()) {
            p.destroyForcibly();
            String said;
            synchronized (seen) {
                said = String.join(" / ", seen);
            }
            throw new UserFacingException("node " + index + " did not start within "
                    + START_SECONDS + " s" + (said.isEmpty() ? "." : "; it said: " + said));
        }
        // The start reader stopped at the address line; the rest goes through forward().
        return new Started(url, in);
    }

    /** A node's address and the reader positioned after its address line. */
    private record Started(String url, BufferedReader output) {
    }

    /** Copies a node's later output (its stop line, errors) with a prefix naming the node. */
    private static void forward(BufferedReader in, String prefix, PrintWriter out) {
        Thread t = new Thread(() -> {
            try {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (out) {
                        out.println(prefix + line);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // The node is gone.
            }
        }, "revlab-" + prefix.strip());
        t.setDaemon(true);
        t.start();
    }

    /** SIGTERM to every node (each closes its server), then a forced stop for stragglers. */
    private static void stopAll(List<Process> children) {
        for (Process p : children) {
            p.destroy();
        }
        for (Process p : children) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String generatedSecret() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
    }

    private static byte[] decode(String secret) {
        try {
            return Base64.getUrlDecoder().decode(secret);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--key is not Base64URL (" + e.getMessage()
                    + "); give 32 or more random bytes encoded with A-Z, a-z, 0-9, '-' and '_'.");
        }
    }

    private static byte[] random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
