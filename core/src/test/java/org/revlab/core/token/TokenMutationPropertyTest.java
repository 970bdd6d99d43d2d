package org.revlab.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.revlab.core.MutableClock;

/**
 * Mutates valid tokens — bit flips, segment swaps, re-encodings, claim edits, truncations,
 * insertions, in chains of up to four — and asserts that the codec accepts no mutant that
 * differs from the original and throws on none. Garbage of every kind gets the same test.
 */
class TokenMutationPropertyTest {

    static final Instant NOW = Instant.ofEpochSecond(TokenRulesTest.NOW);

    final MutableClock clock = new MutableClock(NOW);
    final JjwtTokenCodec codec = new JjwtTokenCodec(SigningKeys.hmac(RawTokenForge.SECRET), clock,
            Duration.ofSeconds(5));
    final String access = codec.issue(new TokenClaims(TokenType.ACCESS, "alice", "s-1", "j-1",
            NOW, NOW.plusSeconds(60), 2));
    final String longLived = codec.issue(new TokenClaims(TokenType.LONG_LIVED, "alice", "s-1",
            "j-2", NOW, NOW.plusSeconds(3600), 2));

    /** A named mutation, so that a failing case says what was done. */
    record Mutation(String name, UnaryOperator<String> apply) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Property(tries = 2000)
    void noMutantOfAValidTokenIsAccepted(@ForAll("chains") List<Mutation> chain,
            @ForAll boolean useLong) {
        String original = useLong ? longLived : access;
        TokenType type = useLong ? TokenType.LONG_LIVED : TokenType.ACCESS;
        assertThat(codec.check(original, type).valid()).isTrue();

        String mutant = original;
        for (Mutation m : chain) {
            mutant = m.apply().apply(mutant);
        }
        TokenCheck verdict = codec.check(mutant, type); // must not throw
        assertThat(verdict).isNotNull();
        assertThat(verdict.detail()).isNotNull();
        if (!mutant.equals(original)) {
            assertThat(verdict.valid()).as("%s accepted %s", chain, mutant).isFalse();
        }
        // The other type never accepts it either, mutated or not.
        TokenType other = useLong ? TokenType.ACCESS : TokenType.LONG_LIVED;
        assertThat(codec.check(mutant, other).valid()).isFalse();
    }

    @Property(tries = 1000)
    void garbageIsNeverAcceptedAndNeverThrows(@ForAll("garbage") String text) {
        TokenCheck verdict = codec.check(text, TokenType.ACCESS);
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.detail()).isNotBlank();
    }

    @Provide
    Arbitrary<List<Mutation>> chains() {
        return mutation().list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<String> garbage() {
        Arbitrary<String> anyChars = Arbitraries.strings().ofMaxLength(300);
        Arbitrary<String> base64ish = Arbitraries.strings().withChars(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ")
                .ofMaxLength(400);
        Arbitrary<String> threeSegments = Combinators.combine(base64ish, base64ish, base64ish)
                .as((a, b, c) -> a + "." + b + "." + c);
        Arbitrary<String> jsonish = Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+ "
                + "abcdefghijklmnopqrstuvwxyz\\").ofMaxLength(120)
                .map(j -> RawTokenForge.hs256(RawTokenForge.header("at+jwt"), j));
        Arbitrary<String> randomHeaders = Arbitraries.strings().withChars("{}[]\":,algtypHS256 ")
                .ofMaxLength(60).map(h -> RawTokenForge.hs256(h, RawTokenForge.payload(
                        NOW.getEpochSecond(), NOW.getEpochSecond() + 60)));
        return Arbitraries.oneOf(anyChars, base64ish, threeSegments, jsonish, randomHeaders);
    }

    Arbitrary<Mutation> mutation() {
        return Arbitraries.oneOf(bitFlip(), swap(), reencode(), claimEdit(), truncate(),
                insert(), delete());
    }

    Arbitrary<Mutation> bitFlip() {
        return Combinators.combine(Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, 15)).as((where, bit) -> new Mutation(
                        "flip bit " + bit + " at " + String.format("%.3f", where), t -> {
                            if (t.isEmpty()) {
                                return t;
                            }
                            int i = (int) (where * (t.length() - 1));
                            char c = (char) (t.charAt(i) ^ (1 << bit));
                            return t.substring(0, i) + c + t.substring(i + 1);
                        }));
    }

    Arbitrary<Mutation> swap() {
        return Arbitraries.of(
                new Mutation("swap header and payload", t -> permute(t, 1, 0, 2)),
                new Mutation("swap payload and signature", t -> permute(t, 0, 2, 1)),
                new Mutation("header twice", t -> permute(t, 0, 0, 2)),
                new Mutation("payload twice", t -> permute(t, 1, 1, 2)),
                new Mutation("rotate", t -> permute(t, 2, 0, 1)),
                new Mutation("other token's signature", t -> {
                    String[] p = segments(t);
                    String[] o = segments(t.equals(access) ? longLived : access);
                    return p == null || o == null ? t : p[0] + "." + p[1] + "." + o[2];
                }),
                new Mutation("other token's payload", t -> {
                    String[] p = segments(t);
                    String[] o = segments(t.equals(access) ? longLived : access);
                    return p == null || o == null ? t : p[0] + "." + o[1] + "." + p[2];
                }));
    }

    Arbitrary<Mutation> reencode() {
        return Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.of("padded", "standard alphabet", "mime", "json spaces",
                        "json reorder", "utf-16")).as((segment, how) -> new Mutation(
                                "re-encode segment " + segment + " " + how, t -> {
                                    String[] p = segments(t);
                                    if (p == null) {
                                        return t;
                                    }
                                    byte[] raw;
                                    try {
                                        raw = Base64.getUrlDecoder().decode(p[segment]);
                                    } catch (IllegalArgumentException e) {
                                        return t;
                                    }
                                    p[segment] = encode(raw, how);
                                    return String.join(".", p);
                                }));
    }

    static String encode(byte[] raw, String how) {
        String text = new String(raw, StandardCharsets.UTF_8);
        return switch (how) {
            case "padded" -> Base64.getUrlEncoder().encodeToString(raw);
            case "standard alphabet" -> Base64.getEncoder().withoutPadding().encodeToString(raw);
            case "mime" -> Base64.getMimeEncoder(8, "\r\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(raw);
            case "json spaces" -> RawTokenForge.b64(text.replace(",", ", ").replace(":", ": "));
            case "json reorder" -> RawTokenForge.b64(reorder(text));
            default -> RawTokenForge.b64(text.getBytes(StandardCharsets.UTF_16));
        };
    }

    static String reorder(String json) {
        if (!json.startsWith("{") || !json.endsWith("}") || !json.contains(",")) {
            return json + " ";
        }
        String body = json.substring(1, json.length() - 1);
        int comma = body.indexOf(',');
        return "{" + body.substring(comma + 1) + "," + body.substring(0, comma) + "}";
    }

    Arbitrary<Mutation> claimEdit() {
        List<Tuple.Tuple2<String, String>> edits = List.of(
                Tuple.of("\"sub\":\"alice\"", "\"sub\":\"mallory\""),
                Tuple.of("\"sid\":\"s-1\"", "\"sid\":\"s-2\""),
                Tuple.of("\"rev\":2", "\"rev\":9"),
                Tuple.of("\"exp\":", "\"exp\":1"),
                Tuple.of("\"exp\":", "\"exp\":\"9\",\"x\":"),
                Tuple.of("\"exp\":", "\"nbf\":0,\"exp\":"),
                Tuple.of("\"iat\":", "\"iat\":0,\"iat\":"),
                Tuple.of("at+jwt", "lt+jwt"),
                Tuple.of("lt+jwt", "at+jwt"),
                Tuple.of("\"HS256\"", "\"none\""),
                Tuple.of("\"HS256\"", "\"HS512\""),
                Tuple.of("{\"", "{\"kid\":\"k\",\""),
                Tuple.of("{\"", "{\"zip\":\"DEF\",\""),
                Tuple.of("{\"", "{\"crit\":[\"x\"],\"x\":1,\""),
                Tuple.of("}", ",\"aud\":\"x\"}"));
        return Combinators.combine(Arbitraries.of(edits), Arbitraries.integers().between(0, 1),
                Arbitraries.of(true, false)).as((edit, segment, resignWithOtherKey) ->
                        new Mutation("edit " + edit + " in segment " + segment
                                + (resignWithOtherKey ? ", re-signed with a wrong key" : ""), t -> {
                                    String[] p = segments(t);
                                    if (p == null) {
                                        return t;
                                    }
                                    String json;
                                    try {
                                        json = new String(Base64.getUrlDecoder().decode(
                                                p[segment]), StandardCharsets.UTF_8);
                                    } catch (IllegalArgumentException e) {
                                        return t;
                                    }
                                    p[segment] = RawTokenForge.b64(json.replace(edit.get1(),
                                            edit.get2()));
                                    if (resignWithOtherKey) {
                                        String input = p[0] + "." + p[1];
                                        p[2] = RawTokenForge.b64(RawTokenForge.hmac(
                                                "another-secret-of-32-bytes-or-more!!".getBytes(
                                                        StandardCharsets.US_ASCII), input));
                                    }
                                    return String.join(".", p);
                                }));
    }

    Arbitrary<Mutation> truncate() {
        return Arbitraries.doubles().between(0, 1).map(where -> new Mutation(
                "truncate at " + String.format("%.3f", where),
                t -> t.substring(0, (int) (where * t.length()))));
    }

    Arbitrary<Mutation> insert() {
        Arbitrary<String> what = Arbitraries.oneOf(
                Arbitraries.of(".", "=", "==", " ", "\n", "+", "/", "\u0000", "\u00e9", "\uD83D",
                        "A", "_", "-", "..", "%2E"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(8));
        return Combinators.combine(Arbitraries.doubles().between(0, 1), what).as(
                (where, s) -> new Mutation("insert " + s.codePoints().boxed().toList() + " at "
                        + String.format("%.3f", where), t -> {
                            int i = (int) (where * t.length());
                            return t.substring(0, i) + s + t.substring(i);
                        }));
    }

    Arbitrary<Mutation> delete() {
        return Combinators.combine(Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(1, 6)).as((where, count) -> new Mutation(
                        "delete " + count + " at " + String.format("%.3f", where), t -> {
                            int i = (int) (where * t.length());
                            return t.substring(0, i) + t.substring(Math.min(t.length(),
                                    i + count));
                        }));
    }

    static String permute(String t, int a, int b, int c) {
        String[] p = segments(t);
        return p == null ? t : p[a] + "." + p[b] + "." + p[c];
    }

    static String[] segments(String t) {
        String[] p = t.split("\\.", -1);
        return p.length == 3 ? p : null;
    }
}
