package org.revlab.core.token;

/**
 * The two kinds of token, told apart by the JOSE {@code typ} header (RFC 8725 §3.11, RFC 9068
 * §2.1), so that one is never accepted where the other is expected.
 */
public enum TokenType {
    /** Presented with every request; short-lived in {@code two-token}. */
    ACCESS("at+jwt"),
    /** Presented only to obtain a new access token in {@code two-token}. */
    LONG_LIVED("lt+jwt");

    private final String typ;

    TokenType(String typ) {
        this.typ = typ;
    }

    /** The {@code typ} header value. */
    public String typ() {
        return typ;
    }

    public static TokenType parse(String text) {
        return switch (text) {
            case "access", "at+jwt" -> ACCESS;
            case "long", "lt+jwt" -> LONG_LIVED;
            default -> throw new IllegalArgumentException("Unknown token type '" + text
                    + "'; valid types: access, long.");
        };
    }
}
