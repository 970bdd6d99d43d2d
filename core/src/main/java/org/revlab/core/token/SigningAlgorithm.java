package org.revlab.core.token;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import java.security.Key;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The signing algorithms a run can be configured with. The accepted algorithm comes from
 * configuration only, never from a token's header (RFC 8725 §3.1).
 */
public enum SigningAlgorithm {
    HS256("HS256", Jwts.SIG.HS256),
    RS256("RS256", Jwts.SIG.RS256),
    ES256("ES256", Jwts.SIG.ES256),
    EDDSA("EdDSA", Jwts.SIG.EdDSA);

    private final String jwaName;
    private final SecureDigestAlgorithm<Key, Key> jjwt;

    @SuppressWarnings("unchecked")
    SigningAlgorithm(String jwaName, SecureDigestAlgorithm<? extends Key, ? extends Key> jjwt) {
        this.jwaName = jwaName;
        // jjwt types its algorithms by key class; the keys paired with each are checked by jjwt.
        this.jjwt = (SecureDigestAlgorithm<Key, Key>) jjwt;
    }

    /** The JWA name as written in the {@code alg} header. */
    public String jwaName() {
        return jwaName;
    }

    SecureDigestAlgorithm<Key, Key> jjwt() {
        return jjwt;
    }

    public boolean symmetric() {
        return this == HS256;
    }

    /** Parses a JWA name case-sensitively, as RFC 7515 compares them. */
    public static SigningAlgorithm parse(String text) {
        for (SigningAlgorithm a : values()) {
            if (a.jwaName.equals(text)) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unsupported algorithm '" + text
                + "'; supported algorithms: " + validNames() + ".");
    }

    public static String validNames() {
        return Arrays.stream(values()).map(SigningAlgorithm::jwaName)
                .collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return jwaName;
    }
}
