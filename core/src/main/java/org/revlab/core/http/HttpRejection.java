package org.revlab.core.http;

import java.util.Map;

/**
 * A request the service answers with a 4xx or 5xx JSON error: thrown inside the handler and
 * written by it, so that every refusal has the same shape and none carries a stack trace.
 */
final class HttpRejection extends RuntimeException {

    private final int status;
    private final String error;
    private final String reason;
    private final Map<String, String> headers;

    HttpRejection(int status, String error, String reason, String detail) {
        this(status, error, reason, detail, Map.of());
    }

    HttpRejection(int status, String error, String reason, String detail,
            Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.error = error;
        this.reason = reason;
        this.headers = headers;
    }

    static HttpRejection badRequest(String reason, String detail) {
        return new HttpRejection(400, "bad_request", reason, detail);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    /** A machine-readable code, or null. */
    String reason() {
        return reason;
    }

    String detail() {
        return getMessage();
    }

    Map<String, String> headers() {
        return headers;
    }
}
