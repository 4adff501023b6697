package com.tracklane.support;

import static io.restassured.RestAssured.given;
import static com.tracklane.support.FuzzInputs.LONE_SURROGATE;
import static org.junit.jupiter.api.Assertions.fail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The fuzz harness of FuzzTest and FuzzAdminTest: a request as sent ({@link Req}), a campaign's random stream and
 * runner ({@link Fuzzer}, {@link Campaign}), what every answer must be ({@link #check}: never 5xx, every 4xx an RFC 9457
 * problem without stack traces or class names, every 2xx JSON), the failure report and the per-endpoint summary.
 */
public final class FuzzHarness {

    private FuzzHarness() {
    }

    public static final long SEED = Long.getLong("fuzz.seed", 20_200_908L);

    public static final String ELIGIBILITY = "/api/v1/eligibility";
    public static final String BATCH = "/api/v1/eligibility/batch";
    public static final String TRACKS = "/api/v1/tracks";
    public static final String FACTS = "/api/v1/facts";
    public static final String APPLICATIONS = "/api/v1/applications";
    public static final String JSON_TYPE = "application/json";
    public static final String MERGE_PATCH = "application/merge-patch+json";
    public static final String VIOLATIONS = "/api/v1/compliance/violations";
    public static final String SWEEPS = "/api/v1/compliance/sweeps";

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Bodies go out as the exact bytes given (no charset appended to the Content-Type). */
    public static final RestAssuredConfig CONFIG = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
    public static final Path REPORT = Path.of("target", "fuzz-failures.txt");

    /** A stack trace, an exception or a fully qualified class of the JDK, a framework or this service. */
    public static final List<String> LEAKS = List.of("Exception", "Throwable", "\tat ", "at com.", "at java.", "at org.", "at io.",
            "at jdk.", ".java:");
    public static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(java|javax|jakarta|jdk|sun|com\\.fasterxml|com\\.networknt|com\\.tracklane|com\\.google|dev\\.cel|org\\.hibernate|org\\.h2"
                    + "|org\\.postgresql|org\\.jboss|io\\.quarkus|io\\.vertx|io\\.smallrye|io\\.netty)\\.[a-z_$]+[.$]?[A-Za-z_$]*");

    public static final Map<String, String> BEARERS = new java.util.concurrent.ConcurrentHashMap<>();
    public static final Map<String, Stats> STATS = new TreeMap<>();
    public static final List<String> REPORT_LINES = new ArrayList<>();
    public static final List<String> SLOWEST = new ArrayList<>();
    public static long suiteStart;
    public static boolean reportReset;

    /** Starts a fuzz class's clock; the failure report of an earlier run is removed once per JVM. */
    public static synchronized void startSuite() throws IOException {
        suiteStart = System.nanoTime();
        if (!reportReset) {
            Files.deleteIfExists(REPORT);
            reportReset = true;
        }
    }

    /** Prints a fuzz class's requests per endpoint and appends its failures to the report, then starts afresh. */
    public static synchronized void summarise(String suite) throws IOException {
        StringBuilder s = new StringBuilder("\n=== " + suite + " seed=" + SEED + ": requests per endpoint (status histogram), "
                + (System.nanoTime() - suiteStart) / 1_000_000 + " ms in all ===\n");
        int total = 0;
        for (Map.Entry<String, Stats> e : STATS.entrySet()) {
            Stats st = e.getValue();
            total += st.count;
            s.append(String.format("%-58s %5d  %6d ms  %s%n", e.getKey(), st.count, st.nanos / 1_000_000, st.statuses));
        }
        s.append(String.format("%-58s %5d%n", "TOTAL", total));
        s.append("slowest requests:\n  ").append(String.join("\n  ", SLOWEST)).append('\n');
        System.out.println(s);
        if (!REPORT_LINES.isEmpty()) {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, String.join("\n", REPORT_LINES) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        STATS.clear();
        SLOWEST.clear();
        REPORT_LINES.clear();
    }

    /**
     * A fuzz campaign: its name, its random stream (seeded {@code SEED + stream}, so a failure reproduces) and what it
     * sends, which may depend on earlier answers (an ETag, an application's status).
     */
    public record Campaign(String name, long stream, java.util.function.Consumer<Fuzzer> requests) {

        /** {@code cases} requests, each made by {@code next} and sent. */
        public static Campaign of(String name, long stream, int cases, java.util.function.Function<Fuzzer, Req> next) {
            return new Campaign(name, stream, f -> {
                for (int i = 0; i < cases; i++) {
                    f.run(next.apply(f));
                }
            });
        }

        /** Sends the campaign's requests and fails with every broken answer. */
        public void run() {
            Fuzzer f = new Fuzzer(name, stream);
            requests.accept(f);
            f.assertClean();
        }

        @Override
        public String toString() {
            return stream + " " + name;
        }
    }

    // --- sending and checking -----------------------------------------------------------------------------------

    public static final class Stats {
        public int count;
        public long nanos;
        public final Map<Integer, Integer> statuses = new TreeMap<>();
    }

    /** One request as sent: method, target (path and query, already percent-encoded), headers and body bytes. */
    public static final class Req {
        public final String method;
        public final String target;
        public final String label;
        public String kind;
        public final Map<String, String> headers = new LinkedHashMap<>();
        public byte[] body;
        public Integer expected;
        public final Set<Integer> never = new java.util.TreeSet<>();

        public Req(String method, String target, String label, String kind) {
            this.method = method;
            this.target = target;
            this.label = label;
            this.kind = kind;
        }

        public Req header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Req accept(String language) {
            return language == null ? this : header("Accept-Language", language);
        }

        public Req json(String text, String contentType) {
            return body(text.getBytes(StandardCharsets.UTF_8), contentType);
        }

        public Req body(byte[] bytes, String contentType) {
            body = bytes;
            return header("Content-Type", contentType);
        }

        public Req expect(int status) {
            expected = status;
            return this;
        }

        /** A status that is wrong for this request whatever its values (e.g. 404 on a fixed path). */
        public Req never(int status) {
            never.add(status);
            return this;
        }

        public String describe(boolean full) {
            StringBuilder s = new StringBuilder(method).append(' ').append(full ? target : abbreviate(target, 200));
            headers.forEach((k, v) -> s.append("\n    ").append(k).append(": ")
                    .append(k.equals("Authorization") && v.length() > 60 && full ? v : abbreviate(v, 80)));
            if (body != null) {
                String text = new String(body, StandardCharsets.UTF_8);
                boolean binary = !java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), body);
                s.append("\n    body (").append(body.length).append(" bytes").append(binary ? ", base64" : "").append("): ")
                        .append(binary ? Base64.getEncoder().encodeToString(full ? body : java.util.Arrays.copyOf(body, Math.min(body.length, 300)))
                                : escape(full ? text : abbreviate(text, 600)));
            }
            return s.toString();
        }
    }

    public static final class Fuzzer {
        public final String name;
        public final long stream;
        public final Random r;
        public final List<String> failures = new ArrayList<>();
        public int cases;

        public Fuzzer(String name, long stream) {
            this.name = name;
            this.stream = stream;
            this.r = new Random(SEED + stream);
        }

        public Response run(Req q) {
            int n = ++cases;
            trace(n, q);
            RequestSpecification spec = given().config(CONFIG).urlEncodingEnabled(false);
            q.headers.forEach(spec::header);
            if (q.body != null && String.valueOf(q.headers.get("Content-Type")).startsWith("application/x-www-form-urlencoded")) {
                spec.body(new String(q.body, StandardCharsets.UTF_8)); // RestAssured encodes form bodies only from text
            } else if (q.body != null) {
                spec.body(q.body);
            }
            long start = System.nanoTime();
            Response response;
            try {
                response = spec.request(q.method, q.target);
            } catch (RuntimeException e) {
                record(n, q, "the client could not send it: " + e, null);
                return null;
            }
            long nanos = System.nanoTime() - start;
            Stats st = STATS.computeIfAbsent(q.label, k -> new Stats());
            st.count++;
            st.nanos += nanos;
            st.statuses.merge(response.statusCode(), 1, Integer::sum);
            synchronized (SLOWEST) {
                SLOWEST.add(String.format("%6d ms %s %s [%s]", nanos / 1_000_000, q.label, name + "#" + n, abbreviate(q.kind, 120)));
                SLOWEST.sort(java.util.Comparator.reverseOrder());
                if (SLOWEST.size() > 12) {
                    SLOWEST.remove(SLOWEST.size() - 1);
                }
            }
            List<String> violations = check(q, response);
            if (!violations.isEmpty()) {
                record(n, q, String.join("; ", violations), response);
            }
            return response;
        }

        /** With {@code -Dfuzz.trace=FILE}: one line per request (campaign, case, label, kind, body digest) to compare runs. */
        public void trace(int n, Req q) {
            String file = System.getProperty("fuzz.trace");
            if (file == null) {
                return;
            }
            String digest = q.body == null ? "-" : Integer.toHexString(java.util.Arrays.hashCode(q.body));
            String line = name + "#" + n + "\t" + q.method + "\t" + q.label + "\t" + escape(q.kind) + "\t" + digest + "\n";
            try {
                Files.writeString(Path.of(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        public void record(int n, Req q, String what, Response response) {
            String head = "seed=" + SEED + " stream=" + stream + " (" + name + ") case #" + n + " [" + q.kind + "]";
            String answer = response == null ? "" : "\n  → " + response.statusCode() + " " + response.contentType() + " "
                    + abbreviate(escape(response.asString()), 800);
            failures.add(head + ": " + what + "\n  " + q.describe(false) + answer);
            synchronized (REPORT_LINES) {
                REPORT_LINES.add("### " + head + "\nVIOLATION: " + what + "\nREQUEST: " + q.describe(true)
                        + (response == null ? "" : "\nRESPONSE: " + response.statusCode() + " " + response.contentType() + "\n"
                        + response.asString()) + "\n");
            }
        }

        public void assertClean() {
            if (!failures.isEmpty()) {
                fail("FuzzTest seed=" + SEED + " stream=" + stream + " (" + name + "): " + failures.size() + " of " + cases
                        + " requests broke the contract (all of them, with full requests: " + REPORT.toAbsolutePath() + "):\n"
                        + String.join("\n", failures.subList(0, Math.min(15, failures.size()))));
            }
        }
    }

    public static List<String> check(Req q, Response response) {
        List<String> v = new ArrayList<>();
        int status = response.statusCode();
        String type = String.valueOf(response.contentType());
        String text = response.asString();
        if (q.expected != null && status != q.expected) {
            v.add("expected " + q.expected + ", got " + status);
        }
        if (q.never.contains(status)) {
            v.add(status + " is never the answer here");
        }
        if (status >= 500) {
            v.add("server error " + status);
        } else if (status >= 400) {
            if (!type.toLowerCase().startsWith("application/problem+json")) {
                v.add("4xx with Content-Type '" + type + "' instead of application/problem+json");
            }
            problem(text, status, "", v);
        } else if (status == 204) {
            if (!text.isEmpty()) {
                v.add("204 with a body");
            }
        } else if (status >= 200 && status < 300) {
            if (!type.toLowerCase().startsWith(JSON_TYPE)) {
                v.add("2xx with Content-Type '" + type + "'");
            }
            JsonNode json = parse(text);
            if (json == null) {
                v.add("2xx body is not JSON");
            } else if (q.label.startsWith("POST " + BATCH)) {
                batchAnswer(q, json, v);
            } else if (q.label.endsWith("/dry-run")) {
                dryRunAnswer(json, v);
            }
        } else {
            v.add("unexpected status " + status);
        }
        return v;
    }

    /** Checks an RFC 9457 problem document; {@code where} prefixes the messages (for batch items). */
    public static void problem(String text, int status, String where, List<String> v) {
        JsonNode p = parse(text);
        if (p == null || !p.isObject()) {
            v.add(where + "problem body is not a JSON object");
            return;
        }
        problem(p, status, where, v);
        for (String leak : LEAKS) {
            if (text.contains(leak)) {
                v.add(where + "problem leaks '" + leak.replace("\t", "\\t") + "'");
            }
        }
        var m = CLASS_NAME.matcher(text);
        if (m.find()) {
            v.add(where + "problem names a Java class: " + m.group());
        }
    }

    public static void problem(JsonNode p, int status, String where, List<String> v) {
        for (String field : List.of("type", "title", "detail")) {
            if (!p.path(field).isTextual()) {
                v.add(where + "problem has no string '" + field + "'");
            }
        }
        if (!p.path("status").isInt()) {
            v.add(where + "problem has no integer 'status'");
        } else if (status > 0 && p.get("status").intValue() != status) {
            v.add(where + "problem status " + p.get("status") + " differs from HTTP " + status);
        }
        if (p.has("errors")) {
            JsonNode errors = p.get("errors");
            if (!errors.isArray()) {
                v.add(where + "problem 'errors' is not an array");
            } else {
                for (JsonNode e : errors) {
                    if (!e.path("field").isTextual() || !e.path("message").isTextual()) {
                        v.add(where + "problem error without string field and message: " + abbreviate(String.valueOf(e), 100));
                        break;
                    }
                }
            }
        }
    }

    public static void batchAnswer(Req q, JsonNode json, List<String> v) {
        JsonNode decisions = json.get("decisions");
        if (decisions == null || !decisions.isArray()) {
            v.add("batch answer without a decisions array");
            return;
        }
        JsonNode sent = parse(new String(q.body, StandardCharsets.UTF_8));
        JsonNode checks = sent == null ? null : sent.get("checks");
        if (checks != null && checks.isArray() && checks.size() != decisions.size()) {
            v.add("batch of " + checks.size() + " answered with " + decisions.size() + " entries");
        }
        for (int i = 0; i < decisions.size(); i++) {
            JsonNode d = decisions.get(i);
            if (d.has("outcome")) {
                continue;
            }
            String where = "decisions[" + i + "]: ";
            problem(d, -1, where, v);
            int status = d.path("status").asInt();
            if (status >= 500) {
                v.add(where + "a " + status + " problem inside the batch (" + d.path("type").asText() + ")");
            } else if (status < 400) {
                v.add(where + "neither a decision nor a 4xx problem");
            }
            String itemText = d.toString();
            for (String leak : LEAKS) {
                if (itemText.contains(leak)) {
                    v.add(where + "problem leaks '" + leak.replace("\t", "\\t") + "'");
                }
            }
            var m = CLASS_NAME.matcher(itemText);
            if (m.find()) {
                v.add(where + "problem names a Java class: " + m.group());
            }
        }
    }

    /** A dry run's items: each a comparison, a skip or a 4xx problem (a rule that fails to evaluate is not a 5xx). */
    public static void dryRunAnswer(JsonNode json, List<String> v) {
        JsonNode items = json.get("items");
        if (items == null || !items.isArray() || !json.path("summary").isObject()) {
            v.add("dry-run answer without items and summary");
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode p = items.get(i).get("problem");
            if (p == null) {
                continue;
            }
            String where = "items[" + i + "].problem: ";
            problem(p, -1, where, v);
            int status = p.path("status").asInt();
            if (status >= 500 || status < 400) {
                v.add(where + "a " + status + " problem in the dry run (" + p.path("type").asText() + ")");
            }
            String itemText = p.toString();
            for (String leak : LEAKS) {
                if (itemText.contains(leak)) {
                    v.add(where + "problem leaks '" + leak.replace("\t", "\\t") + "'");
                }
            }
            var m = CLASS_NAME.matcher(itemText);
            if (m.find()) {
                v.add(where + "problem names a Java class: " + m.group());
            }
        }
    }

    // --- small helpers ------------------------------------------------------------------------------------------

    /** A valid {@code Authorization} value for a role (one token per role, valid for the whole run). */
    public static String bearer(String role) {
        return BEARERS.computeIfAbsent(role, Tokens::bearer);
    }

    public static JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? null : JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    public static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON text of a tree, with the lone-surrogate marker turned into the escape Jackson cannot write. */
    public static String serialize(JsonNode node) {
        return text(node).replace(LONE_SURROGATE, "\\ud800");
    }

    /** Percent-encodes a query value or path segment (UTF-8); {@code raw:…} path segments are sent as written. */
    public static String encode(String value) {
        StringBuilder s = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                s.append((char) c);
            } else {
                s.append('%').append(String.format("%02X", c));
            }
        }
        return s.toString();
    }

    public static String segment(String id) {
        return id.startsWith("raw:") ? id.substring(4) : encode(id);
    }

    public static String abbreviate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max) + "…(" + s.length() + " chars)";
    }

    /** Control characters, line separators and lone surrogates as \\uXXXX, so that reports stay readable. */
    public static String escape(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029 || (c >= 0xD800 && c <= 0xDFFF)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    @SafeVarargs
    public static <T> T pick(Random r, T... values) {
        return values[r.nextInt(values.length)];
    }

    public static int pickInt(Random r, int... values) {
        return values[r.nextInt(values.length)];
    }

    public static double pickDouble(Random r, double... values) {
        return values[r.nextInt(values.length)];
    }

    /** {@code first} with a weight of {@code weightOfFirst} in 10, else one of {@code others}. */
    public static String weighted(Random r, int weightOfFirst, String first, String... others) {
        return r.nextInt(10) < weightOfFirst ? first : others[r.nextInt(others.length)];
    }
}
