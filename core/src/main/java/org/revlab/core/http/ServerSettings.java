package org.revlab.core.http;

import java.time.Clock;
import java.util.Objects;
import org.revlab.core.LabSettings;
import org.revlab.core.StrategyId;
import org.revlab.core.store.SessionStore;
import org.revlab.core.store.StoreSettings;
import org.revlab.core.token.SigningAlgorithm;
import org.revlab.core.token.SigningKeys;

/**
 * What one {@link LabServer} serves and where: a strategy with its settings and keys, a store
 * given either as settings to open or as an already-open store (tests), and a loopback port.
 * Start from {@link #of(StrategyId)} and change what differs with the {@code with…} methods.
 *
 * @param strategy the one strategy this server serves
 * @param lab lifetimes and tolerances
 * @param keys the signing keys; the algorithm comes from here, never from a token
 * @param storeSettings the store to open, or null when {@code openStore} is given
 * @param openStore an already-open store, or null when {@code storeSettings} is given; the
 *     server takes ownership and closes it
 * @param host the address to bind; only {@code 127.0.0.1} is allowed, since no traffic may
 *     leave the machine
 * @param port the port to bind; 0 picks a free ephemeral port ({@link LabServer#port()})
 * @param clock where the server and its strategy take time from
 */
public record ServerSettings(
        StrategyId strategy,
        LabSettings lab,
        SigningKeys keys,
        StoreSettings storeSettings,
        SessionStore openStore,
        String host,
        int port,
        Clock clock) {

    public static final String LOOPBACK = "127.0.0.1";

    public ServerSettings {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(lab, "lab");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(clock, "clock");
        if ((storeSettings == null) == (openStore == null)) {
            throw new IllegalArgumentException("Give the server exactly one store: either store"
                    + " settings to open or an open store.");
        }
        host = host == null ? LOOPBACK : host;
        if (!LOOPBACK.equals(host)) {
            throw new IllegalArgumentException("host '" + host + "' is not allowed; the lab"
                    + " server binds " + LOOPBACK + " only, so no traffic leaves the machine.");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range; give 1 to"
                    + " 65535, or 0 for a free ephemeral port.");
        }
    }

    /** Defaults: lab defaults, fresh HS256 keys, a private in-memory store, ephemeral port. */
    public static ServerSettings of(StrategyId strategy) {
        return new ServerSettings(strategy, LabSettings.DEFAULTS,
                SigningKeys.generate(SigningAlgorithm.HS256), StoreSettings.memory(), null,
                LOOPBACK, 0, Clock.systemUTC());
    }

    public ServerSettings withLab(LabSettings value) {
        return new ServerSettings(strategy, value, keys, storeSettings, openStore, host, port,
                clock);
    }

    public ServerSettings withKeys(SigningKeys value) {
        return new ServerSettings(strategy, lab, value, storeSettings, openStore, host, port,
                clock);
    }

    /** The store to open at start; replaces any open store given before. */
    public ServerSettings withStore(StoreSettings value) {
        return new ServerSettings(strategy, lab, keys, Objects.requireNonNull(value, "store"),
                null, host, port, clock);
    }

    /** An already-open store, which the server then owns; replaces any store settings. */
    public ServerSettings withStore(SessionStore value) {
        return new ServerSettings(strategy, lab, keys, null, Objects.requireNonNull(value,
                "store"), host, port, clock);
    }

    public ServerSettings withPort(int value) {
        return new ServerSettings(strategy, lab, keys, storeSettings, openStore, host, value,
                clock);
    }

    public ServerSettings withClock(Clock value) {
        return new ServerSettings(strategy, lab, keys, storeSettings, openStore, host, port,
                value);
    }
}
