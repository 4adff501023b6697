import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Applications per second: THREADS clients each submitting POST /api/v1/applications (role intake) back to back for
 * SECONDS, after WARMUP seconds. Each submission is a different applicant with the trip of REQUEST_FILE.
 *
 * <p>Usage: {@code java bench/lib/Writes.java BASE_URL TOKEN REQUEST_FILE THREADS SECONDS WARMUP}
 * <br>Prints {@code RESULT per_s=… created=… errors=…}.
 */
public class Writes {

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0] + "/api/v1/applications");
        String token = args[1];
        // An application does not accept knownAt (it is evaluated with what the service knows at submission).
        String request = Files.readString(Path.of(args[2])).trim().replaceFirst("\"knownAt\"\\s*:\\s*\"[^\"]*\"\\s*,", "");
        int threads = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int warmup = Integer.parseInt(args[5]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong counter = new AtomicLong();
        run(client, uri, token, request, threads, warmup, counter);
        long[] result = run(client, uri, token, request, threads, seconds, counter);
        System.out.printf(java.util.Locale.ROOT, "RESULT per_s=%.1f created=%d errors=%d%n", result[0] / (double) seconds, result[0], result[1]);
    }

    private static long[] run(HttpClient unused, URI uri, String token, String request, int threads, int seconds, AtomicLong counter)
            throws InterruptedException {
        AtomicLong created = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                java.net.Socket socket = null;
                java.io.InputStream in = null;
                while (System.nanoTime() < end) {
                    long n = counter.incrementAndGet();
                    String body = "{\"applicant\":{\"givenName\":\"Sokha\",\"familyName\":\"Chan\",\"passportNumber\":\"N"
                            + String.format("%08d", n) + "\",\"nationality\":\"KH\",\"dateOfBirth\":\"1990-04-01\","
                            + "\"email\":\"sokha" + n + "@example.com\"},\"request\":" + request + "}";
                    byte[] b = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    // Plain keep-alive socket, head and body in one write, TCP_NODELAY: the client costs little CPU.
                    String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                            + "\r\nContent-Type: application/json\r\nAuthorization: Bearer " + token
                            + "\r\nContent-Length: " + b.length + "\r\n\r\n";
                    byte[] h = head.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    byte[] all = java.util.Arrays.copyOf(h, h.length + b.length);
                    System.arraycopy(b, 0, all, h.length, b.length);
                    try {
                        if (socket == null) {
                            socket = new java.net.Socket();
                            socket.setTcpNoDelay(true);
                            socket.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
                            socket.setSoTimeout(30_000);
                            in = new java.io.BufferedInputStream(socket.getInputStream(), 65536);
                        }
                        socket.getOutputStream().write(all);
                        socket.getOutputStream().flush();
                        (readResponse(in) == 201 ? created : errors).incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        try {
                            if (socket != null) socket.close();
                        } catch (Exception ignored) {
                        }
                        socket = null;
                    }
                }
                try {
                    if (socket != null) socket.close();
                } catch (Exception ignored) {
                }
            });
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        return new long[] {created.get(), errors.get()};
    }

    /** Reads one HTTP/1.1 response with a Content-Length; returns its status. */
    private static int readResponse(java.io.InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            head.append((char) c);
            int n = head.length();
            if (n >= 4 && head.charAt(n - 1) == '\n' && head.charAt(n - 2) == '\r' && head.charAt(n - 3) == '\n') {
                break;
            }
        }
        if (c == -1) {
            throw new java.io.IOException("connection closed");
        }
        String text = head.toString();
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(length);
        return Integer.parseInt(text.substring(9, 12));
    }
}
