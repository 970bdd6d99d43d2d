package org.revlab.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small HTTP client for the service's tests: java.net.http for ordinary requests and a raw
 * socket for the ones a proper client refuses to send (path tricks, broken request lines).
 * Every answer is checked to be JSON with no stack trace in it.
 */
final class HttpProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final boolean allowInternalError;

    HttpProbe(URI base) {
        this(base, false);
    }

    private HttpProbe(URI base, boolean allowInternalError) {
        this.base = base;
        this.allowInternalError = allowInternalError;
    }

    /** The same probe, for the test that provokes a defect on purpose: a 500 is then allowed. */
    HttpProbe allowingInternalError() {
        return new HttpProbe(base, true);
    }

    /** One answer: status, headers (lower-case names, first value) and body. */
    record Answer(int status, Map<String, String> headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (status " + status + "): " + body, e);
            }
        }

        String text(String field) {
            JsonNode node = json().get(field);
            return node == null || node.isNull() ? null : node.asText();
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    Answer get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    Answer post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    Answer send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> h = new TreeMap<>();
            r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            return checked(new Answer(r.statusCode(), h, r.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code head} (request line and headers, CRLF-separated) and {@code body} as is. */
    Answer raw(String head, byte[] body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException e) {
                    // The server may answer and close before reading a body it refuses.
                }
            }
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return checked(parse(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer raw(String requestLine) {
        return raw(requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", null);
    }

    private static Answer parse(String text) {
        int end = text.indexOf("\r\n\r\n");
        assertThat(end).as("a complete response: %s", text).isPositive();
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        return new Answer(status, headers, text.substring(end + 4));
    }

    private Answer checked(Answer a) {
        assertThat(a.status()).isBetween(200, 599);
        if (!allowInternalError) {
            // 503 is the honest answer during a store outage; 500 would be a defect.
            assertThat(a.status()).as("never an internal error: %s", a.body()).isNotEqualTo(500);
        }
        assertThat(a.body()).as("no stack trace in a body").doesNotContain("Exception")
                .doesNotContain("\tat ");
        return a;
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }
}
