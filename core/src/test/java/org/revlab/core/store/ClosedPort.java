package org.revlab.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A loopback port nothing listens on, to point a store at an absent server. */
final class ClosedPort {

    private ClosedPort() {
    }

    static int find() {
        // Bound and released at once: nothing listens there afterwards, barring a rare race.
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
