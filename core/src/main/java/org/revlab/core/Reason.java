package org.revlab.core;

/**
 * Why a credential was accepted or rejected. Every verdict carries one; tests, metrics and the
 * HTTP API expose its {@link #code()}, which is stable and machine-readable.
 */
public enum Reason {
    ACCEPTED("accepted"),
    /** No credential where the strategy needs one. */
    MISSING("missing"),
    /** Not a well-formed token or session id: structure, encoding, JSON or a required claim. */
    MALFORMED("malformed"),
    /** The signature does not verify with the configured key. */
    BAD_SIGNATURE("bad_signature"),
    /** The header names another algorithm than the configured one, or asks for a key of its own. */
    BAD_ALGORITHM("bad_algorithm"),
    /** A long-lived token where a short one is expected, or the reverse (RFC 8725 §3.11). */
    WRONG_TYPE("wrong_type"),
    /** Past {@code exp}, or a stateful session past its end. */
    EXPIRED("expired"),
    /** {@code iat} or {@code nbf} lies in the future beyond the allowed clock skew. */
    NOT_YET_VALID("not_yet_valid"),
    /** The session, or every session of its user, was revoked after this credential was issued. */
    REVOKED("revoked"),
    /** The store knows no such session. */
    UNKNOWN_SESSION("unknown_session"),
    /** The store could not be asked, so nothing that needed it is accepted. */
    STORE_UNAVAILABLE("store_unavailable");

    private final String code;

    Reason(String code) {
        this.code = code;
    }

    /** The stable, lower-case code used in JSON, metrics and result files. */
    public String code() {
        return code;
    }
}
