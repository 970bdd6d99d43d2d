package org.revlab.core.token;

import org.revlab.core.Reason;

/**
 * The result of checking one token: its claims when it is valid, otherwise the reason and a
 * sentence that says what was wrong.
 */
public record TokenCheck(Reason reason, String detail, TokenClaims claims) {

    public static TokenCheck valid(TokenClaims claims) {
        return new TokenCheck(Reason.ACCEPTED, "valid", claims);
    }

    public static TokenCheck invalid(Reason reason, String detail) {
        return new TokenCheck(reason, detail, null);
    }

    public boolean valid() {
        return reason == Reason.ACCEPTED;
    }
}
