package org.revlab.core.http;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.revlab.core.Lab;
import org.revlab.core.SessionStrategy;
import org.revlab.core.store.JdbcSessionStore;
import org.revlab.core.store.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab's HTTP service: one strategy over Jetty 12 on the loopback interface, with the JSON
 * API the load tests drive. Closing the server stops Jetty and closes the store.
 */
public final class LabServer implements AutoCloseable {

    /** Request line and headers together; beyond it Jetty answers 431 through our handler. */
    public static final int MAX_HEADER_BYTES = 8 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(LabServer.class);

    private final Server server;
    private final ServerConnector connector;
    private final Lab lab;

    private LabServer(Server server, ServerConnector connector, Lab lab) {
        this.server = server;
        this.connector = connector;
        this.lab = lab;
    }

    /** Opens the store, builds the strategy and starts listening; fails if the port is taken. */
    public static LabServer start(ServerSettings settings) {
        SessionStore store = settings.openStore() != null ? settings.openStore()
                : new JdbcSessionStore(settings.storeSettings());
        Lab lab = Lab.open(settings.strategy(), settings.keys(), store, settings.clock(),
                settings.lab());
        ObjectMapper json = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();

        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("revlab-http");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        server.addConnector(connector);
        server.setHandler(new LabHandler(lab.strategy(), store, lab.codec(), settings.clock(),
                new HttpMetrics(), json));
        server.setErrorHandler(new JsonErrorHandler(json));
        // No graceful drain: it waits for idle keep-alive connections until its timeout, and a
        // lab run has nothing in flight worth that wait when it stops.
        server.setStopTimeout(0);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            lab.close();
            throw new IllegalStateException("LabServer: cannot listen on " + settings.host()
                    + ":" + settings.port() + " (" + e.getMessage() + "); choose another"
                    + " --port, or 0 for a free one.", e);
        }
        LabServer started = new LabServer(server, connector, lab);
        LOG.debug("LabServer: {} on {} with store {}", settings.strategy(), started.baseUri(),
                store.kind());
        return started;
    }

    /** The port bound; the ephemeral one chosen when the settings asked for 0. */
    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public URI baseUri() {
        return URI.create("http://" + connector.getHost() + ":" + port());
    }

    public SessionStrategy strategy() {
        return lab.strategy();
    }

    public SessionStore store() {
        return lab.store();
    }

    /** Blocks until the server stops (from another thread or a shutdown hook). */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        stopQuietly(server);
        lab.close();
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("LabServer: stopping Jetty failed: {}", e.toString());
        }
    }
}
