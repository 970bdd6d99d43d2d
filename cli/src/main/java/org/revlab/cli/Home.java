package org.revlab.cli;

import java.nio.file.Path;

/** The project root the launcher runs from: results, builds and jars are found from here. */
public final class Home {

    private Home() {
    }

    public static Path get() {
        String home = System.getProperty("revlab.home");
        return Path.of(home != null ? home : ".").toAbsolutePath().normalize();
    }
}
