package org.revlab.core.token;

/**
 * Issues and checks signed tokens. The real codec is {@link JjwtTokenCodec}; the simulator may
 * stand in a cheaper one, since it studies strategy logic and time, not signature cost.
 */
public interface TokenCodec {

    /** Signs a token carrying {@code claims}. */
    String issue(TokenClaims claims);

    /**
     * Checks {@code token} as a token of type {@code expected} at the codec's clock's now.
     * Never throws: every input, however broken, gets a {@link TokenCheck}.
     */
    TokenCheck check(String token, TokenType expected);
}
