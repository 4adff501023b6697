import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Fixed-rate load (what wrk2 does; wrk2 is not in Debian): sends the request mix at a constant total rate over
 * CONNECTIONS keep-alive connections, each on its own thread with plain blocking sockets (cheap for the client, which
 * shares the machine with the service). Every latency is measured from the moment the request was due, not from when
 * it could be sent, so a server that falls behind is not hidden (no coordinated omission).
 *
 * <p>Usage: {@code java bench/lib/FixedRate.java URL REQUEST_DIR RATE_PER_S SECONDS [WARMUP_SECONDS [CONNECTIONS]]}
 * <br>Prints {@code RESULT rate=… achieved=… sent=… ok=… errors=… p50_ms=… p90_ms=… p99_ms=… max_ms=…}.
 */
public class FixedRate {

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        List<byte[]> bodies = new ArrayList<>();
        try (var files = Files.list(Path.of(args[1]))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                bodies.add(Files.readAllBytes(f));
            }
        }
        double rate = Double.parseDouble(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        int connections = args.length > 5 ? Integer.parseInt(args[5]) : 16;
        List<byte[]> requests = new ArrayList<>();
        for (int i = 0; i < bodies.size() * 3; i++) {
            byte[] body = bodies.get(i % bodies.size());
            String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nContent-Type: application/json\r\nAccept-Language: " + (i % 3 == 1 ? "ja" : "en")
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n";
            byte[] h = head.getBytes(StandardCharsets.US_ASCII);
            byte[] all = Arrays.copyOf(h, h.length + body.length);
            System.arraycopy(body, 0, all, h.length, body.length);
            requests.add(all);
        }
        if (warmup > 0) {
            run(uri, requests, rate, warmup, connections, false);
        }
        run(uri, requests, rate, seconds, connections, true);
    }

    private static void run(URI uri, List<byte[]> requests, double rate, int seconds, int connections, boolean report)
            throws Exception {
        int total = (int) Math.round(rate * seconds);
        long[] latencies = new long[total];
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long intervalNanos = (long) (1e9 / rate);
        long start = System.nanoTime() + 100_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int first = c;
            Thread t = new Thread(() -> {
                Socket socket = null;
                InputStream in = null;
                for (int i = first; i < total; i += connections) {
                    long due = start + i * intervalNanos;
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    try {
                        if (socket == null) {
                            socket = new Socket();
                            socket.setTcpNoDelay(true);
                            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
                            socket.setSoTimeout(30_000);
                            in = new BufferedInputStream(socket.getInputStream(), 65536);
                        }
                        OutputStream out = socket.getOutputStream();
                        out.write(requests.get(i % requests.size()));
                        out.flush();
                        int status = readResponse(in);
                        (status == 200 ? ok : errors).incrementAndGet();
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        try {
                            if (socket != null) socket.close();
                        } catch (IOException ignored) {
                        }
                        socket = null;
                    }
                    latencies[i] = System.nanoTime() - due;
                }
                try {
                    if (socket != null) socket.close();
                } catch (IOException ignored) {
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (!report) {
            return;
        }
        Arrays.sort(latencies);
        System.out.printf(java.util.Locale.ROOT,
                "RESULT rate=%.0f achieved=%.1f sent=%d ok=%d errors=%d p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f%n",
                rate, total / elapsed, total, ok.get(), errors.get(), pct(latencies, 0.50), pct(latencies, 0.90),
                pct(latencies, 0.99), latencies[latencies.length - 1] / 1e6);
    }

    /** Reads one HTTP/1.1 response with a Content-Length (what the service sends); returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            head.append((char) b);
            int n = head.length();
            if (n >= 4 && head.charAt(n - 1) == '\n' && head.charAt(n - 2) == '\r' && head.charAt(n - 3) == '\n') {
                break;
            }
        }
        if (b == -1) {
            throw new IOException("connection closed");
        }
        String text = head.toString();
        int status = Integer.parseInt(text.substring(9, 12));
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(length);
        return status;
    }

    private static double pct(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
