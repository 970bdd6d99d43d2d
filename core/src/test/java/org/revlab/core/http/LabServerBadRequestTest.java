package org.revlab.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.revlab.core.StrategyId;
import org.revlab.core.http.HttpProbe.Answer;

/**
 * Hostile and broken requests (issue 7): each gets a clear 4xx JSON error naming what was
 * wrong, never a 500 and never a stack trace. {@link HttpProbe} checks the last two on every
 * answer; these tests check the status and the reason.
 */
class LabServerBadRequestTest {

    private static LabServer server;
    private static HttpProbe http;
    private static String access;
    private static String longLived;

    @BeforeAll
    static void start() {
        server = LabServer.start(ServerSettings.of(StrategyId.TWO_TOKEN));
        http = new HttpProbe(server.baseUri());
        JsonNode login = http.post("/login", "{\"user\":\"alice\",\"device\":\"laptop\"}").json();
        access = login.get("access").asText();
        longLived = login.get("longLived").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertError(Answer a, int status, String error) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.header("Content-Type")).startsWith("application/json");
        assertThat(a.text("error")).isEqualTo(error);
        assertThat(a.text("detail")).isNotBlank();
    }

    @Test
    void missingAuthorizationIs401WithAChallenge() {
        Answer a = http.get("/resource");
        assertError(a, 401, "unauthenticated");
        assertThat(a.text("reason")).isEqualTo("missing");
        assertThat(a.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void garbageTokenIs401WithItsReason() {
        Answer a = http.get("/resource", "Authorization", "Bearer abc.def.ghi");
        assertError(a, 401, "unauthenticated");
        assertThat(a.text("reason")).isEqualTo("malformed");
        assertThat(a.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    }

    @Test
    void longLivedTokenAsAccessTokenIsRejectedAsTheWrongType() {
        Answer a = http.get("/resource", "Authorization", "Bearer " + longLived);
        assertError(a, 401, "unauthenticated");
        assertThat(a.text("reason")).isEqualTo("wrong_type");
    }

    @Test
    void duplicateAuthorizationIs400() {
        Answer a = http.get("/resource", "Authorization", "Bearer " + access,
                "Authorization", "Bearer " + access);
        assertError(a, 400, "bad_request");
        assertThat(a.text("reason")).isEqualTo("duplicate_header");
        assertThat(a.text("detail")).contains("Authorization");
    }

    @Test
    void duplicateLongLivedTokenIs400() {
        Answer a = http.get("/resource", "Authorization", "Bearer " + access,
                "X-Long-Lived-Token", longLived, "X-Long-Lived-Token", longLived);
        assertError(a, 400, "bad_request");
        assertThat(a.text("reason")).isEqualTo("duplicate_header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic YWxpY2U6c2VjcmV0", "Bearer", "Bearer ", "Bearer a b",
            "Bearer a,b", "bearer=abc", "Token abc", "Bearer ===", "Bearer \u00e9t\u00e9"})
    void malformedAuthorizationIs400(String value) {
        Answer a = http.get("/resource", "Authorization", value);
        assertError(a, 400, "bad_request");
        assertThat(a.text("reason")).isEqualTo("malformed_header");
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        assertThat(http.get("/resource", "Authorization", "bEARER " + access).status())
                .isEqualTo(200);
    }

    @Test
    void oversizedHeaderIs431Json() {
        String huge = "x".repeat(LabServer.MAX_HEADER_BYTES * 2);
        Answer a = http.raw("GET /resource HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + huge + "\r\nConnection: close\r\n\r\n", null);
        assertError(a, 431, "header_too_large");
    }

    @Test
    void oversizedBodyIs413() {
        String body = "{\"user\":\"" + "a".repeat(LabHandler.MAX_BODY_BYTES) + "\"}";
        assertError(http.post("/login", body), 413, "payload_too_large");
    }

    @Test
    void oversizedChunkedBodyIs413() {
        byte[] chunk = "a".repeat(LabHandler.MAX_BODY_BYTES + 10).getBytes(StandardCharsets.UTF_8);
        String size = Integer.toHexString(chunk.length);
        byte[] body = (size + "\r\n" + new String(chunk, StandardCharsets.UTF_8) + "\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        Answer a = http.raw("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked"
                + "\r\nConnection: close\r\n\r\n", body);
        assertError(a, 413, "payload_too_large");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "not json", "[1,2]", "\"alice\"", "null",
            "{\"user\":\"alice\",\"device\":\"laptop\"} trailing",
            "{\"user\":\"alice\",\"user\":\"bob\",\"device\":\"laptop\"}"})
    void badJsonIs400(String body) {
        Answer a = http.post("/login", body);
        assertError(a, 400, "bad_request");
        assertThat(a.text("reason")).isIn("bad_json", "bad_body");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"user\":\"alice\"}", "{\"device\":\"laptop\"}",
            "{\"user\":1,\"device\":\"laptop\"}", "{\"user\":\"alice\",\"device\":null}",
            "{\"user\":\"\",\"device\":\"laptop\"}", "{\"user\":\"a\\u0000b\",\"device\":\"x\"}",
            "{\"user\":\"alice\",\"device\":\"laptop\",\"password\":\"x\"}"})
    void missingOrWrongLoginFieldsAre400(String body) {
        Answer a = http.post("/login", body);
        assertError(a, 400, "bad_request");
        assertThat(a.text("reason")).isEqualTo("bad_body");
    }

    @Test
    void unknownSessionIdIs404() {
        Answer a = http.post("/sessions/AAAAAAAAAAAAAAAAAAAAAA/revoke", "",
                "Authorization", "Bearer " + access);
        assertError(a, 404, "not_found");
        assertThat(a.text("reason")).isEqualTo("unknown_session");
        Answer shapeless = http.post("/sessions/x/revoke", "", "Authorization", "Bearer " + access);
        assertError(shapeless, 404, "not_found");
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() {
        assertError(http.get("/nope"), 404, "not_found");
        assertError(http.get("/resource/"), 400, "bad_request");
        Answer a = http.send("DELETE", "/resource", null);
        assertError(a, 405, "method_not_allowed");
        assertThat(a.header("Allow")).isEqualTo("GET");
        assertError(http.get("/login"), 405, "method_not_allowed");
        assertError(http.get("/sessions/revoke-all"), 405, "method_not_allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/resource/../sessions", "/resource/..", "/../resource",
            "//resource", "/resource%2F..%2Fsessions", "/%2e%2e/resource", "/./resource",
            "/sessions/..%2f..%2fmetrics/revoke", "/resource;jsessionid=x", "/resource%00",
            "/re%73ource", "/resource\\..\\sessions", "/health/%2e%2e/metrics"})
    void pathTricksAreRefusedNotResolved(String path) {
        Answer a = http.raw("GET " + path + " HTTP/1.1");
        // 400, not 401 or 404: a trick must not reach another endpoint by normalisation.
        assertError(a, 400, "bad_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GARBAGE", "GET", "GET resource HTTP/1.1",
            "\u0001\u0002 / HTTP/1.1"})
    void brokenRequestLinesAreA4xx(String line) {
        Answer a = http.raw(line);
        assertThat(a.status()).as("%s: %s", line, a.body()).isBetween(400, 499);
    }

    @Test
    void unknownHttpVersionIs505WithAClearMessage() {
        Answer a = http.raw("GET /resource HTTP/9.9");
        assertError(a, 505, "http_version_not_supported");
        assertThat(a.text("detail")).contains("HTTP/1.1");
    }

    @Test
    void overlongPathIsA4xx() {
        Answer a = http.raw("GET /" + "a".repeat(LabServer.MAX_HEADER_BYTES * 2) + " HTTP/1.1");
        assertThat(a.status()).isIn(414, 431);
        assertThat(a.text("error")).isIn("uri_too_long", "header_too_large");
    }
}
