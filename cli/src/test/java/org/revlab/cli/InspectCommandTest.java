package org.revlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revlab.core.token.JjwtTokenCodec;
import org.revlab.core.token.SigningAlgorithm;
import org.revlab.core.token.SigningKeys;
import org.revlab.core.token.TokenClaims;
import org.revlab.core.token.TokenType;
import picocli.CommandLine;

/** {@code ./revlab inspect}: verdicts, exit codes, output formats, and garbage of every kind. */
class InspectCommandTest {

    static final String SECRET = "inspect-test-secret-0123456789abcdef";
    static final String TEXT_KEY = "text:" + SECRET;
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    final InputStream originalIn = System.in;
    String out;
    String err;

    @AfterEach
    void restoreStdin() {
        System.setIn(originalIn);
    }

    int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cl = Revlab.commandLine();
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(e));
        int code = cl.execute(args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    int runWithStdin(byte[] stdin, String... args) {
        System.setIn(new ByteArrayInputStream(stdin));
        return run(args);
    }

    static String issue(SigningKeys keys, TokenType type, Instant iat, long ttlSeconds) {
        JjwtTokenCodec codec = new JjwtTokenCodec(keys, Clock.fixed(iat, ZoneOffset.UTC),
                Duration.ofSeconds(5));
        return codec.issue(new TokenClaims(type, "alice", "sid-1", "jti-1", iat,
                iat.plusSeconds(ttlSeconds), 0));
    }

    static String hs256Token() {
        return issue(SigningKeys.hmac(SECRET.getBytes(StandardCharsets.UTF_8)), TokenType.ACCESS,
                NOW, 60);
    }

    @Test
    void aValidTokenIsAcceptedWithItsHeaderAndClaimsShown() {
        int code = run("inspect", "--key", TEXT_KEY, "--now", "2026-01-01T00:00:30Z",
                hs256Token());
        assertThat(code).as(err).isZero();
        assertThat(out).contains("verdict: accepted (accepted)").contains("\"sub\" : \"alice\"")
                .contains("\"typ\" : \"at+jwt\"");
    }

    @Test
    void anExpiredTokenIsRejectedWithExitOneAndItsReason() {
        int code = run("inspect", "--key", TEXT_KEY, "--now", "1767225660", hs256Token());
        assertThat(code).isEqualTo(1);
        assertThat(out).contains("verdict: rejected (expired)");
    }

    @Test
    void theKeyCanBeGivenAsBase64UrlOrAsAFile(@TempDir Path dir) throws Exception {
        String b64 = Base64.getUrlEncoder().withoutPadding().encodeToString(
                SECRET.getBytes(StandardCharsets.UTF_8));
        assertThat(run("inspect", "--key", "b64:" + b64, "--now", "1767225601", hs256Token()))
                .isZero();
        Path file = dir.resolve("secret");
        Files.writeString(file, SECRET);
        assertThat(run("inspect", "--key-file", file.toString(), "--now", "1767225601",
                hs256Token())).isZero();
        // A bare key is Base64URL, as ./revlab serve --key takes it.
        assertThat(run("inspect", "--key", b64, "--now", "1767225601", hs256Token())).isZero();
        // The same characters taken as text are another key.
        assertThat(run("inspect", "--key", "text:" + b64, "--now", "1767225601", hs256Token()))
                .isEqualTo(1);
        assertThat(out).contains("bad_signature");
        assertThat(run("inspect", "--key", "not base64!", hs256Token())).isEqualTo(2);
        assertThat(err).contains("text:SECRET");
    }

    @Test
    void anRs256TokenIsCheckedWithAPemPublicKey(@TempDir Path dir) throws Exception {
        SigningKeys keys = SigningKeys.generate(SigningAlgorithm.RS256);
        String token = issue(keys, TokenType.LONG_LIVED, NOW, 600);
        Path pem = dir.resolve("public.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder()
                .encodeToString(keys.verificationKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        assertThat(run("inspect", "--alg", "RS256", "--key-file", pem.toString(), "--type", "long",
                "--now", "1767225601", token)).as(out + err).isZero();
        assertThat(run("inspect", "--alg", "RS256", "--key-file", pem.toString(), "--now",
                "1767225601", token)).isEqualTo(1);
        assertThat(out).contains("wrong_type");
        // The key-confusion attack: HS256 signed with that PEM as the secret.
        String forged = issue(SigningKeys.hmac(Files.readAllBytes(pem)), TokenType.LONG_LIVED,
                NOW, 600);
        assertThat(run("inspect", "--alg", "RS256", "--key-file", pem.toString(), "--type",
                "long", "--now", "1767225601", forged)).isEqualTo(1);
        assertThat(out).contains("bad_algorithm");
    }

    @Test
    void jsonOutputIsOneObjectWithTheDocumentedFields() throws Exception {
        assertThat(run("inspect", "--json", "--key", TEXT_KEY, "--now", "1767225601.5",
                hs256Token())).isZero();
        JsonNode o = JSON.readTree(out);
        assertThat(out.trim().split("\n")).hasSize(1);
        assertThat(o.get("verdict").asText()).isEqualTo("accepted");
        assertThat(o.get("reason").asText()).isEqualTo("accepted");
        assertThat(o.get("detail").asText()).isNotEmpty();
        assertThat(o.get("expected_type").asText()).isEqualTo("at+jwt");
        assertThat(o.get("algorithm").asText()).isEqualTo("HS256");
        assertThat(o.get("now").asText()).isEqualTo("2026-01-01T00:00:01.500Z");
        assertThat(o.get("leeway_seconds").asInt()).isEqualTo(5);
        assertThat(o.get("token_chars").asInt()).isEqualTo(hs256Token().length());
        assertThat(o.get("header").get("alg").asText()).isEqualTo("HS256");
        assertThat(o.get("claims").get("sub").asText()).isEqualTo("alice");
        assertThat(o.get("header_error").isNull()).isTrue();
        assertThat(o.get("claims_error").isNull()).isTrue();
    }

    @Test
    void theTokenIsReadFromStandardInputWithOneLineEndDropped() {
        byte[] line = (hs256Token() + "\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(runWithStdin(line, "inspect", "--key", TEXT_KEY, "--now", "1767225601"))
                .isZero();
        assertThat(runWithStdin(line, "inspect", "-", "--key", TEXT_KEY, "--now", "1767225601"))
                .isZero();
        byte[] twoLines = (hs256Token() + "\n\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(runWithStdin(twoLines, "inspect", "--key", TEXT_KEY, "--now", "1767225601"))
                .isEqualTo(1);
    }

    @Test
    void emptyStdinIsARejectionNotACrash() throws Exception {
        assertThat(runWithStdin(new byte[0], "inspect", "--json", "--key", TEXT_KEY)).isEqualTo(1);
        assertThat(JSON.readTree(out).get("reason").asText()).isEqualTo("missing");
    }

    @Test
    void garbageAlwaysGetsAVerdict() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[random.nextInt(i < 190 ? 400 : 200_000)];
            random.nextBytes(bytes);
            if (i % 3 == 0) {
                // Mostly-plausible garbage: three segments of Base64URL-ish text.
                String s = Base64.getUrlEncoder().encodeToString(bytes);
                int a = s.length() / 3;
                bytes = (s.substring(0, a) + "." + s.substring(a, 2 * a) + "." + s.substring(2 * a))
                        .getBytes(StandardCharsets.US_ASCII);
            }
            int code = runWithStdin(bytes, "inspect", "--json", "--key", TEXT_KEY);
            assertThat(code).as("input %d: %s", i, err).isEqualTo(1);
            assertThat(err).isEmpty();
            assertThat(JSON.readTree(out).get("verdict").asText()).isEqualTo("rejected");
        }
    }

    @Test
    void hugeAndBinaryInputIsRejectedWithoutReadingItAll() throws Exception {
        byte[] huge = new byte[5 * InspectCommand.MAX_STDIN_BYTES];
        java.util.Arrays.fill(huge, (byte) 'A');
        assertThat(runWithStdin(huge, "inspect", "--json", "--key", TEXT_KEY)).isEqualTo(1);
        assertThat(JSON.readTree(out).get("reason").asText()).isEqualTo("malformed");

        String withControl = hs256Token().replace(".", "\u0000.\u001b[2J");
        assertThat(run("inspect", "--key", TEXT_KEY, withControl)).isEqualTo(1);
        assertThat(out).doesNotContain("\u001b").doesNotContain("\u0000");
    }

    @Test
    void headerAndClaimsThatDoNotDecodeAreSaidSo() {
        assertThat(run("inspect", "--key", TEXT_KEY, "%%%.@@@.!!!")).isEqualTo(1);
        assertThat(out).contains("does not decode as Base64URL").contains("(malformed)");
    }

    @Test
    void badUsageExitsTwoWithASentence() {
        assertThat(run("inspect", "x")).isEqualTo(2);
        assertThat(err).contains("--key");
        assertThat(run("inspect", "--key", "text:short", "x")).isEqualTo(2);
        assertThat(err).contains("32").contains("text:SECRET");
        assertThat(run("inspect", "--key", TEXT_KEY, "--alg", "HS512", "x")).isEqualTo(2);
        assertThat(err).contains("HS256, RS256, ES256, EdDSA");
        assertThat(run("inspect", "--key", TEXT_KEY, "--now", "tomorrow", "x")).isEqualTo(2);
        assertThat(err).contains("--now").contains("ISO-8601");
        assertThat(run("inspect", "--key", TEXT_KEY, "--leeway", "1h", "x")).isEqualTo(2);
        assertThat(err).contains("--leeway");
        assertThat(run("inspect", "--key", TEXT_KEY, "--type", "refresh", "x")).isEqualTo(2);
        assertThat(err).contains("access, long");
        assertThat(run("inspect", "--alg", "RS256", "--key", TEXT_KEY, "x")).isEqualTo(2);
        assertThat(err).contains("--key-file");
        assertThat(run("inspect", "--key", TEXT_KEY, "--bogus", "x")).isEqualTo(2);
        assertThat(err).doesNotContain("Exception");
    }

    @Test
    void aPrivateKeyFileIsRefusedAsUsage(@TempDir Path dir) throws Exception {
        KeyPair pair = java.security.KeyPairGenerator.getInstance("EC").generateKeyPair();
        Path pem = dir.resolve("private.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder()
                .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        assertThat(run("inspect", "--alg", "ES256", "--key-file", pem.toString(), "x"))
                .isEqualTo(2);
        assertThat(err).contains("public key");
        assertThat(run("inspect", "--alg", "ES256", "--key-file", dir.resolve("nope").toString(),
                "x")).isEqualTo(2);
        assertThat(err).contains("Cannot read --key-file");
    }
}
