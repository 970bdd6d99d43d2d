package org.revlab.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the errors Jetty raises before the lab's handler runs (a header too large, a request
 * line it cannot parse, an ambiguous path) with the same JSON shape as the service's own, and
 * never with a stack trace or an HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

    private final ObjectMapper json;

    JsonErrorHandler(ObjectMapper json) {
        this.json = json;
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    public boolean errorPageForMethod(String method) {
        // Every method gets a body: clients of this API always expect JSON.
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code,
            String message, Throwable cause, Callback callback) {
        byte[] body = body(code, message);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        return ByteBuffer.wrap(body(status, reason));
    }

    private byte[] body(int code, String message) {
        ObjectNode out = json.createObjectNode().put("error", errorCode(code))
                .put("detail", detail(code, message));
        try {
            return json.writeValueAsBytes(out);
        } catch (JsonProcessingException e) {
            return "{\"error\":\"internal\"}".getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String errorCode(int code) {
        return switch (code) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 431 -> "header_too_large";
            case 503 -> "unavailable";
            case 505 -> "http_version_not_supported";
            default -> code >= 500 ? "internal" : "bad_request";
        };
    }

    /** Jetty's reason phrases are short and carry no internals; the rest gets a fixed text. */
    private static String detail(int code, String message) {
        String reason = HttpStatus.getMessage(code);
        if (code == 505) {
            return reason + ": send HTTP/1.1 (or HTTP/1.0).";
        }
        if (code >= 500) {
            return reason + ": the server failed on this request; its log has the cause.";
        }
        if (message == null || message.isBlank() || message.contains("Exception")
                || message.contains("\tat ")) {
            return reason + ".";
        }
        return reason + ": " + message + ".";
    }
}
