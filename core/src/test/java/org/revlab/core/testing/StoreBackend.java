package org.revlab.core.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.revlab.core.store.JdbcSessionStore;
import org.revlab.core.store.SessionStore;
import org.revlab.core.store.StoreSettings;
import org.revlab.core.store.StoreSpec;
import org.revlab.core.store.StoreUnavailableException;

/**
 * A kind of session store the shared tests run against. Each {@link #open} gives a fresh, empty
 * store; a backend whose server is not running skips the test with a message that says how to
 * start it, and never passes silently. Add a backend by adding it to {@link #all()}.
 *
 * <p>CI turns that skip into a failure by naming the backend in the environment variable
 * {@code REVLAB_REQUIRE_STORES} (a comma list of backend names such as
 * {@code postgres,redis}), so that a stopped server cannot pass for a green build.
 */
public interface StoreBackend {

    /** The name shown in test reports, such as {@code hsqldb-mem}. */
    String name();

    /** A fresh, empty store that the caller closes; aborts the test if the server is absent. */
    SessionStore open();

    /** Every backend the conformance tests run on. */
    static List<StoreBackend> all() {
        return List.of(hsqldbMemory(), spec("hsqldb-file", () -> StoreSpec.parse("file:"
                        + Path.of("target", "test-stores", UUID.randomUUID().toString(),
                                "sessions").toAbsolutePath())),
                spec("hsqldb-server", () -> StoreSpec.parse("hsqldb-server")),
                spec("postgres", () -> StoreSpec.parse("postgres")),
                spec("redis", () -> StoreSpec.parse("redis")));
    }

    /** A backend opened through {@link StoreSpec}, the way the commands open it. */
    static StoreBackend spec(String name, java.util.function.Supplier<StoreSpec> spec) {
        return of(name, () -> openOrSkip(name, spec.get()));
    }

    /**
     * Opens {@code spec}; if its server is unreachable, skips the calling test with the store's
     * message (which says how to start the server), or fails it when
     * {@code REVLAB_REQUIRE_STORES} names the backend.
     */
    static SessionStore openOrSkip(String name, StoreSpec spec) {
        try {
            return spec.open();
        } catch (StoreUnavailableException e) {
            String required = System.getenv("REVLAB_REQUIRE_STORES");
            List<String> names = required == null ? List.of()
                    : Arrays.stream(required.toLowerCase(Locale.ROOT).split(","))
                            .map(String::trim).toList();
            if (names.contains(name)) {
                throw new AssertionError("Store backend " + name + " is required by"
                        + " REVLAB_REQUIRE_STORES but unavailable: " + e.getMessage(), e);
            }
            Assumptions.abort("Store backend " + name + " skipped: " + e.getMessage());
            throw new AssertionError("unreachable", e);
        }
    }

    /** A private in-memory HSQLDB database per call: needs nothing installed. */
    static StoreBackend hsqldbMemory() {
        return of("hsqldb-mem", () -> new JdbcSessionStore(StoreSettings.memory()));
    }

    /** A backend from a name and a way to open a store. */
    static StoreBackend of(String name, java.util.function.Supplier<SessionStore> opener) {
        return new StoreBackend() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public SessionStore open() {
                return opener.get();
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /**
     * Skips the calling test unless something listens on loopback {@code port}. Backends for a
     * database server call this first, so a machine without the server reports the test as
     * skipped, with {@code howToStart} (for example a {@code docker run} line) in the reason.
     */
    static void requireServer(String name, int port, String howToStart) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        } catch (IOException e) {
            Assumptions.abort("Store backend " + name + " skipped: nothing listens on 127.0.0.1:"
                    + port + " (" + e.getMessage() + "). To run it: " + howToStart);
        }
    }
}
