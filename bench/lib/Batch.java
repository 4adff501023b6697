import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * 1,000 checks as one batch call vs the same 1,000 checks as single calls, one after another over one keep-alive
 * connection (what a travel desk without the batch endpoint would do). Both take the request mix of REQUEST_DIR in
 * turn. Warm-up rounds first, then ROUNDS measured rounds, alternating; reports the medians.
 *
 * <p>Usage: {@code java bench/lib/Batch.java BASE_URL REQUEST_DIR [ROUNDS [WARMUP_ROUNDS]]}
 * <br>Prints {@code RESULT batch_ms=… singles_ms=… ratio=… batch_bytes=…}.
 */
public class Batch {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> bodies = new ArrayList<>();
        try (var files = Files.list(Path.of(args[1]))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                bodies.add(Files.readString(f).trim());
            }
        }
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        List<String> checks = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            checks.add(bodies.get(i % bodies.size()));
        }
        byte[] batch = ("{\"checks\":[" + String.join(",", checks) + "]}").getBytes(StandardCharsets.UTF_8);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI single = URI.create(base + "/api/v1/eligibility");
        URI many = URI.create(base + "/api/v1/eligibility/batch");
        long[] batchNanos = new long[rounds];
        long[] singleNanos = new long[rounds];
        for (int r = -warmup; r < rounds; r++) {
            long t = System.nanoTime();
            HttpResponse<String> response = client.send(post(many, batch), HttpResponse.BodyHandlers.ofString());
            long b = System.nanoTime() - t;
            if (response.statusCode() != 200 || !response.body().startsWith("{\"decisions\":[")) {
                throw new IllegalStateException("batch: " + response.statusCode() + " " + response.body().substring(0, Math.min(300, response.body().length())));
            }
            t = System.nanoTime();
            for (String check : checks) {
                HttpResponse<byte[]> one = client.send(post(single, check.getBytes(StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofByteArray());
                if (one.statusCode() != 200) {
                    throw new IllegalStateException("single: " + one.statusCode());
                }
            }
            long s = System.nanoTime() - t;
            System.out.printf(java.util.Locale.ROOT, "%s round %d: batch %.0f ms, 1,000 single calls %.0f ms%n",
                    r < 0 ? "warm-up" : "measured", r < 0 ? r + warmup + 1 : r + 1, b / 1e6, s / 1e6);
            if (r >= 0) {
                batchNanos[r] = b;
                singleNanos[r] = s;
            }
        }
        Arrays.sort(batchNanos);
        Arrays.sort(singleNanos);
        double batchMs = batchNanos[rounds / 2] / 1e6;
        double singleMs = singleNanos[rounds / 2] / 1e6;
        System.out.printf(java.util.Locale.ROOT, "RESULT batch_ms=%.1f singles_ms=%.1f ratio=%.2f batch_bytes=%d%n",
                batchMs, singleMs, singleMs / batchMs, batch.length);
    }

    private static HttpRequest post(URI uri, byte[] body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }
}
