package org.revlab.core.token;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import io.jsonwebtoken.security.SignatureAlgorithm;
import java.security.Key;
import java.util.Objects;
import javax.crypto.SecretKey;

/**
 * The key material for one algorithm: what signs and what verifies. For HS256 both are the
 * same 256-bit secret; for the others a key pair generated per run unless one is given.
 */
public final class SigningKeys {

    /** RFC 7518 §3.2: an HS256 key must be at least as long as the hash, 256 bits. */
    public static final int MIN_HMAC_KEY_BYTES = 32;

    private final SigningAlgorithm algorithm;
    private final Key signingKey;
    private final Key verificationKey;

    private SigningKeys(SigningAlgorithm algorithm, Key signingKey, Key verificationKey) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
        this.verificationKey = Objects.requireNonNull(verificationKey, "verificationKey");
    }

    /** Fresh keys for {@code algorithm}, as a run does when none are configured. */
    public static SigningKeys generate(SigningAlgorithm algorithm) {
        if (algorithm == SigningAlgorithm.HS256) {
            SecretKey key = Jwts.SIG.HS256.key().build();
            return new SigningKeys(algorithm, key, key);
        }
        java.security.KeyPair pair = ((SignatureAlgorithm) (Object) algorithm.jjwt()).keyPair().build();
        return new SigningKeys(algorithm, pair.getPrivate(), pair.getPublic());
    }

    /** HS256 with a configured secret; refuses one shorter than 256 bits. */
    public static SigningKeys hmac(byte[] secret) {
        if (secret == null || secret.length < MIN_HMAC_KEY_BYTES) {
            int bits = secret == null ? 0 : secret.length * 8;
            throw new IllegalArgumentException("The HS256 key has " + bits
                    + " bits; it needs at least 256 bits (32 bytes), as RFC 7518 section 3.2"
                    + " requires. Give a longer key, or none to generate one per run.");
        }
        return new SigningKeys(SigningAlgorithm.HS256, Keys.hmacShaKeyFor(secret),
                Keys.hmacShaKeyFor(secret));
    }

    /** Verification only, as the inspector does with a public key (signing is refused). */
    public static SigningKeys verifyOnly(SigningAlgorithm algorithm, Key verificationKey) {
        return new SigningKeys(algorithm, verificationKey, verificationKey);
    }

    /** Keys from an existing pair or secret. */
    public static SigningKeys of(SigningAlgorithm algorithm, Key signingKey, Key verificationKey) {
        return new SigningKeys(algorithm, signingKey, verificationKey);
    }

    public SigningAlgorithm algorithm() {
        return algorithm;
    }

    public Key signingKey() {
        return signingKey;
    }

    public Key verificationKey() {
        return verificationKey;
    }
}
