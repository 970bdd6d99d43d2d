package org.revlab.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.concurrent.Callable;
import org.revlab.core.Lab;
import org.revlab.core.LabSettings;
import org.revlab.core.token.JjwtTokenCodec;
import org.revlab.core.token.SigningAlgorithm;
import org.revlab.core.token.SigningKeys;
import org.revlab.core.token.TokenCheck;
import org.revlab.core.token.TokenType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Checks one token with the same codec the strategies use and shows what it carries: the
 * decoded header and claims where they decode, and the verdict with its reason. Any input,
 * however broken, gets a verdict; only bad options are usage errors.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Decode a token and judge it as the strategies would.",
        footer = {"", "Exit status: 0 accepted, 1 rejected, 2 bad usage.",
            "Example: ./revlab inspect --key-file key.pem --alg RS256 --now 2026-01-01T00:00:00Z"
                    + " eyJ..."})
public final class InspectCommand implements Callable<Integer> {

    /** Standard input is read up to this many bytes; more is refused as too long anyway. */
    static final int MAX_STDIN_BYTES = 1 << 20;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TOKEN",
            description = "The token, or '-' (the default) to read it from standard input.")
    String token;

    @Option(names = "--key", paramLabel = "KEY",
            description = "HS256 secret: Base64URL (as ./revlab serve --key takes it; 'b64:'"
                    + " may prefix it), or 'text:SECRET' for the UTF-8 bytes of SECRET.")
    String key;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "A PEM public key or certificate for RS256, ES256 or EdDSA; for HS256,"
                    + " a file whose bytes are the secret.")
    Path keyFile;

    @Option(names = "--alg", defaultValue = "HS256", paramLabel = "ALG",
            description = "The configured algorithm (default: ${DEFAULT-VALUE}); one of HS256,"
                    + " RS256, ES256, EdDSA. The token's own 'alg' never chooses.")
    String alg;

    @Option(names = "--now", paramLabel = "TIME",
            description = "The time to judge at: epoch seconds (fractions allowed) or ISO-8601"
                    + " such as 2026-01-01T00:00:00Z (default: the system clock).")
    String now;

    @Option(names = "--leeway", defaultValue = "5s", paramLabel = "DURATION",
            description = "Allowed clock skew for iat and nbf, 0s to 5m (default:"
                    + " ${DEFAULT-VALUE}); exp gets none.")
    String leeway;

    @Option(names = "--type", defaultValue = "access", paramLabel = "TYPE",
            description = "The token type expected: access (typ at+jwt) or long (typ lt+jwt)"
                    + " (default: ${DEFAULT-VALUE}).")
    String type;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        SigningAlgorithm algorithm = SigningAlgorithm.parse(alg);
        TokenType expected = TokenType.parse(type);
        Duration skew = parseLeeway(leeway);
        Instant at = now == null ? Instant.now() : parseNow(now);
        SigningKeys keys = keys(algorithm);
        String text = token == null || token.equals("-") ? readStdin() : token;

        JjwtTokenCodec codec = new JjwtTokenCodec(keys, Clock.fixed(at, ZoneOffset.UTC), skew);
        TokenCheck check = codec.check(text, expected);
        Decoded header = decodeSegment(text, 0);
        Decoded claims = decodeSegment(text, 1);

        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = JSON.createObjectNode();
            o.put("verdict", check.valid() ? "accepted" : "rejected");
            o.put("reason", check.reason().code());
            o.put("detail", check.detail());
            o.put("expected_type", expected.typ());
            o.put("algorithm", algorithm.jwaName());
            o.put("now", at.toString());
            o.put("leeway_seconds", skew.toSeconds());
            o.put("token_chars", text.length());
            o.set("header", header.json);
            o.put("header_error", header.error);
            o.set("claims", claims.json);
            o.put("claims_error", claims.error);
            out.println(JSON.writeValueAsString(o));
        } else {
            out.println("header:");
            out.println(header.pretty());
            out.println("claims:");
            out.println(claims.pretty());
            out.println("verdict: " + (check.valid() ? "accepted" : "rejected") + " ("
                    + check.reason().code() + ")");
            out.println("detail:  " + terminalSafe(check.detail()));
            out.println("judged:  expected type " + expected.typ() + ", algorithm "
                    + algorithm.jwaName() + ", at " + at + ", leeway " + skew.toSeconds() + " s");
        }
        out.flush();
        return check.valid() ? 0 : 1;
    }

    /** One segment decoded for display only; the verdict never depends on it. */
    record Decoded(JsonNode json, String error) {
        String pretty() throws IOException {
            return json != null ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json)
                    : "  (" + error + ")";
        }
    }

    static Decoded decodeSegment(String text, int index) {
        String[] parts = text.split("\\.", -1);
        if (parts.length <= index || parts[index].isEmpty()) {
            return new Decoded(null, "no such segment");
        }
        if (text.length() > JjwtTokenCodec.MAX_TOKEN_CHARS) {
            return new Decoded(null, "not decoded: the token is longer than "
                    + JjwtTokenCodec.MAX_TOKEN_CHARS + " characters");
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(parts[index]);
            return new Decoded(JSON.readTree(bytes), null);
        } catch (IllegalArgumentException e) {
            return new Decoded(null, "does not decode as Base64URL");
        } catch (IOException e) {
            return new Decoded(null, "does not decode as JSON");
        } catch (RuntimeException e) {
            return new Decoded(null, "does not decode: " + e.getClass().getSimpleName());
        }
    }

    /** A detail may quote the token; no control character reaches the terminal. */
    static String terminalSafe(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> b.append(Character.isISOControl(c) ? "?"
                : new String(Character.toChars(c))));
        return b.toString();
    }

    /** Echoes user input in one short, printable line. */
    private static final class CompactPrintable {
        static String of(String s) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < s.length() && i < 40; i++) {
                char c = s.charAt(i);
                b.append(c >= 0x20 && c < 0x7F ? c : '?');
            }
            return s.length() > 40 ? b + "..." : b.toString();
        }
    }

    private static String readStdin() throws IOException {
        InputStream in = System.in;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int n;
        while (buffer.size() <= MAX_STDIN_BYTES && (n = in.read(chunk)) > 0) {
            buffer.write(chunk, 0, n);
        }
        String text = buffer.toString(StandardCharsets.UTF_8);
        // One trailing line end is how shells and files deliver a line; it is not the token's.
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    private SigningKeys keys(SigningAlgorithm algorithm) {
        if ((key == null) == (keyFile == null)) {
            throw new UserFacingException("Give exactly one of --key (HS256 secret) or"
                    + " --key-file (PEM public key, or an HS256 secret file).");
        }
        if (algorithm.symmetric()) {
            byte[] secret = key != null ? secret(key) : readFile(keyFile);
            if (secret.length < SigningKeys.MIN_HMAC_KEY_BYTES) {
                throw new UserFacingException("The HS256 key has " + secret.length + " bytes;"
                        + " it needs at least " + SigningKeys.MIN_HMAC_KEY_BYTES + " (RFC 7518"
                        + " section 3.2). A bare --key is Base64URL; write text:SECRET for a"
                        + " text secret.");
            }
            return SigningKeys.hmac(secret);
        }
        if (keyFile == null) {
            throw new UserFacingException("--alg " + algorithm.jwaName() + " needs a public key:"
                    + " give --key-file with a PEM public key or certificate.");
        }
        return SigningKeys.verifyOnly(algorithm, publicKey(algorithm, keyFile));
    }

    /**
     * An HS256 secret from {@code --key}: {@code text:} takes the UTF-8 bytes, {@code b64:} or
     * no prefix decodes Base64URL, as {@code ./revlab serve --key} takes it.
     */
    static byte[] secret(String value) {
        if (value.startsWith("text:")) {
            return value.substring(5).getBytes(StandardCharsets.UTF_8);
        }
        String body = value.startsWith("b64:") ? value.substring(4) : value;
        try {
            return Base64.getUrlDecoder().decode(body.replace('+', '-').replace('/', '_')
                    .replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("--key '" + CompactPrintable.of(value) + "' is not"
                    + " Base64URL (only A-Z, a-z, 0-9, '-' and '_', and a length that is not"
                    + " 1 more than a multiple of 4). Give the secret's bytes in Base64URL"
                    + " (as ./revlab serve --key takes it), or the secret itself as text:SECRET.");
        }
    }

    private static byte[] readFile(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "no such file"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : Files.isDirectory(path) ? "it is a folder" : String.valueOf(e.getMessage());
            throw new UserFacingException("Cannot read --key-file " + path + ": " + why
                    + ". Check the path.");
        }
    }

    static Key publicKey(SigningAlgorithm algorithm, Path path) {
        String pem = new String(readFile(path), StandardCharsets.US_ASCII);
        try {
            if (pem.contains("-----BEGIN CERTIFICATE-----")) {
                return CertificateFactory.getInstance("X.509").generateCertificate(
                        new java.io.ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                        .getPublicKey();
            }
            if (!pem.contains("-----BEGIN PUBLIC KEY-----")) {
                throw new UserFacingException("--key-file " + path + " holds no PEM public key"
                        + " ('-----BEGIN PUBLIC KEY-----') or certificate; give the public key"
                        + " (a private key is never needed to verify).");
            }
            String body = pem.substring(pem.indexOf("-----BEGIN PUBLIC KEY-----") + 26);
            int end = body.indexOf("-----END PUBLIC KEY-----");
            if (end < 0) {
                throw new UserFacingException("--key-file " + path + ": the PEM block has no"
                        + " END line.");
            }
            byte[] der = Base64.getMimeDecoder().decode(body.substring(0, end));
            String family = switch (algorithm) {
                case RS256 -> "RSA";
                case ES256 -> "EC";
                default -> "EdDSA";
            };
            PublicKey k = KeyFactory.getInstance(family).generatePublic(
                    new X509EncodedKeySpec(der));
            return k;
        } catch (UserFacingException e) {
            throw e;
        } catch (Exception e) {
            throw new UserFacingException("--key-file " + path + " is not a " + algorithm
                    + " public key: " + e.getMessage() + ". Check --alg and the file.");
        }
    }

    static Instant parseNow(String value) {
        String v = value.trim();
        try {
            if (v.matches("\\d{1,12}(\\.\\d{1,9})?")) {
                BigDecimal seconds = new BigDecimal(v);
                long whole = seconds.longValue();
                long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9)
                        .longValue();
                return Instant.ofEpochSecond(whole, nanos);
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new UserFacingException("--now '" + value + "' is neither epoch seconds (such"
                    + " as 1767225600 or 1767225600.5) nor ISO-8601 (such as"
                    + " 2026-01-01T00:00:00Z).");
        }
    }

    static Duration parseLeeway(String value) {
        Duration d = Lab.parseDuration(value);
        try {
            LabSettings.DEFAULTS.withClockSkew(d);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("--leeway " + value + " is out of range; give 0s to"
                    + " 5m.");
        }
        return d;
    }
}
