package org.revlab.core.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.hsqldb.Database;
import org.hsqldb.server.Server;
import org.hsqldb.server.ServerConstants;

/**
 * An HSQLDB server on 127.0.0.1 that the harness starts for one store, so that every lookup
 * crosses a real TCP connection without anything to install. The store that opened it stops
 * it, which also closes its database.
 */
final class HsqldbServer implements AutoCloseable {

    private static final String DATABASE = "revlab";

    private final Server server;
    private final int port;

    private HsqldbServer(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts a server on a free loopback port.
     *
     * @param databasePath {@code mem:<name>} or {@code file:<path>}, as HSQLDB names them
     */
    static HsqldbServer start(String databasePath) {
        int port = freePort();
        Server server = new Server();
        // Quiet first: the setters below would otherwise each print a line to stdout.
        server.setLogWriter(null);
        server.setErrWriter(null);
        server.setSilent(true);
        server.setTrace(false);
        server.setNoSystemExit(true);
        server.setAddress("127.0.0.1");
        server.setPort(port);
        server.setDatabaseName(0, DATABASE);
        server.setDatabasePath(0, databasePath);
        server.start();
        if (server.getState() != ServerConstants.SERVER_STATE_ONLINE) {
            String state = server.getStateDescriptor();
            server.stop();
            throw new StoreUnavailableException("Store hsqldb-server: the HSQLDB server did not"
                    + " start on 127.0.0.1:" + port + " (state " + state + ").", null);
        }
        return new HsqldbServer(server, port);
    }

    int port() {
        return port;
    }

    String jdbcUrl() {
        return "jdbc:hsqldb:hsql://127.0.0.1:" + port + "/" + DATABASE;
    }

    @Override
    public void close() {
        // Closes the database too: an in-memory one is gone, a file one is checkpointed.
        server.shutdownWithCatalogs(Database.CLOSEMODE_NORMAL);
        // The listener thread winds down on its own; wait (bounded) so that the port is free
        // and the files are released when close returns.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.getState() != ServerConstants.SERVER_STATE_SHUTDOWN
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static int freePort() {
        // Another process may take the port between this probe and the server's bind; the
        // server then fails to start and says so, which is rare enough on loopback.
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new StoreUnavailableException("Store hsqldb-server: no free port on 127.0.0.1: "
                    + e.getMessage(), e);
        }
    }
}
