package org.revlab.core.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.revlab.core.Credentials;
import org.revlab.core.Reason;
import org.revlab.core.SessionInfo;
import org.revlab.core.SessionStrategy;
import org.revlab.core.StrategyId;
import org.revlab.core.Verdict;
import org.revlab.core.store.SessionStore;
import org.revlab.core.store.StoreUnavailableException;
import org.revlab.core.token.TokenCheck;
import org.revlab.core.token.TokenCodec;
import org.revlab.core.token.TokenType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes and answers every request of the lab's HTTP API (see the README's "HTTP service"
 * section for the table). Each refusal is a JSON error with a stable code; nothing a client
 * sends can make it answer with a stack trace.
 */
final class LabHandler extends Handler.Abstract {

    /** The largest request body read; only {@code POST /login} has one, and it is tiny. */
    static final int MAX_BODY_BYTES = 16 * 1024;
    /** Oversized bodies up to this size are read and dropped before the 413 is sent. */
    static final int MAX_DISCARD_BYTES = 1024 * 1024;

    static final String LONG_LIVED_HEADER = "X-Long-Lived-Token";
    static final String NEW_ACCESS_HEADER = "X-New-Access-Token";
    private static final String JSON_TYPE = "application/json; charset=utf-8";

    private static final Logger LOG = LoggerFactory.getLogger(LabHandler.class);

    /** A canonical path: segments of unreserved characters only, so no dot, slash or escape. */
    private static final Pattern CANONICAL_PATH = Pattern.compile("/|(/[A-Za-z0-9_\\-]+)+");
    /** RFC 6750 §2.1: the scheme, one or more spaces, a b64token. */
    private static final Pattern BEARER =
            Pattern.compile("(?i:bearer) +([A-Za-z0-9\\-._~+/]+=*)");
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    private final SessionStrategy strategy;
    private final SessionStore store;
    private final TokenCodec codec;
    private final Clock clock;
    private final HttpMetrics metrics;
    private final ObjectMapper json;

    LabHandler(SessionStrategy strategy, SessionStore store, TokenCodec codec, Clock clock,
            HttpMetrics metrics, ObjectMapper json) {
        this.strategy = strategy;
        this.store = store;
        this.codec = codec;
        this.clock = clock;
        this.metrics = metrics;
        this.json = json;
    }

    /** An answer: status, extra headers and a JSON body. */
    private record Reply(int status, Map<String, String> headers, ObjectNode body) {
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        metrics.request();
        Reply reply;
        try {
            reply = route(request);
        } catch (HttpRejection r) {
            reply = new Reply(r.status(), r.headers(), error(r.error(), r.reason(), r.detail()));
        } catch (StoreUnavailableException e) {
            reply = unavailable(e.getMessage());
        } catch (RuntimeException e) {
            // A defect, not the client's fault: the cause goes to the log, never to the client.
            LOG.warn("LabHandler: {} {} failed", request.getMethod(),
                    request.getHttpURI().getPath(), e);
            reply = new Reply(500, Map.of(), error("internal", null,
                    "The server failed on this request; its log has the cause."));
        }
        send(response, callback, reply);
        return true;
    }

    /**
     * Reads and drops a body that is too large to use but small enough to swallow, so that the
     * connection closes cleanly and the client reads the 413 instead of a reset; a larger one is
     * left unread and the connection is closed on it.
     */
    private static void discardModestBody(Request request) {
        if (request.getLength() <= MAX_DISCARD_BYTES) {
            try {
                Content.Source.consumeAll(request);
            } catch (IOException | RuntimeException e) {
                // The client went away or sent less than it announced; the 413 stands.
                LOG.debug("LabHandler: discarding an oversized body failed: {}", e.getMessage());
            }
        }
    }

    private Reply route(Request request) {
        String path = request.getHttpURI().getPath();
        if (path == null || !CANONICAL_PATH.matcher(path).matches()) {
            throw HttpRejection.badRequest("bad_path", "The path must be canonical: segments of"
                    + " letters, digits, '-' and '_' only, with no '.', '..', empty segment or"
                    + " percent-escape.");
        }
        if (request.getLength() > MAX_BODY_BYTES) {
            discardModestBody(request);
            throw new HttpRejection(413, "payload_too_large", null, "The request body has "
                    + request.getLength() + " bytes; at most " + MAX_BODY_BYTES + " are read.");
        }
        String method = request.getMethod();
        String[] segments = path.substring(1).split("/");
        switch (path) {
            case "/health":
                requireMethod(method, "GET");
                return ok(health());
            case "/public":
                requireMethod(method, "GET");
                return ok(json.createObjectNode().put("ok", true));
            case "/login":
                requireMethod(method, "POST");
                return login(request);
            case "/resource":
                requireMethod(method, "GET");
                return resource(request);
            case "/refresh":
                requireMethod(method, "POST");
                return refresh(request);
            case "/sessions":
                requireMethod(method, "GET");
                return sessions(request);
            case "/sessions/revoke-all":
                requireMethod(method, "POST");
                return revokeAll(request);
            case "/metrics":
                requireMethod(method, "GET");
                return ok(metrics());
            default:
                break;
        }
        if (segments.length == 3 && segments[0].equals("sessions")
                && segments[2].equals("revoke")) {
            requireMethod(method, "POST");
            return revokeSession(request, segments[1]);
        }
        throw new HttpRejection(404, "not_found", null, "No endpoint at " + path
                + "; the README's HTTP section lists them.");
    }

    private static void requireMethod(String method, String allowed) {
        if (!allowed.equals(method)) {
            throw new HttpRejection(405, "method_not_allowed", null, "This endpoint answers "
                    + allowed + " only, not " + method + ".", Map.of("Allow", allowed));
        }
    }

    private ObjectNode health() {
        return json.createObjectNode().put("status", "ok").put("strategy", strategy.id().id())
                .put("store", store.kind());
    }

    private Reply login(Request request) {
        JsonNode body = readJson(request);
        String user = requiredText(body, "user");
        String device = requiredText(body, "device");
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("user") && !name.equals("device")) {
                throw HttpRejection.badRequest("bad_body", "Unknown field '" + name
                        + "'; the body of /login has \"user\" and \"device\" only.");
            }
        }
        Credentials credentials;
        try {
            credentials = strategy.login(user, device);
        } catch (IllegalArgumentException e) {
            throw HttpRejection.badRequest("bad_body", e.getMessage());
        }
        ObjectNode out = json.createObjectNode().put("strategy", strategy.id().id())
                .put("access", credentials.access()).put("longLived", credentials.longLived())
                .put("sessionId", sessionIdOf(credentials));
        return ok(out);
    }

    /** The session id of fresh credentials, without a store round trip. */
    private String sessionIdOf(Credentials credentials) {
        if (strategy.id() == StrategyId.STATEFUL) {
            return credentials.access();
        }
        TokenCheck check = codec.check(credentials.access(), TokenType.ACCESS);
        return check.valid() ? check.claims().sessionId() : null;
    }

    private Reply resource(Request request) {
        Verdict v = authenticate(request);
        ObjectNode out = json.createObjectNode().put("user", v.subject())
                .put("sessionId", v.sessionId());
        if (v.issuedAccessToken() != null) {
            out.put("newAccess", v.issuedAccessToken());
        }
        return new Reply(200, newAccessHeader(v), out);
    }

    private Reply refresh(Request request) {
        if (strategy.id() != StrategyId.TWO_TOKEN) {
            throw new HttpRejection(404, "not_found", "no_refresh", "Strategy " + strategy.id()
                    + " has no refresh; only two-token issues new short-lived tokens.");
        }
        String longLived = singleHeader(request, LONG_LIVED_HEADER);
        if (longLived != null && !B64TOKEN.matcher(longLived).matches()) {
            throw malformedHeader(LONG_LIVED_HEADER);
        }
        // The short token is ignored on purpose: a refresh always consults the store.
        Verdict v = judge(new Credentials(null, longLived));
        return ok(json.createObjectNode().put("access", v.issuedAccessToken()));
    }

    private Reply sessions(Request request) {
        Verdict v = authenticate(request);
        List<SessionInfo> list = strategy.sessions(v.subject());
        ObjectNode out = json.createObjectNode();
        var array = out.putArray("sessions");
        for (SessionInfo s : list) {
            array.addObject().put("sessionId", s.sessionId()).put("device", s.device())
                    .put("created", text(s.created())).put("lastSeen", text(s.lastSeen()))
                    .put("expires", text(s.expires())).put("revokedAt", text(s.revokedAt()));
        }
        return new Reply(200, newAccessHeader(v), out);
    }

    private Reply revokeAll(Request request) {
        Verdict v = authenticate(request);
        strategy.revokeAll(v.subject());
        // Read after the store returned: this is the moment the revoke is acknowledged.
        Instant acknowledged = clock.instant();
        ObjectNode out = json.createObjectNode().put("revoked", "all").put("user", v.subject())
                .put("effective", strategy.id().windowByDesign())
                .put("acknowledgedAt", acknowledged.toString());
        return new Reply(200, newAccessHeader(v), out);
    }

    private Reply revokeSession(Request request, String sessionId) {
        Verdict v = authenticate(request);
        if (!strategy.canRevokeSession()) {
            throw new HttpRejection(409, "conflict", "cannot_revoke_session", "Strategy "
                    + strategy.id() + " cannot revoke one session: its tokens stay valid until"
                    + " they expire. Use POST /sessions/revoke-all"
                    + (strategy.id() == StrategyId.STATELESS ? ", which is recorded but takes"
                            + " effect only at expiry too." : ", which takes effect at once."));
        }
        if (!strategy.revokeSession(v.subject(), sessionId)) {
            throw new HttpRejection(404, "not_found", "unknown_session", "You have no live"
                    + " session with id '" + sessionId + "'; GET /sessions lists yours.");
        }
        ObjectNode out = json.createObjectNode().put("revoked", sessionId)
                .put("effective", strategy.id().windowByDesign());
        return new Reply(200, newAccessHeader(v), out);
    }

    private ObjectNode metrics() {
        ObjectNode out = json.createObjectNode().put("strategy", strategy.id().id())
                .put("store", store.kind()).put("requests", metrics.requests());
        ObjectNode verdicts = out.putObject("verdicts");
        for (Reason r : Reason.values()) {
            verdicts.put(r.code(), metrics.verdicts(r));
        }
        out.put("dbHits", store.hits());
        out.put("uptimeSeconds", Math.round(metrics.uptimeSeconds() * 1000) / 1000.0);
        return out;
    }

    /** Authenticates the request or throws the 401 or 503 that says why not. */
    private Verdict authenticate(Request request) {
        String access = bearerToken(request);
        String longLived = null;
        if (strategy.id() == StrategyId.TWO_TOKEN) {
            longLived = singleHeader(request, LONG_LIVED_HEADER);
            if (longLived != null && !B64TOKEN.matcher(longLived).matches()) {
                throw malformedHeader(LONG_LIVED_HEADER);
            }
        }
        return judge(new Credentials(access, longLived));
    }

    private Verdict judge(Credentials credentials) {
        Verdict v = strategy.authenticate(credentials);
        metrics.verdict(v.reason());
        if (v.accepted()) {
            return v;
        }
        if (v.reason() == Reason.STORE_UNAVAILABLE) {
            throw new StoreUnavailableException(v.detail(), null);
        }
        // RFC 6750 §3.1: no error code when the request carried no credentials at all.
        String challenge = v.reason() == Reason.MISSING ? "Bearer realm=\"revlab\""
                : "Bearer error=\"invalid_token\"";
        throw new HttpRejection(401, "unauthenticated", v.reason().code(), v.detail(),
                Map.of("WWW-Authenticate", challenge));
    }

    private String bearerToken(Request request) {
        String value = singleHeader(request, HttpHeader.AUTHORIZATION.asString());
        if (value == null) {
            return null;
        }
        var m = BEARER.matcher(value.strip());
        if (!m.matches()) {
            throw malformedHeader("Authorization");
        }
        return m.group(1);
    }

    private static String singleHeader(Request request, String name) {
        List<String> values = request.getHeaders().getValuesList(name);
        if (values.size() > 1) {
            throw new HttpRejection(400, "bad_request", "duplicate_header", "The request has "
                    + values.size() + " " + name + " headers; send exactly one.",
                    Map.of("WWW-Authenticate", "Bearer error=\"invalid_request\""));
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static HttpRejection malformedHeader(String name) {
        String expected = name.equals("Authorization") ? "'Bearer <token>'" : "one token";
        return new HttpRejection(400, "bad_request", "malformed_header", "The " + name
                + " header must be " + expected + ", with the token in Base64URL characters.",
                Map.of("WWW-Authenticate", "Bearer error=\"invalid_request\""));
    }

    private JsonNode readJson(Request request) {
        byte[] bytes;
        try (InputStream in = Content.Source.asInputStream(request)) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw HttpRejection.badRequest("bad_body", "The request body could not be read: "
                    + e.getMessage());
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new HttpRejection(413, "payload_too_large", null, "The request body has more"
                    + " than " + MAX_BODY_BYTES + " bytes.");
        }
        if (bytes.length == 0) {
            throw HttpRejection.badRequest("bad_body", "The body is empty; send a JSON object"
                    + " such as {\"user\":\"alice\",\"device\":\"laptop\"}.");
        }
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (JacksonException e) {
            throw HttpRejection.badRequest("bad_json", "The body is not valid JSON: "
                    + e.getOriginalMessage() + ".");
        } catch (IOException e) {
            throw HttpRejection.badRequest("bad_json", "The body could not be read as JSON.");
        }
        if (node == null || !node.isObject()) {
            throw HttpRejection.badRequest("bad_json", "The body must be a JSON object such as"
                    + " {\"user\":\"alice\",\"device\":\"laptop\"}.");
        }
        return node;
    }

    private static String requiredText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw HttpRejection.badRequest("bad_body", "The field \"" + field
                    + "\" is missing; the body of /login has \"user\" and \"device\".");
        }
        if (!value.isTextual()) {
            throw HttpRejection.badRequest("bad_body", "The field \"" + field
                    + "\" must be a string, not " + value.getNodeType().name().toLowerCase()
                    + ".");
        }
        return value.textValue();
    }

    private Map<String, String> newAccessHeader(Verdict v) {
        return v.issuedAccessToken() == null ? Map.of()
                : Map.of(NEW_ACCESS_HEADER, v.issuedAccessToken());
    }

    private Reply ok(ObjectNode body) {
        return new Reply(200, Map.of(), body);
    }

    private Reply unavailable(String detail) {
        return new Reply(503, Map.of("Retry-After", "1"),
                error("unavailable", Reason.STORE_UNAVAILABLE.code(), detail));
    }

    private ObjectNode error(String error, String reason, String detail) {
        ObjectNode out = json.createObjectNode().put("error", error);
        if (reason != null) {
            out.put("reason", reason);
        }
        return out.put("detail", detail);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private void send(Response response, Callback callback, Reply reply) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(reply.body());
        } catch (IOException e) {
            bytes = "{\"error\":\"internal\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        response.setStatus(reply.status());
        var headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, JSON_TYPE);
        // Bodies carry tokens; no cache may keep them (RFC 6749 §5.1 asks the same).
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        reply.headers().forEach(headers::put);
        headers.put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
