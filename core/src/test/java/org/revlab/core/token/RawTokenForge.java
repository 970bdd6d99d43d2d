package org.revlab.core.token;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds tokens from raw header and payload JSON, as an attacker (or a buggy issuer holding the
 * key) would: the only way to test what the verifier does with JSON jjwt would never write.
 * Test code only; the product path signs with jjwt.
 */
final class RawTokenForge {

    /** A fixed 256-bit HS256 secret, so that failures reproduce. */
    static final byte[] SECRET = "revlab-test-secret-0123456789abcdef".getBytes(
            StandardCharsets.US_ASCII);

    private RawTokenForge() {
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String b64(String json) {
        return b64(json.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code header.payload}, each Base64URL-encoded. */
    static String signingInput(String headerJson, String payloadJson) {
        return b64(headerJson) + "." + b64(payloadJson);
    }

    static String hs256(String headerJson, String payloadJson) {
        return hs256(SECRET, headerJson, payloadJson);
    }

    static String hs256(byte[] secret, String headerJson, String payloadJson) {
        String input = signingInput(headerJson, payloadJson);
        return input + "." + b64(hmac(secret, input));
    }

    /** Signs arbitrary, already-encoded segments (for non-canonical encodings). */
    static String hs256Raw(String encodedHeader, String encodedPayload) {
        String input = encodedHeader + "." + encodedPayload;
        return input + "." + b64(hmac(SECRET, input));
    }

    static byte[] hmac(byte[] secret, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String rs256(PrivateKey key, String headerJson, String payloadJson) {
        String input = signingInput(headerJson, payloadJson);
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(s.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(String typ) {
        return "{\"alg\":\"HS256\",\"typ\":\"" + typ + "\"}";
    }

    /** A payload with every claim the codec requires, around {@code exp} and {@code iat}. */
    static String payload(String iat, String exp) {
        return "{\"iss\":\"revlab\",\"sub\":\"alice\",\"jti\":\"j1\",\"iat\":" + iat
                + ",\"exp\":" + exp + ",\"sid\":\"s1\",\"rev\":0}";
    }

    static String payload(long iat, long exp) {
        return payload(Long.toString(iat), Long.toString(exp));
    }
}
