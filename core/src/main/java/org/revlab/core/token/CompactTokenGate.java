package org.revlab.core.token;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.interfaces.RSAKey;
import java.security.interfaces.EdECKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import org.revlab.core.Reason;

/**
 * The checks a compact token must pass before jjwt sees it: its shape, its encoding, its JSON
 * and its header. jjwt still does all parsing that matters for trust and every signature; this
 * gate only refuses what jjwt would let through (see the README's security model), in one pass
 * over the string and one decode of each of the first two segments.
 */
final class CompactTokenGate {

    /** The detail of a payload that is not a JSON object (RFC 7519 §7.2 step 10). */
    static final String NOT_A_CLAIMS_SET = "The token's payload is not a JSON claims set.";

    /** NumericDates beyond 9999-12-31T23:59:59Z are refused: no token of ours lives that long. */
    static final long MAX_NUMERIC_DATE = 253_402_300_799L;

    /** RFC 7515 §4 and RFC 7519 §4: member names are unique; duplicates are refused here. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private final SigningAlgorithm algorithm;
    private final String algName;
    /** Signature length in Base64URL characters the algorithm and key produce, or -1. */
    private final int signatureChars;

    CompactTokenGate(SigningKeys keys) {
        this.algorithm = keys.algorithm();
        this.algName = algorithm.jwaName();
        int bytes = signatureBytes(algorithm, keys.verificationKey());
        this.signatureChars = bytes < 0 ? -1 : (bytes * 8 + 5) / 6;
    }

    /**
     * What the gate read from a token's header, and where its payload lies. Before jjwt has
     * verified the signature, nothing here is trusted; it only says what to refuse.
     */
    record Header(String typ, boolean hasKeyId, int payloadFrom, int payloadTo) {
    }

    /** The payload's dates, read exactly; only looked at after the signature verified. */
    record Screened(Instant exp, Instant iat, Instant nbf, boolean hasAudience) {
    }

    /** A refusal with its reason; cheap, since rejections must not cost a stack walk. */
    static final class Rejection extends Exception {
        final Reason reason;

        Rejection(Reason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }

    /**
     * Everything that must hold before a key is used: shape, encoding, header JSON, algorithm,
     * no key material or processing instructions from the token, signature length.
     */
    Header screenHeader(String token) throws Rejection {
        // RFC 7515 §7.1: header '.' payload '.' signature, each canonical Base64URL (RFC 7515
        // §2: no padding, no line breaks, whitespace or other characters).
        int first = -1;
        int second = -1;
        int n = token.length();
        for (int i = 0; i < n; i++) {
            char c = token.charAt(i);
            if (c == '.') {
                if (first < 0) {
                    first = i;
                } else if (second < 0) {
                    second = i;
                } else {
                    throw malformed("The token has more than three dot-separated segments; a"
                            + " signed JWT has exactly three (RFC 7515 section 7.1).");
                }
            } else if (!base64UrlChar(c)) {
                throw malformed("Character " + describe(c) + " at position " + i
                        + " is not Base64URL; " + whatItMeans(c) + " (RFC 7515 section 2).");
            }
        }
        if (second < 0) {
            throw malformed("The token has " + (first < 0 ? 1 : 2) + " segment(s); a signed JWT"
                    + " has exactly three, separated by dots (RFC 7515 section 7.1).");
        }
        canonical(token, 0, first, "header");
        canonical(token, first + 1, second, "payload");
        canonical(token, second + 1, n, "signature");

        HeaderFields header = readHeader(token, 0, first);
        // RFC 8725 §3.1, RFC 7515 §4.1.1: the algorithm is fixed by configuration; 'none' in any
        // spelling and every other algorithm are refused before any key is used.
        if (header.alg == null) {
            throw new Rejection(Reason.BAD_ALGORITHM, "The header has no 'alg'; it is required"
                    + " (RFC 7515 section 4.1.1), and only '" + algName + "' is accepted.");
        }
        if (!algName.equals(header.alg)) {
            String why = header.alg.toLowerCase(Locale.ROOT).equals("none")
                    ? " Unsecured tokens are never accepted (RFC 8725 section 3.1)."
                    : " The algorithm comes from configuration, never from the token"
                            + " (RFC 8725 section 3.1).";
            throw new Rejection(Reason.BAD_ALGORITHM, "The token's algorithm '"
                    + printable(header.alg) + "' is not the configured '" + algName + "'." + why);
        }
        int sigLength = n - second - 1;
        if (sigLength == 0) {
            throw malformed("The token has an empty signature; '" + algName
                    + "' tokens must be signed (RFC 7515 section 5.2).");
        }
        if (signatureChars > 0 && sigLength != signatureChars) {
            // RFC 7518 §3.2–3.4, RFC 8037 §3.1: each algorithm's signature has one fixed length;
            // jjwt once accepted ECDSA signatures with bytes appended (jwtk/jjwt#125).
            throw new Rejection(Reason.BAD_SIGNATURE, "The signature has " + sigLength
                    + " Base64URL characters; '" + algName + "' with this key gives exactly "
                    + signatureChars + " (RFC 7518 section 3).");
        }
        if (algorithm == SigningAlgorithm.ES256) {
            rejectZeroEcdsaHalves(token, second + 1, n);
        }

        return new Header(header.typ, header.kid, first + 1, second);
    }

    /**
     * The payload's own rules, run after the signature verified so that a forged token is
     * refused for its signature: a JSON object with unique names and exact NumericDates.
     */
    Screened screenClaims(String token, Header header) throws Rejection {
        return readClaims(token, header.payloadFrom(), header.payloadTo());
    }

    /** The header members that matter here; the others are ignored, as RFC 7515 §4 says. */
    private static final class HeaderFields {
        String alg;
        String typ;
        boolean kid;
    }

    private HeaderFields readHeader(String token, int from, int to) throws Rejection {
        HeaderFields out = new HeaderFields();
        try (JsonParser p = decodeJson(token, from, to, "header")) {
            requireObject(p, "header");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "alg" -> out.alg = requireString(p, value, "header", "alg");
                    case "typ" -> out.typ = requireString(p, value, "header", "typ");
                    // RFC 8725 §2.9 and §3.10, RFC 7515 §4.1.2–4.1.8: a key named, pointed at or
                    // carried by the token is the attacker's choice (and jku/x5u a way to make
                    // the server fetch a URL); the key comes from configuration only.
                    // A key id selects nothing with one configured key, so it cannot steer the
                    // verification; it is refused after the signature check (see the codec).
                    case "kid" -> {
                        out.kid = true;
                        p.skipChildren();
                    }
                    case "jwk", "jku", "x5u", "x5c", "x5t", "x5t#S256" ->
                        throw new Rejection(Reason.BAD_ALGORITHM, "The header carries '" + name
                                + "'; keys come from configuration only, never from the token"
                                + " (RFC 8725 section 3.10, RFC 7515 section 4.1).");
                    // RFC 7515 §4.1.11: an extension marked critical that is not understood
                    // makes the token invalid; this verifier understands none.
                    case "crit" -> throw new Rejection(Reason.BAD_ALGORITHM, "The header marks"
                            + " extensions critical ('crit'); this verifier understands none, so"
                            + " the token is invalid (RFC 7515 section 4.1.11).");
                    // RFC 8725 §3.6 and RFC 7516 §4.1.3: compression belongs to JWE only, and
                    // jjwt would inflate a JWS payload on request (a decompression bomb).
                    case "zip" -> throw new Rejection(Reason.BAD_ALGORITHM, "The header asks for"
                            + " a compressed payload ('zip'); compression is never accepted"
                            + " (RFC 8725 section 3.6).");
                    // RFC 7797 §3: an unencoded payload changes what the signature covers.
                    case "b64" -> throw new Rejection(Reason.BAD_ALGORITHM, "The header asks for"
                            + " an unencoded payload ('b64'); only the standard encoding is"
                            + " accepted (RFC 7797 section 3).");
                    // RFC 7519 §5.2 and RFC 7516: nested or encrypted tokens are never issued here.
                    case "cty", "enc" -> throw new Rejection(Reason.BAD_ALGORITHM, "The header"
                            + " carries '" + name + "'; nested and encrypted tokens are not"
                            + " accepted (RFC 7519 section 5.2).");
                    default -> p.skipChildren();
                }
            }
            requireEnd(p, "header");
        } catch (IOException e) {
            throw malformed("The header is not valid JSON: " + firstLine(e) + " (RFC 7515"
                    + " section 5.2 step 3, RFC 8259).");
        }
        return out;
    }

    private static Screened readClaims(String token, int from, int to) throws Rejection {
        Instant exp = null;
        Instant iat = null;
        Instant nbf = null;
        boolean audience = false;
        try (JsonParser p = decodeJson(token, from, to, "payload")) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw malformed(NOT_A_CLAIMS_SET);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "exp" -> exp = numericDate(p, value, "exp");
                    case "iat" -> iat = numericDate(p, value, "iat");
                    case "nbf" -> nbf = numericDate(p, value, "nbf");
                    case "aud" -> {
                        audience = true;
                        p.skipChildren();
                    }
                    default -> p.skipChildren();
                }
            }
            requireEnd(p, "payload");
        } catch (JsonParseException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Duplicate field")) {
                throw malformed("The payload names a claim twice: " + firstLine(e) + " (RFC 7519"
                        + " section 4).");
            }
            throw malformed(NOT_A_CLAIMS_SET);
        } catch (IOException e) {
            throw malformed(NOT_A_CLAIMS_SET);
        }
        if (exp == null) {
            throw malformed("The token has no 'exp'; every token here must expire (RFC 7519"
                    + " section 4.1.4 makes it optional, this profile does not).");
        }
        if (iat == null) {
            throw malformed("The token has no 'iat'; it is required here (RFC 7519 section"
                    + " 4.1.6).");
        }
        return new Screened(exp, iat, nbf, audience);
    }

    /**
     * RFC 7519 §2 NumericDate: a JSON number of seconds, fractions allowed. A string, null or
     * boolean is refused: jjwt would read "123" or an ISO-8601 string as a date, and null or ""
     * as "no expiry" (jwtk/jjwt#534).
     */
    private static Instant numericDate(JsonParser p, JsonToken value, String name)
            throws IOException, Rejection {
        if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
            String got = value == JsonToken.VALUE_STRING ? "a string"
                    : value == JsonToken.VALUE_NULL ? "null"
                    : value.isBoolean() ? "a boolean" : kind(value);
            throw malformed("'" + name + "' is " + got + "; it must be a JSON number of seconds"
                    + " since the epoch (RFC 7519 section 2, NumericDate).");
        }
        if (value == JsonToken.VALUE_NUMBER_INT
                && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            long seconds = p.getLongValue();
            requireRange(name, seconds >= 0 && seconds <= MAX_NUMERIC_DATE, p.getText());
            return Instant.ofEpochSecond(seconds);
        }
        BigDecimal v = p.getDecimalValue();
        requireRange(name, v.signum() >= 0
                && v.compareTo(BigDecimal.valueOf(MAX_NUMERIC_DATE)) <= 0, p.getText());
        long seconds = v.longValue();
        // Fractions beyond nanoseconds are cut, which moves a date earlier: never lenient on exp.
        long nanos = v.subtract(BigDecimal.valueOf(seconds)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static String kind(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "not JSON";
        };
    }

    private static void requireRange(String name, boolean ok, String text) throws Rejection {
        if (!ok) {
            throw malformed("'" + name + "' is " + printable(text) + "; a NumericDate here lies"
                    + " between 0 and " + MAX_NUMERIC_DATE + " (year 9999).");
        }
    }

    private static void requireObject(JsonParser p, String part) throws IOException, Rejection {
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_OBJECT) {
            throw malformed("The " + part + " is " + (t == null ? "empty" : kind(t))
                    + "; it must be a JSON object (RFC 7515 section 4, RFC 7519 section 7.2).");
        }
    }

    private static void requireEnd(JsonParser p, String part) throws IOException, Rejection {
        if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
            throw malformed("The " + part + " has content after its JSON object.");
        }
    }

    private static String requireString(JsonParser p, JsonToken value, String part, String name)
            throws IOException, Rejection {
        if (value != JsonToken.VALUE_STRING) {
            throw malformed("The " + part + "'s '" + name + "' must be a string.");
        }
        return p.getText();
    }

    /** Decodes one segment and its UTF-8, strictly (RFC 7515 §5.2 steps 2–3, RFC 8725 §3.7). */
    private static JsonParser decodeJson(String token, int from, int to, String part)
            throws Rejection, IOException {
        byte[] bytes = BASE64URL.decode(token.substring(from, to));
        boolean ascii = true;
        for (byte b : bytes) {
            ascii &= b >= 0;
        }
        if (ascii) {
            // The common case, and ASCII is valid UTF-8: no decoder needed.
            return JSON.createParser(bytes);
        }
        try {
            return JSON.createParser(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            throw malformed("The " + part + " is not valid UTF-8 (RFC 8725 section 3.7).");
        }
    }

    /**
     * RFC 4648 §3.5 and RFC 7515 §2: one byte string has one encoding. A length of 4k+1 cannot
     * be decoded, and the bits below the last whole byte must be zero, or several strings
     * (several signatures) would decode to the same bytes.
     */
    private static void canonical(String token, int from, int to, String part) throws Rejection {
        int length = to - from;
        if (length == 0) {
            if (!part.equals("header")) {
                // An empty signature is judged after the algorithm, so that 'none' gets its own
                // reason; an empty payload after the signature, as no claims set.
                return;
            }
            throw malformed("The header segment is empty.");
        }
        int rest = length % 4;
        if (rest == 1) {
            throw malformed("The " + part + " segment has " + length + " characters; Base64URL"
                    + " never gives 4k+1 (RFC 4648 section 5).");
        }
        if (rest != 0) {
            int last = sextet(token.charAt(to - 1));
            int unused = rest == 2 ? 0x0F : 0x03;
            if ((last & unused) != 0) {
                throw malformed("The " + part + " segment's last character '"
                        + token.charAt(to - 1) + "' sets bits beyond the data; Base64URL"
                        + " encodings must be canonical (RFC 4648 section 3.5).");
            }
        }
    }

    /** RFC 7518 §3.4: an ES256 signature is R then S, and neither may be zero (CVE-2022-21449). */
    private static void rejectZeroEcdsaHalves(String token, int from, int to) throws Rejection {
        byte[] sig = BASE64URL.decode(token.substring(from, to));
        int half = sig.length / 2;
        boolean rZero = true;
        boolean sZero = true;
        for (int i = 0; i < half; i++) {
            rZero &= sig[i] == 0;
            sZero &= sig[half + i] == 0;
        }
        if (rZero || sZero) {
            throw new Rejection(Reason.BAD_SIGNATURE, "The ECDSA signature has a zero "
                    + (rZero ? "R" : "S") + "; such a signature never verifies (CVE-2022-21449).");
        }
    }

    private static int signatureBytes(SigningAlgorithm algorithm, Key key) {
        return switch (algorithm) {
            case HS256 -> 32;
            case ES256 -> 64;
            case RS256 -> key instanceof RSAKey rsa ? (rsa.getModulus().bitLength() + 7) / 8 : -1;
            case EDDSA -> key instanceof EdECKey ed
                    ? ("Ed448".equalsIgnoreCase(ed.getParams().getName()) ? 114 : 64) : -1;
        };
    }

    private static boolean base64UrlChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_';
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : 63;
    }

    private static String whatItMeans(char c) {
        if (c == '=') {
            return "padding is not allowed";
        }
        if (c == '+' || c == '/') {
            return "that is the standard Base64 alphabet, not the URL-safe one";
        }
        if (Character.isWhitespace(c)) {
            return "whitespace is not allowed anywhere in a token";
        }
        return "only A-Z, a-z, 0-9, '-' and '_' are";
    }

    private static String describe(char c) {
        return c >= 0x21 && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    /** Attacker-chosen text in a message: short, and without control characters. */
    static String printable(String s) {
        return printable(s, 40);
    }

    static String printable(String s, int max) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            b.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return s.length() > max ? b + "..." : b.toString();
    }

    private static String firstLine(IOException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return printable(nl < 0 ? m : m.substring(0, nl), 160);
    }

    private static Rejection malformed(String detail) {
        return new Rejection(Reason.MALFORMED, detail);
    }
}
