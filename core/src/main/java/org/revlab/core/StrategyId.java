package org.revlab.core;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The strategies by the ids used everywhere: CLI, JMH {@code @Param}, Gatling properties and
 * result files. Parsing a misspelt id fails with the list of valid ones.
 */
public enum StrategyId {
    STATELESS("stateless", "until expiry"),
    STATEFUL("stateful", "0"),
    REVOKE_ALL("revoke-all", "0"),
    TWO_TOKEN("two-token", "at most the short TTL");

    private final String id;
    private final String windowByDesign;

    StrategyId(String id, String windowByDesign) {
        this.id = id;
        this.windowByDesign = windowByDesign;
    }

    public String id() {
        return id;
    }

    /** The revocation window this strategy has by design, in words. */
    public String windowByDesign() {
        return windowByDesign;
    }

    public static StrategyId parse(String text) {
        for (StrategyId s : values()) {
            if (s.id.equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown strategy '" + text + "'; valid strategies: "
                + validIds() + ".");
    }

    public static String validIds() {
        return Arrays.stream(values()).map(StrategyId::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
