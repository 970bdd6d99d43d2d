package org.revlab.bench;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.revlab.core.Ids;
import org.revlab.core.token.JjwtTokenCodec;
import org.revlab.core.token.SigningAlgorithm;
import org.revlab.core.token.SigningKeys;
import org.revlab.core.token.TokenClaims;
import org.revlab.core.token.TokenType;

/**
 * The two floors a token strategy is compared with: the bare cryptography (the JDK's MAC or
 * signature over the token's signing input, reusing one {@code Mac} or {@code Signature}, plus
 * the Base64URL decoding of payload and signature) and jjwt's own parse-and-verify with no
 * strategy around it. Both read a token of exactly the shape the strategies issue.
 *
 * <p>Dead code: {@code floor} returns the decoded payload, or null when the check fails, so
 * both the decoding and the check's outcome reach JMH; {@code jjwtBare} returns the parsed
 * token. The token sits in a non-final
 * state field, so it cannot be folded. The floor does not check claims; it is what no verifier
 * can go below, not a verifier.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TokenFloorBenchmark -prof gc
 * -p algorithm=HS256,ES256}; settings on the class are overridden with {@code -wi}, {@code -i},
 * {@code -f}, {@code -tu}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TokenFloorBenchmark {

    /** JWA name: HS256, ES256, EdDSA or RS256. */
    @Param({"HS256"})
    public String algorithm;

    private String token;
    private Mac mac;
    private Signature signature;
    private JwtParser parser;

    @Setup(Level.Trial)
    public void prepare() throws GeneralSecurityException {
        SigningAlgorithm alg = SigningAlgorithm.parse(algorithm);
        SigningKeys keys = SigningKeys.generate(alg);
        Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond());
        token = new JjwtTokenCodec(keys, Clock.systemUTC(), Duration.ofSeconds(5)).issue(
                new TokenClaims(TokenType.ACCESS, "bench-user-0", Ids.random(), Ids.random(), now,
                        now.plus(Duration.ofDays(1)), 0));
        if (alg.symmetric()) {
            SecretKey key = (SecretKey) keys.verificationKey();
            mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            parser = Jwts.parser().verifyWith(key).build();
        } else {
            PublicKey key = (PublicKey) keys.verificationKey();
            signature = Signature.getInstance(jdkSignatureName(alg));
            signature.initVerify(key);
            parser = Jwts.parser().verifyWith(key).build();
        }
        if (verifiedPayload(token) == null) {
            throw new IllegalStateException("The floor does not verify its own token: " + token);
        }
    }

    private static String jdkSignatureName(SigningAlgorithm alg) {
        switch (alg) {
            case RS256: return "SHA256withRSA";
            // JWS carries ECDSA as raw r||s (RFC 7518 §3.4), which the JDK calls P1363 format.
            case ES256: return "SHA256withECDSAinP1363Format";
            // Ed25519 or Ed448, whichever the generated key is; the JDK picks by key.
            case EDDSA: return "EdDSA";
            default: throw new IllegalArgumentException("No JDK signature for " + alg);
        }
    }

    /** The cryptographic floor: decode, then one MAC or signature check, nothing else. */
    @Benchmark
    public byte[] floor() throws GeneralSecurityException {
        return verifiedPayload(token);
    }

    /** The decoded payload if the signature holds, else null. */
    private byte[] verifiedPayload(String t) throws GeneralSecurityException {
        int first = t.indexOf('.');
        int last = t.lastIndexOf('.');
        byte[] input = t.substring(0, last).getBytes(StandardCharsets.US_ASCII);
        Base64.Decoder decoder = Base64.getUrlDecoder();
        byte[] payload = decoder.decode(t.substring(first + 1, last));
        byte[] presented = decoder.decode(t.substring(last + 1));
        boolean valid;
        if (mac != null) {
            valid = MessageDigest.isEqual(mac.doFinal(input), presented);
        } else {
            signature.update(input);
            valid = signature.verify(presented);
        }
        return valid ? payload : null;
    }

    /** jjwt's parse and verify, with its default checks and nothing of this project's. */
    @Benchmark
    public Jws<Claims> jjwtBare() {
        return parser.parseSignedClaims(token);
    }
}
