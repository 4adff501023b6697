package com.tracklane.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracklane.support.Examples;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the HTTP layer refuses on its own — headers over its limit (431), a chunked body over
 * {@code quarkus.http.limits.max-body-size} (413) — is answered with an RFC 9457 problem like the service's own
 * 413 and 414, never with an empty body. Raw sockets, so that exactly these bytes go out (no client adds, drops or
 * buffers anything).
 */
@QuarkusTest
class HttpLayerLimitsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    record Answer(int status, Map<String, String> headers, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        String seen() {
            return status + " " + headers + " '" + (body.length() > 300 ? body.substring(0, 300) : body) + "'";
        }
    }

    /** Sends the head, then (from another thread, which may find the connection closed early) the body. */
    Answer exchange(String head, byte[][] chunks) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread writer = new Thread(() -> {
                try {
                    for (byte[] chunk : chunks) {
                        out.write(chunk);
                    }
                    out.flush();
                } catch (IOException e) {
                    // the server answered and closed before reading everything: that is what a limit does
                }
            });
            writer.start();
            Answer answer = read(socket.getInputStream());
            writer.join(60_000);
            return answer;
        }
    }

    static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
                body.writeBytes(in.readNBytes(size));
                line(in);
            }
        } else {
            body.writeBytes(in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0"))));
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                buffer.write(b);
            }
        }
        return buffer.toString(StandardCharsets.ISO_8859_1);
    }

    static void assertProblem(Answer answer, int status, String typeSlug) throws IOException {
        assertThat(answer.status()).as(answer.seen()).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).as(answer.seen()).startsWith(Problem.MEDIA_TYPE);
        JsonNode problem = answer.json();
        assertThat(problem.path("type").asText()).as(answer.seen()).isEqualTo(Problem.TYPE_BASE + typeSlug);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    String get(String path, String extraHeaders) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + extraHeaders + "Connection: close\r\n\r\n";
    }

    @Test
    void shouldAnswer431WithAProblemForHeadersOverTheLimit() throws Exception {
        // 30 KiB of headers: over the service's 20 KiB and over the HTTP layer's default of 20K (whose 431 is empty)
        String padding = "X-Padding: " + "x".repeat(30 * 1024) + "\r\n";
        Answer answer = exchange(get("/api/v1/tracks", padding), new byte[0][]);
        assertProblem(answer, 431, "request-header-fields-too-large");
        assertThat(answer.json().path("detail").asText()).contains("20 KiB");
    }

    @Test
    void shouldAnswer431ForManySmallHeadersTooAndAcceptHeadersUnderTheLimit() throws Exception {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            many.append("X-H").append(i).append(": ").append("y".repeat(80)).append("\r\n"); // ~27 KiB in all
        }
        assertProblem(exchange(get("/api/v1/tracks", many.toString()), new byte[0][]), 431, "request-header-fields-too-large");

        String under = "X-Padding: " + "x".repeat(18 * 1024) + "\r\n";
        Answer ok = exchange(get("/api/v1/tracks", under), new byte[0][]);
        assertThat(ok.status()).as(ok.seen()).isEqualTo(200);
        assertThat(ok.json().isArray()).isTrue();
    }

    /** A chunked body of {@code size} bytes: an example check padded with spaces, in 64 KiB chunks. */
    static byte[][] chunked(int size) {
        byte[] text = Examples.eligibilityText().getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[size];
        java.util.Arrays.fill(body, (byte) ' ');
        System.arraycopy(text, 0, body, 0, text.length);
        int chunk = 64 * 1024;
        int n = (size + chunk - 1) / chunk;
        byte[][] out = new byte[n + 1][];
        for (int i = 0; i < n; i++) {
            int from = i * chunk;
            int len = Math.min(chunk, size - from);
            ByteArrayOutputStream c = new ByteArrayOutputStream(len + 16);
            c.writeBytes((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            c.write(body, from, len);
            c.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out[i] = c.toByteArray();
        }
        out[n] = "0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        return out;
    }

    static String chunkedPost(String path) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
    }

    @Test
    void shouldAnswer413WithAProblemForAChunkedBodyOverTheHttpLayersLimit() throws Exception {
        // 17 MiB: over quarkus.http.limits.max-body-size (16M), whose own 413 is empty
        Answer answer = exchange(chunkedPost("/api/v1/eligibility"), chunked(17 * 1024 * 1024));
        assertProblem(answer, 413, "payload-too-large");
        assertThat(answer.json().path("detail").asText()).contains("256 KiB");
        assertThat(answer.headers().get("connection")).isEqualToIgnoringCase("close");
    }

    @Test
    void shouldApplyTheBatchLimitToChunkedBatchBodies() throws Exception {
        Answer over = exchange(chunkedPost("/api/v1/eligibility/batch"), chunked(17 * 1024 * 1024));
        assertProblem(over, 413, "payload-too-large");
        assertThat(over.json().path("detail").asText()).contains("4 MiB");

        // under the limits, a chunked body is read and answered as usual
        Answer ok = exchange(chunkedPost("/api/v1/eligibility"), chunked(100 * 1024));
        assertThat(ok.status()).as(ok.seen()).isEqualTo(200);
        assertThat(ok.json().path("outcome").asText()).isEqualTo("ELIGIBLE");
    }
}
