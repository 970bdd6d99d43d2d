package org.revlab.core.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.revlab.core.store.JdbcSessionStore;
import org.revlab.core.store.SessionStore;
import org.revlab.core.store.StoreSettings;

/**
 * A kind of session store the shared tests run against. Each {@link #open} gives a fresh, empty
 * store; a backend whose server is not running skips the test with a message that says how to
 * start it, and never passes silently. Add a backend by adding it to {@link #all()}.
 */
public interface StoreBackend {

    /** The name shown in test reports, such as {@code hsqldb-mem}. */
    String name();

    /** A fresh, empty store that the caller closes; aborts the test if the server is absent. */
    SessionStore open();

    /** Every backend the conformance tests run on. */
    static List<StoreBackend> all() {
        return List.of(hsqldbMemory());
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
