package org.revlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./revlab serve}: the address comes first, the server answers, bad options say why. */
class ServeCommandTest {

    /** Runs the command line with its output captured; returns the exit code. */
    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = Revlab.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void printsTheAddressFirstAndServesUntilMaxSeconds() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run(out, err,
                "serve", "--strategy", "stateful", "--max-seconds", "3"));
        String first = null;
        for (int i = 0; i < 200 && first == null; i++) {
            String text = out.toString();
            if (text.contains("\n")) {
                first = text.substring(0, text.indexOf('\n')).strip();
            } else {
                Thread.sleep(50);
            }
        }
        assertThat(first).as("stderr: %s", err).matches("listening on http://127\\.0\\.0\\.1:\\d+");

        URI base = URI.create(first.substring("listening on ".length()));
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(base.resolve("/health")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"strategy\":\"stateful\"");
        assertThat(exit.get()).isZero();
        assertThat(out.toString()).contains("key generated").doesNotContain("key given")
                .endsWith("stopped" + System.lineSeparator());
    }

    @Test
    void misspeltStrategyListsTheValidOnes() {
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "serve", "--strategy", "two_token")).isEqualTo(2);
        assertThat(err.toString()).contains("two_token")
                .contains("stateless, stateful, revoke-all, two-token");
    }

    @Test
    void badOptionsNameTheOptionAndTheValue() {
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "serve", "--store", "redis:x")).isEqualTo(2);
        assertThat(err.toString()).contains("--store 'redis:x'").contains("file:<path>")
                .contains("hsqldb-server").contains("jdbc:postgresql://").contains("redis://");

        err = new StringWriter();
        assertThat(run(new StringWriter(), err, "serve", "--short-ttl", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("--short-ttl").contains("'soon'");

        err = new StringWriter();
        assertThat(run(new StringWriter(), err, "serve", "--key", "c2hvcnQ")).isEqualTo(2);
        assertThat(err.toString()).contains("--key").contains("256 bits");

        err = new StringWriter();
        assertThat(run(new StringWriter(), err, "serve", "--alg", "RS256", "--key", "abc"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--key is an HS256 secret");
    }

    @Test
    void shortAndLongTtlsAreCheckedTogetherWhateverTheirOrder() {
        StringWriter err = new StringWriter();
        int code = run(new StringWriter(), err, "serve", "--long-ttl", "30s", "--short-ttl", "40s");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("short-ttl").contains("shorter than long-ttl");
    }
}
