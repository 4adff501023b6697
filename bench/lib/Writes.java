import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
        String request = Files.readString(Path.of(args[2])).trim();
        int threads = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int warmup = Integer.parseInt(args[5]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong counter = new AtomicLong();
        run(client, uri, token, request, threads, warmup, counter);
        long[] result = run(client, uri, token, request, threads, seconds, counter);
        System.out.printf(java.util.Locale.ROOT, "RESULT per_s=%.1f created=%d errors=%d%n", result[0] / (double) seconds, result[0], result[1]);
    }

    private static long[] run(HttpClient client, URI uri, String token, String request, int threads, int seconds, AtomicLong counter)
            throws InterruptedException {
        AtomicLong created = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long n = counter.incrementAndGet();
                    String body = "{\"applicant\":{\"givenName\":\"Sokha\",\"familyName\":\"Chan\",\"passportNumber\":\"N"
                            + String.format("%08d", n) + "\",\"nationality\":\"KH\",\"dateOfBirth\":\"1990-04-01\","
                            + "\"email\":\"sokha" + n + "@example.com\"},\"request\":" + request + "}";
                    try {
                        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                        (r.statusCode() == 201 ? created : errors).incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
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
}
