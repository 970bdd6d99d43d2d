package org.revlab.core;

import org.revlab.core.strategy.revokeall.RevokeAllStrategy;
import org.revlab.core.strategy.stateful.StatefulStrategy;
import org.revlab.core.strategy.stateless.StatelessStrategy;
import org.revlab.core.strategy.twotoken.TwoTokenStrategy;

/** The registry: one entry per strategy id. Adding a strategy is one package and one line. */
public final class Strategies {

    private Strategies() {
    }

    public static SessionStrategy create(StrategyId id, StrategyContext context) {
        return switch (id) {
            case STATELESS -> new StatelessStrategy(context);
            case STATEFUL -> new StatefulStrategy(context);
            case REVOKE_ALL -> new RevokeAllStrategy(context);
            case TWO_TOKEN -> new TwoTokenStrategy(context);
        };
    }

    public static SessionStrategy create(String id, StrategyContext context) {
        return create(StrategyId.parse(id), context);
    }
}
