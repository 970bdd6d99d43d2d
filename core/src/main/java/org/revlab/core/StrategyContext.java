package org.revlab.core;

import java.time.Clock;
import java.util.Objects;
import org.revlab.core.store.SessionStore;
import org.revlab.core.token.TokenCodec;

/** What every strategy is built from: its token codec, its store, its clock and its settings. */
public record StrategyContext(
        TokenCodec codec, SessionStore store, Clock clock, LabSettings settings) {

    public StrategyContext {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(settings, "settings");
    }
}
