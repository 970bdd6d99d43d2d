package org.revlab.core.testing;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.revlab.core.StrategyId;

/**
 * Arguments for tests parameterized over strategy and store backend: every given strategy on
 * every backend of {@link StoreBackend#all()}.
 */
public final class StrategyMatrix {

    private StrategyMatrix() {
    }

    public static Stream<Arguments> of(StrategyId... strategies) {
        return Arrays.stream(strategies).flatMap(id -> StoreBackend.all().stream()
                .map(backend -> Arguments.of(id, backend)));
    }

    public static Stream<Arguments> all() {
        return of(StrategyId.values());
    }
}
