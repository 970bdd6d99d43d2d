package org.revlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.revlab.core.StrategyId;

/**
 * A {@code ./revlab serve --nodes N} started as a child process for one attack: its node
 * addresses read from its output, and SIGTERM at close, upon which it stops its nodes and
 * removes their shared store namespace. Its output goes to a log file in the run folder.
 */
final class NodeGroup implements AutoCloseable {

    private static final long START_SECONDS = 120;

    private final Process process;
    private final List<String> urls;
    private final Thread hook;

    private NodeGroup(Process process, List<String> urls) {
        this.process = process;
        this.urls = urls;
        // Ctrl-C on the attack must not leave the nodes (and their namespace) behind.
        this.hook = new Thread(() -> stop(process), "revlab-attack-nodes-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Starts the nodes with the simulation's lifetimes, so that the servers and the bounds the
     * simulation checks agree.
     */
    static NodeGroup start(StrategyId id, int nodes, String store, Map<String, String> props,
            Path log) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Revlab.class.getName(), "serve", "--nodes", Integer.toString(nodes),
                "--store", store, "--strategy", id.id(),
                "--short-ttl", props.get("revlab.shortTtl"),
                "--access-ttl", props.get("revlab.accessTtl"),
                // The simulations' long lifetime (AttackSettings: revlab.longTtl, 1h).
                "--long-ttl", "1h"));
        Process p;
        try {
            Files.createDirectories(log.getParent());
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UserFacingException("Cannot start the nodes (" + e.getMessage() + ").", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        try {
            while (System.nanoTime() < deadline) {
                List<String> lines = Files.readAllLines(log);
                List<String> found = new ArrayList<>();
                for (String l : lines) {
                    if (l.startsWith("listening on ")) {
                        found.add(l.substring("listening on ".length()).strip());
                    }
                }
                if (found.size() == nodes && lines.stream().anyMatch(l -> l.contains(
                        "nodes, strategy") || nodes == 1)) {
                    return new NodeGroup(p, List.copyOf(found));
                }
                if (!p.isAlive()) {
                    throw new UserFacingException("The nodes did not start: "
                            + String.join(" / ", lines));
                }
                Thread.sleep(100);
            }
            throw new UserFacingException("The nodes did not start within " + START_SECONDS
                    + " s; see " + log + ".");
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop(p);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (e instanceof UserFacingException u) {
                throw u;
            }
            throw new UserFacingException("The nodes did not start: " + e.getMessage(), e);
        }
    }

    List<String> urls() {
        return urls;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return; // the hook stops the nodes
        }
        stop(process);
    }

    private static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
