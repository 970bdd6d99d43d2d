package org.revlab.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.revlab.core.token.RawTokenForge.b64;
import static org.revlab.core.token.RawTokenForge.header;
import static org.revlab.core.token.RawTokenForge.hs256;
import static org.revlab.core.token.RawTokenForge.hs256Raw;
import static org.revlab.core.token.RawTokenForge.payload;

import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.revlab.core.MutableClock;
import org.revlab.core.Reason;

/**
 * One test per validation rule of {@link JjwtTokenCodec}, each on a token that is correctly
 * signed with the configured key unless the rule is about the signature, so that only the rule
 * under test can refuse it. The RFC section is named in each rule's code and in the README.
 */
class TokenRulesTest {

    static final long NOW = 1_767_225_600L; // 2026-01-01T00:00:00Z
    static final String ACCESS = header("at+jwt");

    final MutableClock clock = new MutableClock(Instant.ofEpochSecond(NOW));
    final JjwtTokenCodec codec = new JjwtTokenCodec(SigningKeys.hmac(RawTokenForge.SECRET), clock,
            Duration.ofSeconds(5));

    TokenCheck check(String token) {
        return codec.check(token, TokenType.ACCESS);
    }

    String valid() {
        return hs256(ACCESS, payload(NOW, NOW + 60));
    }

    void assertRejected(String token, Reason reason) {
        TokenCheck c = check(token);
        assertThat(c.valid()).as("accepted: %s", token).isFalse();
        assertThat(c.reason()).as(c.detail()).isEqualTo(reason);
        assertThat(c.detail()).isNotBlank();
    }

    @Test
    void aCorrectlyForgedTokenIsAcceptedSoThatEveryRefusalBelowIsTheRulesDoing() {
        TokenCheck c = check(valid());
        assertThat(c.valid()).as(c.detail()).isTrue();
        assertThat(c.claims().subject()).isEqualTo("alice");
    }

    @Nested
    class Structure {
        @Test
        void twoOrFourSegmentsAreMalformed() {
            String[] p = valid().split("\\.");
            assertRejected(p[0] + "." + p[1], Reason.MALFORMED);
            assertRejected(valid() + ".", Reason.MALFORMED);
            assertRejected(valid() + "." + p[2], Reason.MALFORMED);
        }

        @Test
        void paddingIsRefusedAlthoughJjwtAcceptsIt() {
            String padded = valid() + "=";
            assertThat(JjwtGapsTest.bareJjwtAccepts(padded)).isTrue();
            assertRejected(padded, Reason.MALFORMED);
        }

        @Test
        void theStandardBase64AlphabetIsRefused() {
            String[] p = valid().split("\\.");
            String std = p[0] + "." + p[1] + "." + p[2].replace('-', '+').replace('_', '/');
            if (std.equals(valid())) {
                std = p[0] + "." + p[1] + "." + "+" + p[2].substring(1);
            }
            assertRejected(std, Reason.MALFORMED);
        }

        @Test
        void nonZeroTrailingBitsAreRefusedAlthoughJjwtAcceptsThem() {
            // 32 signature bytes are 43 characters; the last carries 2 unused bits.
            String token = valid();
            char last = token.charAt(token.length() - 1);
            String twin = token.substring(0, token.length() - 1) + (char) (last + 1);
            assertThat(JjwtGapsTest.bareJjwtAccepts(twin)).isTrue();
            assertRejected(twin, Reason.MALFORMED);
        }

        @Test
        void nonCanonicalPayloadEncodingIsRefusedEvenWhenSignedOverIt() {
            String p = b64(payload(NOW, NOW + 60));
            // Find a segment whose length leaves unused bits, then set them.
            String body = p.length() % 4 == 0 ? b64(payload(NOW, NOW + 600) + " ") : p;
            char last = body.charAt(body.length() - 1);
            String twisted = body.substring(0, body.length() - 1) + (char) (last + 1);
            assertRejected(hs256Raw(b64(ACCESS), twisted), Reason.MALFORMED);
        }

        @ParameterizedTest
        @ValueSource(strings = {" ", "\n", "\t", "\r\n"})
        void whitespaceAnywhereIsRefused(String ws) {
            String t = valid();
            assertRejected(ws + t, Reason.MALFORMED);
            assertRejected(t + ws, Reason.MALFORMED);
            int dot = t.indexOf('.');
            assertRejected(t.substring(0, dot) + ws + t.substring(dot), Reason.MALFORMED);
        }

        @Test
        void aLengthOfFourKPlusOneIsRefused() {
            String[] p = valid().split("\\.");
            String payload = p[1] + "A".repeat((5 - p[1].length() % 4) % 4);
            assertThat(payload.length() % 4).isEqualTo(1);
            assertRejected(p[0] + "." + payload + "." + p[2], Reason.MALFORMED);
            assertRejected(p[0] + "A".repeat((5 - p[0].length() % 4) % 4) + "." + p[1] + "."
                    + p[2], Reason.MALFORMED);
        }

        @Test
        void onlyJsonObjectsAreAccepted() {
            assertRejected(hs256(ACCESS, "[1,2]"), Reason.MALFORMED);
            assertRejected(hs256(ACCESS, "\"exp\""), Reason.MALFORMED);
            assertRejected(hs256(ACCESS, "42"), Reason.MALFORMED);
            assertRejected(hs256("[\"HS256\"]", payload(NOW, NOW + 60)), Reason.MALFORMED);
            assertRejected(hs256(ACCESS, payload(NOW, NOW + 60) + "{}"), Reason.MALFORMED);
            assertRejected(hs256(ACCESS, ""), Reason.MALFORMED);
        }

        @Test
        void duplicateClaimNamesAreRefused() {
            String dup = payload(NOW, NOW + 60).replace("\"sub\":\"alice\"",
                    "\"sub\":\"alice\",\"sub\":\"mallory\"");
            assertRejected(hs256(ACCESS, dup), Reason.MALFORMED);
            String dupExp = payload(NOW, NOW + 60).replace("}", ",\"exp\":" + (NOW + 99999) + "}");
            assertRejected(hs256(ACCESS, dupExp), Reason.MALFORMED);
        }

        @Test
        void duplicateHeaderNamesAreRefused() {
            String dup = "{\"alg\":\"none\",\"alg\":\"HS256\",\"typ\":\"at+jwt\"}";
            assertRejected(hs256(dup, payload(NOW, NOW + 60)), Reason.MALFORMED);
        }

        @Test
        void invalidUtf8IsRefused() {
            byte[] json = payload(NOW, NOW + 60).replace("alice", "al\u00e9ce")
                    .getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < json.length; i++) {
                if (json[i] == (byte) 0xC3) {
                    json[i + 1] = (byte) 0x28; // a lead byte followed by no continuation byte
                }
            }
            String input = b64(ACCESS) + "." + b64(json);
            String token = input + "." + b64(RawTokenForge.hmac(RawTokenForge.SECRET, input));
            assertRejected(token, Reason.MALFORMED);
        }

        @Test
        void anOversizedTokenIsRefusedBeforeDecoding() {
            String huge = "x".repeat(JjwtTokenCodec.MAX_TOKEN_CHARS + 1);
            TokenCheck c = check(huge);
            assertThat(c.reason()).isEqualTo(Reason.MALFORMED);
            assertThat(c.detail()).contains("characters").contains(""
                    + JjwtTokenCodec.MAX_TOKEN_CHARS);
            // A correctly signed token over the limit is refused too.
            String big = hs256(ACCESS, payload(NOW, NOW + 60).replace("}",
                    ",\"pad\":\"" + "a".repeat(JjwtTokenCodec.MAX_TOKEN_CHARS) + "\"}"));
            assertRejected(big, Reason.MALFORMED);
        }
    }

    @Nested
    class Header {
        @ParameterizedTest
        @ValueSource(strings = {"none", "None", "NONE", "nOnE", "HS384", "HS512", "RS256",
            "ES256", "EdDSA", "hs256", "HS256 ", ""})
        void onlyTheConfiguredAlgorithmIsAccepted(String alg) {
            String h = "{\"alg\":\"" + alg + "\",\"typ\":\"at+jwt\"}";
            assertRejected(hs256(h, payload(NOW, NOW + 60)), Reason.BAD_ALGORITHM);
            String unsigned = RawTokenForge.signingInput(h, payload(NOW, NOW + 60)) + ".";
            assertRejected(unsigned, Reason.BAD_ALGORITHM);
        }

        @Test
        void aMissingOrNonStringAlgIsRefused() {
            assertRejected(hs256("{\"typ\":\"at+jwt\"}", payload(NOW, NOW + 60)),
                    Reason.BAD_ALGORITHM);
            assertRejected(hs256("{\"alg\":null,\"typ\":\"at+jwt\"}", payload(NOW, NOW + 60)),
                    Reason.MALFORMED);
        }

        @Test
        void hs256SignedWithTheRsaPublicKeyIsRefused() throws Exception {
            // The classic key confusion: the verifier's public key used as an HMAC secret.
            KeyPair pair = Jwts.SIG.RS256.keyPair().build();
            JjwtTokenCodec rsa = new JjwtTokenCodec(
                    SigningKeys.verifyOnly(SigningAlgorithm.RS256, pair.getPublic()), clock,
                    Duration.ofSeconds(5));
            byte[] publicBytes = pair.getPublic().getEncoded();
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + java.util.Base64.getMimeEncoder().encodeToString(publicBytes)
                    + "\n-----END PUBLIC KEY-----\n";
            for (byte[] secret : new byte[][] {publicBytes, pem.getBytes(StandardCharsets.UTF_8)}) {
                String forged = hs256(secret, ACCESS, payload(NOW, NOW + 60));
                TokenCheck c = rsa.check(forged, TokenType.ACCESS);
                assertThat(c.reason()).as(c.detail()).isEqualTo(Reason.BAD_ALGORITHM);
            }
            String genuine = RawTokenForge.rs256(pair.getPrivate(),
                    "{\"alg\":\"RS256\",\"typ\":\"at+jwt\"}", payload(NOW, NOW + 60));
            assertThat(rsa.check(genuine, TokenType.ACCESS).valid()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"jwk\":{\"kty\":\"oct\",\"k\":\"AAAA\"}",
            "\"jku\":\"http://127.0.0.1/keys\"", "\"x5u\":\"http://127.0.0.1/cert\"",
            "\"x5c\":[\"MIIB\"]", "\"kid\":\"../../dev/null\"", "\"kid\":\"\"",
            "\"x5t\":\"abc\"", "\"x5t#S256\":\"abc\""})
        void keysNamedOrCarriedByTheTokenAreRefused(String member) {
            String h = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\"," + member + "}";
            assertRejected(hs256(h, payload(NOW, NOW + 60)), Reason.BAD_ALGORITHM);
        }

        @Test
        void criticalExtensionsAreRefused() {
            String h = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"crit\":[\"exp\"],\"exp\":1}";
            assertRejected(hs256(h, payload(NOW, NOW + 60)), Reason.BAD_ALGORITHM);
            String empty = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"crit\":[]}";
            assertRejected(hs256(empty, payload(NOW, NOW + 60)), Reason.BAD_ALGORITHM);
        }

        @Test
        void compressionIsRefused() {
            String h = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"zip\":\"DEF\"}";
            assertRejected(hs256(h, payload(NOW, NOW + 60)), Reason.BAD_ALGORITHM);
        }

        @Test
        void unencodedPayloadsAreRefused() {
            String h = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"b64\":false,\"crit\":[\"b64\"]}";
            assertRejected(hs256(h, payload(NOW, NOW + 60)), Reason.BAD_ALGORITHM);
            String alone = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"b64\":true}";
            assertRejected(hs256(alone, payload(NOW, NOW + 60)), Reason.BAD_ALGORITHM);
        }

        @Test
        void nestedTokensAreRefused() {
            String h = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"cty\":\"JWT\"}";
            assertRejected(hs256(h, payload(NOW, NOW + 60)), Reason.BAD_ALGORITHM);
        }

        @Test
        void unknownNonCriticalMembersAreIgnoredAsRfc7515Says() {
            String h = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"x-note\":[1,{\"a\":2}]}";
            assertThat(check(hs256(h, payload(NOW, NOW + 60))).valid()).isTrue();
        }

        @Test
        void anEmptySignatureIsMalformedAndAWrongOneBad() {
            String[] p = valid().split("\\.");
            assertRejected(p[0] + "." + p[1] + ".", Reason.MALFORMED);
            String other = hs256("x".repeat(40).getBytes(StandardCharsets.US_ASCII), ACCESS,
                    payload(NOW, NOW + 60));
            assertRejected(other, Reason.BAD_SIGNATURE);
        }

        @Test
        void aSignatureOfTheWrongLengthIsRefused() {
            String[] p = valid().split("\\.");
            byte[] sig = java.util.Base64.getUrlDecoder().decode(p[2]);
            byte[] longer = java.util.Arrays.copyOf(sig, 64);
            assertRejected(p[0] + "." + p[1] + "." + b64(longer), Reason.BAD_SIGNATURE);
            byte[] shorter = java.util.Arrays.copyOf(sig, 31);
            assertRejected(p[0] + "." + p[1] + "." + b64(shorter), Reason.BAD_SIGNATURE);
        }

        @Test
        void anEs256SignatureWithZeroHalvesIsRefused() {
            JjwtTokenCodec ec = new JjwtTokenCodec(SigningKeys.generate(SigningAlgorithm.ES256),
                    clock, Duration.ofSeconds(5));
            String input = RawTokenForge.signingInput("{\"alg\":\"ES256\",\"typ\":\"at+jwt\"}",
                    payload(NOW, NOW + 60));
            TokenCheck c = ec.check(input + "." + b64(new byte[64]), TokenType.ACCESS);
            assertThat(c.reason()).as(c.detail()).isEqualTo(Reason.BAD_SIGNATURE);
            assertThat(c.detail()).contains("zero");
        }
    }

    @Nested
    class Claims {
        @ParameterizedTest
        @ValueSource(strings = {"\"9999999999\"", "\"2999-01-01T00:00:00Z\"", "\"\"", "null",
            "true", "false", "[1]", "{}", "-1", "1e300", "9223372036854775808",
            "253402300800"})
        void expMustBeANumericDateInRange(String exp) {
            assertRejected(hs256(ACCESS, payload(Long.toString(NOW), exp)), Reason.MALFORMED);
        }

        @Test
        void aMissingExpIsARejectionNotNoExpiry() {
            String noExp = payload(NOW, NOW).replace(",\"exp\":" + NOW, "");
            assertThat(noExp).doesNotContain("exp");
            assertRejected(hs256(ACCESS, noExp), Reason.MALFORMED);
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"0\"", "null", "true", "\"\""})
        void iatAndNbfMustBeNumbersToo(String value) {
            assertRejected(hs256(ACCESS, payload(value, Long.toString(NOW + 60))),
                    Reason.MALFORMED);
            String nbf = payload(NOW, NOW + 60).replace("}", ",\"nbf\":" + value + "}");
            assertRejected(hs256(ACCESS, nbf), Reason.MALFORMED);
        }

        @Test
        void expEqualToNowIsExpired() {
            assertRejected(hs256(ACCESS, payload(NOW - 10, NOW)), Reason.EXPIRED);
            clock.set(Instant.ofEpochSecond(NOW - 1, 999_999_999));
            assertThat(check(hs256(ACCESS, payload(NOW - 10, NOW))).valid()).isTrue();
        }

        @Test
        void fractionalNumericDatesAreExact() {
            JjwtTokenCodec strict = new JjwtTokenCodec(SigningKeys.hmac(RawTokenForge.SECRET),
                    clock, Duration.ZERO);
            String token = hs256(ACCESS, payload(Long.toString(NOW - 10), NOW + ".5"));
            clock.set(Instant.ofEpochSecond(NOW, 400_000_000));
            TokenCheck before = strict.check(token, TokenType.ACCESS);
            assertThat(before.valid()).as(before.detail()).isTrue();
            assertThat(before.claims().expiresAt()).isEqualTo(Instant.ofEpochSecond(NOW,
                    500_000_000));
            clock.set(Instant.ofEpochSecond(NOW, 500_000_000));
            assertThat(strict.check(token, TokenType.ACCESS).reason()).isEqualTo(Reason.EXPIRED);
            String exponent = hs256(ACCESS, payload("1.7672256e9", "1.7672257e9"));
            assertThat(strict.check(exponent, TokenType.ACCESS).valid()).isTrue();
        }

        @Test
        void nbfInTheFutureBeyondTheSkewIsNotYetValid() {
            String within = payload(NOW, NOW + 60).replace("}", ",\"nbf\":" + (NOW + 5) + "}");
            assertThat(check(hs256(ACCESS, within)).valid()).isTrue();
            String beyond = payload(NOW, NOW + 60).replace("}", ",\"nbf\":" + (NOW + 5)
                    + ".001}");
            assertRejected(hs256(ACCESS, beyond), Reason.NOT_YET_VALID);
        }

        @Test
        void iatInTheFutureBeyondTheSkewIsNotYetValid() {
            assertThat(check(hs256(ACCESS, payload(NOW + 5, NOW + 60))).valid()).isTrue();
            assertRejected(hs256(ACCESS, payload(NOW + 6, NOW + 60)), Reason.NOT_YET_VALID);
            assertRejected(hs256(ACCESS, payload(Long.toString(NOW), Long.toString(NOW + 60))
                    .replace("\"iat\":" + NOW + ",", "")), Reason.MALFORMED);
        }

        @Test
        void theTypeIsChecked() {
            assertRejected(hs256(header("lt+jwt"), payload(NOW, NOW + 60)), Reason.WRONG_TYPE);
            assertRejected(hs256(header("JWT"), payload(NOW, NOW + 60)), Reason.WRONG_TYPE);
            assertRejected(hs256("{\"alg\":\"HS256\"}", payload(NOW, NOW + 60)),
                    Reason.WRONG_TYPE);
            assertRejected(hs256("{\"alg\":\"HS256\",\"typ\":7}", payload(NOW, NOW + 60)),
                    Reason.MALFORMED);
            TokenCheck longAsShort = codec.check(valid(), TokenType.LONG_LIVED);
            assertThat(longAsShort.reason()).isEqualTo(Reason.WRONG_TYPE);
        }

        @Test
        void typCompareAsMediaTypesDo() {
            assertThat(check(hs256(header("application/at+jwt"), payload(NOW, NOW + 60)))
                    .valid()).isTrue();
            assertThat(check(hs256(header("AT+JWT"), payload(NOW, NOW + 60))).valid()).isTrue();
        }

        @Test
        void anAudienceIsRefusedSinceThisVerifierHasNone() {
            String aud = payload(NOW, NOW + 60).replace("}", ",\"aud\":\"other-service\"}");
            assertRejected(hs256(ACCESS, aud), Reason.MALFORMED);
        }

        @Test
        void theIssuerIsRequired() {
            String other = payload(NOW, NOW + 60).replace("\"revlab\"", "\"evil\"");
            assertRejected(hs256(ACCESS, other), Reason.MALFORMED);
        }
    }

    @Test
    void tokensTheCodecIssuesPassEveryRule() {
        for (SigningAlgorithm alg : SigningAlgorithm.values()) {
            JjwtTokenCodec c = new JjwtTokenCodec(SigningKeys.generate(alg), clock,
                    Duration.ofSeconds(5));
            String t = c.issue(new TokenClaims(TokenType.LONG_LIVED, "bob", "s", "j",
                    clock.instant(), clock.instant().plusSeconds(30), 3));
            TokenCheck r = c.check(t, TokenType.LONG_LIVED);
            assertThat(r.valid()).as(alg + ": " + r.detail()).isTrue();
            assertThat(r.claims().epoch()).isEqualTo(3);
        }
    }
}
