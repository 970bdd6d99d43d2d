package org.revlab.core.store;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The store backends every store test runs on, and how a test opens one. A backend whose
 * server is not running is skipped with the message that says how to start it; CI turns that
 * skip into a failure by naming the backend in {@code REVLAB_REQUIRE_STORES} (a comma list, or
 * {@code all}), so that a stopped server cannot pass for a green build.
 */
public final class StoreBackends {

    /** Every backend, in the order the reports list them. */
    public static final String[] ALL = {"mem", "file", "hsqldb-server", "postgres", "redis"};

    private StoreBackends() {
    }

    /** Every backend id, for {@code @MethodSource}. */
    public static Stream<String> all() {
        return Arrays.stream(ALL);
    }

    /**
     * Opens a fresh store of the backend ({@code file} puts its files under {@code dir}), or
     * skips the calling test if the backend's server is absent and not required.
     */
    public static SessionStore open(String backend, Path dir) {
        return open(spec(backend, dir));
    }

    /** Opens {@code spec}, skipping the calling test as {@link #open(String, Path)} does. */
    public static SessionStore open(StoreSpec spec) {
        try {
            return spec.open();
        } catch (StoreUnavailableException e) {
            if (required(spec.backend().id())) {
                throw new AssertionError("Store " + spec + " is required by"
                        + " REVLAB_REQUIRE_STORES but unavailable: " + e.getMessage(), e);
            }
            Assumptions.abort("Skipped: store " + spec + " is not running. " + e.getMessage());
            throw new AssertionError("unreachable");
        }
    }

    public static StoreSpec spec(String backend, Path dir) {
        return StoreSpec.parse(backend.equals("file") ? "file:" + dir.resolve("sessions")
                : backend);
    }

    private static boolean required(String backend) {
        String env = System.getenv("REVLAB_REQUIRE_STORES");
        if (env == null || env.isBlank()) {
            return false;
        }
        Set<String> names = Arrays.stream(env.toLowerCase(Locale.ROOT).split(","))
                .map(String::trim).collect(Collectors.toSet());
        return names.contains("all") || names.contains(backend);
    }
}
