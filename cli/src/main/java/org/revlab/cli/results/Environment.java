package org.revlab.cli.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What every run folder records about where and how it ran: JVM, OS, cores, memory, commit,
 * command and time, so that a figure can be traced to its conditions.
 */
public final class Environment {

    private Environment() {
    }

    /** The environment of this process, with the command line as the user typed it. */
    public static Map<String, Object> capture(Path home, List<String> command) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("time", Instant.now().toString());
        env.put("command", "./revlab " + String.join(" ", command));
        env.put("commit", gitCommit(home));
        env.put("jvm", System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " " + System.getProperty("os.arch"));
        env.put("cores", Runtime.getRuntime().availableProcessors());
        env.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        env.put("ci", System.getenv("CI") != null);
        return env;
    }

    /** The checked-out commit, with "-dirty" when the tree has changes; "unknown" outside git. */
    public static String gitCommit(Path home) {
        String head = git(home, "rev-parse", "--short=12", "HEAD");
        if (head == null) {
            return "unknown";
        }
        String status = git(home, "status", "--porcelain", "--untracked-files=no");
        return status == null || status.isEmpty() ? head : head + "-dirty";
    }

    private static String git(Path home, String... args) {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "git";
        cmd[1] = "-C";
        cmd[2] = home.toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out.trim();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
