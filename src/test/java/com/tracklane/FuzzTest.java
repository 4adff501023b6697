package com.tracklane;

import static com.tracklane.support.FuzzHarness.APPLICATIONS;
import static com.tracklane.support.FuzzHarness.BATCH;
import static com.tracklane.support.FuzzHarness.ELIGIBILITY;
import static com.tracklane.support.FuzzHarness.FACTS;
import static com.tracklane.support.FuzzHarness.JSON_TYPE;
import static com.tracklane.support.FuzzHarness.MERGE_PATCH;
import static com.tracklane.support.FuzzHarness.NODES;
import static com.tracklane.support.FuzzHarness.SWEEPS;
import static com.tracklane.support.FuzzHarness.TRACKS;
import static com.tracklane.support.FuzzHarness.VIOLATIONS;
import static com.tracklane.support.FuzzHarness.abbreviate;
import static com.tracklane.support.FuzzHarness.bearer;
import static com.tracklane.support.FuzzHarness.encode;
import static com.tracklane.support.FuzzHarness.pick;
import static com.tracklane.support.FuzzHarness.read;
import static com.tracklane.support.FuzzHarness.segment;
import static com.tracklane.support.FuzzHarness.serialize;
import static com.tracklane.support.FuzzHarness.text;
import static com.tracklane.support.FuzzHarness.weighted;
import static com.tracklane.support.FuzzInputs.ARRIVAL_BODY;
import static com.tracklane.support.FuzzInputs.ARRIVAL_POOLS;
import static com.tracklane.support.FuzzInputs.CHECK_IN_BODY;
import static com.tracklane.support.FuzzInputs.CHECK_IN_POOLS;
import static com.tracklane.support.FuzzInputs.DATES;
import static com.tracklane.support.FuzzInputs.DEPARTURE_BODY;
import static com.tracklane.support.FuzzInputs.DEPARTURE_POOLS;
import static com.tracklane.support.FuzzInputs.ODD_STRINGS;
import static com.tracklane.support.FuzzInputs.SWEEP_POOLS;
import static com.tracklane.support.FuzzInputs.acceptLanguage;
import static com.tracklane.support.FuzzInputs.asRole;
import static com.tracklane.support.FuzzInputs.batchItem;
import static com.tracklane.support.FuzzInputs.batchShape;
import static com.tracklane.support.FuzzInputs.decisionBody;
import static com.tracklane.support.FuzzInputs.ifMatch;
import static com.tracklane.support.FuzzInputs.instantValue;
import static com.tracklane.support.FuzzInputs.jsonBody;
import static com.tracklane.support.FuzzInputs.keepSweepsSmall;
import static com.tracklane.support.FuzzInputs.mergePatch;
import static com.tracklane.support.FuzzInputs.oddId;
import static com.tracklane.support.FuzzInputs.randomId;
import static com.tracklane.support.FuzzInputs.targeted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tracklane.support.FuzzHarness;
import com.tracklane.support.FuzzHarness.Campaign;
import com.tracklane.support.FuzzHarness.Fuzzer;
import com.tracklane.support.FuzzHarness.Req;
import com.tracklane.support.FuzzInputs;
import com.tracklane.support.FuzzInputs.App;
import com.tracklane.support.FuzzInputs.Mutator;
import com.tracklane.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Deterministic mutation fuzzing of every endpoint (rule administration in {@link FuzzAdminTest}, on an application
 * of its own). Valid bodies ({@code examples/eligibility.json}, {@code examples/eligibility-resident.json}, an
 * application submission wrapping the latter, and the README's arrival, check-in, departure and sweep of its
 * traveller) are mutated (fields deleted, values of another JSON type, extreme numbers, 10k strings, unicode and
 * control characters, odd dates and offsets, unknown airports, reordered, duplicated, missing or too many legs) or
 * broken as a whole (truncated, not JSON, wrong Content-Type, empty, too large), and query values, path ids,
 * If-Match, Idempotency-Key and Authorization headers are mutated too. Compliance bodies also get odd values field by field
 * (temperatures, coordinates, transports, test results, symptoms, instants); sweeps stay in 2020–2021 (a valid
 * instant after that would sweep every open monitoring up to it). Whatever is sent, the service must:
 * <ul>
 * <li>never answer 5xx (nor a 5xx problem inside a batch or dry-run answer);</li>
 * <li>answer every 4xx with an RFC 9457 problem ({@code application/problem+json}; string {@code type},
 * {@code title}, {@code detail}; integer {@code status} equal to the HTTP status; {@code errors[]} of string
 * {@code field} and {@code message}) without stack traces or Java class names;</li>
 * <li>answer every 2xx with JSON (a 204 without a body).</li>
 * </ul>
 * Each campaign (a row of {@link #campaigns}) draws from its own {@link java.util.Random} seeded with {@code SEED + stream}, so a failure reproduces
 * with the same seed: the failure message names seed, stream and case number, and the exact requests (headers and
 * full body) are written to {@code target/fuzz-failures.txt}. {@code -Dfuzz.seed=N} explores another seed.
 */
@QuarkusTest
class FuzzTest {

    @BeforeAll
    static void load() throws IOException {
        FuzzInputs.loadExamples();
        FuzzHarness.startSuite();
    }

    @AfterAll
    static void summary() throws IOException {
        FuzzHarness.summarise("FuzzTest");
    }

    /** Every campaign, in order (later ones reuse what earlier ones stored): name, random stream, cases and generator. */
    static Stream<Campaign> campaigns() {
        return Stream.of(
                Campaign.of("eligibility", 1, 650, f -> jsonBody(f, "POST", ELIGIBILITY, "POST " + ELIGIBILITY,
                        f.r.nextBoolean() ? FuzzInputs.eligibility : FuzzInputs.resident, JSON_TYPE).accept(acceptLanguage(f.r))),
                Campaign.of("batch", 2, 120, f -> batch(f).accept(acceptLanguage(f.r))),
                Campaign.of("tracks", 3, 140, FuzzTest::tracksQuery),
                Campaign.of("track-by-id", 4, 120, FuzzTest::trackById),
                new Campaign("facts", 5, f -> {
                    repeat(f, 25, FuzzTest::factsQuery);
                    wrongMethods(f, "officer", text(FuzzInputs.eligibility), new String[][] {
                            {"GET", ELIGIBILITY}, {"PUT", ELIGIBILITY}, {"DELETE", ELIGIBILITY}, {"GET", BATCH}, {"PATCH", BATCH},
                            {"POST", TRACKS}, {"DELETE", TRACKS + "/resident-kh-jp"}, {"POST", FACTS}, {"PUT", FACTS},
                            {"DELETE", APPLICATIONS}, {"PUT", APPLICATIONS + "/" + UUID.nameUUIDFromBytes(new byte[] {1})},
                    });
                }),
                new Campaign("applications-submit", 6, FuzzTest::submissions),
                Campaign.of("applications-list", 7, 170, FuzzTest::applicationList),
                new Campaign("applications-patch", 8, FuzzTest::patches),
                new Campaign("applications-decision", 9, FuzzTest::decisions),
                new Campaign("applications-by-id", 10, FuzzTest::reads),
                new Campaign("authorization", 11, FuzzTest::authorizations),
                // compliance monitoring (role monitor; the report also officer)
                new Campaign("compliance-arrival", 12, f -> monitoringBodies(f, 130, App.approved(f), App.create(f), "/arrival",
                        ARRIVAL_BODY, ARRIVAL_POOLS, 80, 88, 50, null)),
                new Campaign("compliance-check-in", 13, f -> monitoringBodies(f, 260, App.approved(f).arrived(f), App.approved(f),
                        "/check-ins", CHECK_IN_BODY, CHECK_IN_POOLS, 88, 93, 60, idempotencyKeys(f))),
                new Campaign("compliance-departure", 14, f -> {
                    App app = App.approved(f).arrived(f);
                    App notArrived = App.approved(f);
                    monitoringBodies(f, 100, app, notArrived, "/departure", DEPARTURE_BODY, DEPARTURE_POOLS, 85, 92, 55, null);
                    each(f, 60, g -> complianceReport(g, app, notArrived));
                }),
                Campaign.of("compliance-violations", 15, 130, FuzzTest::violationsQuery),
                new Campaign("compliance-sweeps", 16, f -> {
                    ObjectNode base = (ObjectNode) read("{\"at\": \"2020-09-21T00:00:00+09:00\"}");
                    String label = "POST " + SWEEPS;
                    repeat(f, 70, g -> asRole(g, keepSweepsSmall(g.r.nextInt(100) < 55
                            ? targeted(g.r, new Req("POST", SWEEPS, label, ""), base, SWEEP_POOLS)
                            : jsonBody(g, "POST", SWEEPS, label, base, JSON_TYPE)), "monitor").never(404));
                    // Without a body a sweep is as of now (as SweepTest does once).
                    f.run(new Req("POST", SWEEPS, label, "no body, as of now").header("Authorization", bearer("monitor")));
                    String id = UUID.nameUUIDFromBytes(new byte[] {12}).toString();
                    wrongMethods(f, "monitor", "{\"at\": \"2020-09-21T00:00:00+09:00\"}", new String[][] {
                            {"GET", SWEEPS}, {"PUT", SWEEPS}, {"DELETE", SWEEPS}, {"POST", VIOLATIONS}, {"DELETE", VIOLATIONS},
                            {"GET", APPLICATIONS + "/" + id + "/arrival"}, {"PUT", APPLICATIONS + "/" + id + "/arrival"},
                            {"GET", APPLICATIONS + "/" + id + "/check-ins"}, {"DELETE", APPLICATIONS + "/" + id + "/check-ins"},
                            {"PATCH", APPLICATIONS + "/" + id + "/departure"}, {"POST", APPLICATIONS + "/" + id + "/compliance"},
                            {"GET", "/api/v1/compliance"}, {"GET", "/api/v1/compliance/sweeps/1"},
                    });
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("campaigns")
    void campaign(Campaign campaign) {
        campaign.run();
    }

    // --- the generators of the table ----------------------------------------------------------------------------

    /** {@code step} {@code cases} times. */
    static void each(Fuzzer f, int cases, java.util.function.Consumer<Fuzzer> step) {
        for (int i = 0; i < cases; i++) {
            step.accept(f);
        }
    }

    /** {@code cases} requests, each made by {@code next} and sent. */
    static void repeat(Fuzzer f, int cases, Function<Fuzzer, Req> next) {
        each(f, cases, g -> g.run(next.apply(g)));
    }

    /** Each method on each path, as {@code role}; methods that take a body get {@code body}. */
    static void wrongMethods(Fuzzer f, String role, String body, String[][] methodsAndPaths) {
        for (String[] m : methodsAndPaths) {
            Req q = new Req(m[0], m[1], "wrong method", m[0] + " " + m[1]).header("Authorization", bearer(role));
            if (!m[0].equals("GET") && !m[0].equals("DELETE")) {
                q.json(body, JSON_TYPE);
            }
            f.run(q);
        }
    }

    /** A query of {@code 0..max-1}… parameters drawn from {@code pools} (name first), or one of {@code extra}. */
    static List<String> queryFrom(Fuzzer f, String[][] pools, int count, int extras, Function<Integer, String> extra) {
        List<String> params = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            int p = f.r.nextInt(pools.length + extras);
            if (p < pools.length) {
                String[] pool = pools[p];
                params.add(pool[0] + "=" + encode(pool[1 + f.r.nextInt(pool.length - 1)]));
            } else {
                params.add(extra.apply(p - pools.length));
            }
        }
        return params;
    }

    /**
     * An Idempotency-Key for 40 % of the requests: a key used before (a retry, with the same or another body) or a new
     * one of {@code fresh}.
     */
    static Function<Req, Req> idempotencyKeys(Fuzzer f) {
        List<String> keys = new ArrayList<>();
        return q -> {
            if (f.r.nextInt(10) < 4) {
                key(f, q, keys, () -> pick(f.r, "day-" + f.r.nextInt(30), "fuzz-" + new UUID(f.r.nextLong(), f.r.nextLong()), "",
                        " ", "k".repeat(200), "k".repeat(201), "\ud83d\ude00".repeat(100), "\ud83d\ude00".repeat(101), "key with spaces",
                        "\u00e9t\u00e9", "a\tb", "../x", "%00", "' OR 1=1 --", "${jndi:ldap://x/a}", "k".repeat(5000)));
            }
            return q;
        };
    }

    static void key(Fuzzer f, Req q, List<String> keys, java.util.function.Supplier<String> fresh) {
        String key;
        if (!keys.isEmpty() && f.r.nextInt(3) == 0) {
            key = keys.get(f.r.nextInt(keys.size())); // a retry, with the same or another body
        } else {
            key = fresh.get();
            keys.add(key);
        }
        q.header("Idempotency-Key", key);
        q.kind += " Idempotency-Key=" + abbreviate(key, 40);
    }

    static Req batch(Fuzzer f) {
        int k = f.r.nextInt(100);
        if (k < 70) {
            ObjectNode body = NODES.objectNode();
            ArrayNode checks = body.putArray("checks");
            int n = f.r.nextInt(12);
            List<String> kinds = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                checks.add(batchItem(f, kinds));
            }
            return new Req("POST", BATCH, "POST " + BATCH, "batch of " + n + ": " + kinds).json(text(body), JSON_TYPE);
        } else if (k < 82) {
            return batchShape(f);
        }
        ObjectNode body = NODES.objectNode();
        body.putArray("checks").add(FuzzInputs.eligibility.deepCopy()).add(FuzzInputs.resident.deepCopy());
        return jsonBody(f, "POST", BATCH, "POST " + BATCH, body, JSON_TYPE);
    }

    static Req tracksQuery(Fuzzer f) {
        StringBuilder query = new StringBuilder();
        List<String> kinds = new ArrayList<>();
        for (String name : List.of("at", "knownAt")) {
            if (f.r.nextInt(3) > 0) {
                String v = instantValue(f.r);
                query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(encode(v));
                kinds.add(name + "=" + abbreviate(v, 40));
            }
        }
        if (f.r.nextInt(10) == 0) {
            query.append(query.isEmpty() ? "?" : "&").append(f.r.nextBoolean() ? "at" : "at=" + encode("2020-09-10T00:00:00Z") + "&at=x");
            kinds.add("repeated/valueless at");
        }
        Req q = new Req("GET", TRACKS + query, "GET " + TRACKS, String.join(" ", kinds)).accept(acceptLanguage(f.r));
        if (f.r.nextInt(8) == 0) {
            q.header("Accept", pick(f.r, "application/json", "application/xml", "text/html", "*/*", "image/png", "garbage", "application/*"));
        }
        return q;
    }

    static Req trackById(Fuzzer f) {
        String id = f.r.nextInt(4) == 0
                ? pick(f.r, "resident-kh-jp", "business-kh-jp", "resident-jp-kh", "business-jp-kh", "RESIDENT-KH-JP", "resident-kh-jp ")
                : oddId(f.r);
        String path = TRACKS + "/" + segment(id);
        if (f.r.nextInt(3) == 0) {
            path += "?knownAt=" + encode(instantValue(f.r));
        }
        return new Req("GET", path, "GET " + TRACKS + "/{id}", "id=" + abbreviate(id, 60)).accept(acceptLanguage(f.r));
    }

    static Req factsQuery(Fuzzer f) {
        String query = f.r.nextBoolean() ? "" : "?" + pick(f.r, "x=1", "knownAt=" + encode(instantValue(f.r)), "a", "%20=%20",
                "lang=" + encode(pick(f.r, ODD_STRINGS)));
        Req q = new Req("GET", FACTS + query, "GET " + FACTS, "query " + query).accept(acceptLanguage(f.r));
        if (f.r.nextInt(4) == 0) {
            q.header("Accept", pick(f.r, "application/json", "application/xml", "text/html", "image/png", "garbage"));
        }
        return q;
    }

    static void submissions(Fuzzer f) {
        List<String> keys = new ArrayList<>();
        repeat(f, 340, g -> {
            Req q = jsonBody(f, "POST", APPLICATIONS, "POST " + APPLICATIONS, FuzzInputs.submission, JSON_TYPE)
                    .header("Authorization", bearer(f.r.nextBoolean() ? "intake" : "officer"));
            if (f.r.nextInt(10) < 3) {
                key(f, q, keys, () -> pick(f.r, "fuzz-" + new UUID(f.r.nextLong(), f.r.nextLong()), "", " ", "k".repeat(200),
                        "k".repeat(201), "key with spaces", "\u00e9t\u00e9", "a\tb", "fuzz-" + f.r.nextInt(1000)));
            }
            return q;
        });
    }

    static final String[][] APPLICATION_QUERIES = {
            {"page", "0", "1", "-1", "2147483647", "2147483648", "-2147483648", "99999999999999999999", "1.5", "1e3", "abc", "",
                    "0x10", " 1", "\uff11", "21474836", "21474837", "1000000", "107374183"},
            {"size", "1", "20", "100", "101", "0", "-1", "2147483647", "abc", "", "1.0", "50", "99"},
            {"status", "SUBMITTED", "UNDER_REVIEW", "INFO_REQUESTED", "APPROVED", "REJECTED", "WITHDRAWN", "submitted", "DONE", "",
                    "SUBMITTED,APPROVED", "\u00e9", "SUBMITTED\u0000"},
            {"track", "RESIDENT", "BUSINESS", "resident", "", "X"},
            {"route", "KH-JP", "JP-KH", "kh-jp", "KHJP", "KH-JP-TH", "K-J", "", "ZZ-ZZ", "\u039aH-JP", "KH-JP\n", "KH_JP"},
    };

    static Req applicationList(Fuzzer f) {
        List<String> params = queryFrom(f, APPLICATION_QUERIES, 1 + f.r.nextInt(4), 3, extra -> switch (extra) {
            case 0 -> pick(f.r, "submittedFrom", "submittedTo") + "=" + encode(instantValue(f.r));
            case 1 -> pick(f.r, "page", "size", "status", "unknown=1", "submittedFrom", "page=1&page=2");
            default -> "page=" + pick(f.r, "2147483647", "21474837", "1073741824", "2147483646") + "&size=" + pick(f.r, "100", "20", "2", "1");
        });
        String query = "?" + String.join("&", params);
        return new Req("GET", APPLICATIONS + query, "GET " + APPLICATIONS, query)
                .header("Authorization", bearer(f.r.nextBoolean() ? "intake" : "officer"));
    }

    static void patches(Fuzzer f) {
        App app = App.create(f);
        for (int i = 0; i < 240; i++) {
            boolean realId = f.r.nextInt(100) < 88;
            String id = realId ? app.id : randomId(f.r);
            String path = APPLICATIONS + "/" + (realId ? id : segment(id));
            Req q;
            if (f.r.nextInt(100) < 75) {
                JsonNode patch = mergePatch(f);
                q = new Req("PATCH", path, "PATCH " + APPLICATIONS + "/{id}", "merge patch");
                q.json(serialize(patch), weighted(f.r, 8, MERGE_PATCH, JSON_TYPE, "text/plain", "application/json-patch+json"));
            } else {
                q = jsonBody(f, "PATCH", path, "PATCH " + APPLICATIONS + "/{id}", FuzzInputs.submission, MERGE_PATCH);
            }
            if (!realId) {
                q.kind += " id=" + abbreviate(id, 40);
            }
            ifMatch(f, q, app.etag);
            q.header("Authorization", bearer(f.r.nextBoolean() ? "intake" : "officer"));
            Response r = f.run(q);
            if (r != null && realId && r.statusCode() == 200 && r.header("ETag") != null) {
                app.etag = r.header("ETag");
            }
        }
    }

    static void decisions(Fuzzer f) {
        App app = App.create(f);
        int refreshed = 0;
        for (int i = 0; i < 240; i++) {
            boolean realId = f.r.nextInt(100) < 88;
            String id = realId ? app.id : randomId(f.r);
            String path = APPLICATIONS + "/" + (realId ? id : segment(id)) + "/decision";
            Req q;
            if (f.r.nextInt(100) < 75) {
                ObjectNode decision = decisionBody(f.r);
                JsonNode body = f.r.nextInt(4) == 0 ? new Mutator(f.r).mutate(decision, 1, new ArrayList<>()) : decision;
                q = new Req("POST", path, "POST " + APPLICATIONS + "/{id}/decision", "decision").json(serialize(body), JSON_TYPE);
            } else {
                ObjectNode base = NODES.objectNode().put("action", "START_REVIEW").put("reason", "documents in order");
                q = jsonBody(f, "POST", path, "POST " + APPLICATIONS + "/{id}/decision", base, JSON_TYPE);
            }
            if (!realId) {
                q.kind += " id=" + abbreviate(id, 40);
            }
            ifMatch(f, q, app.etag);
            q.header("Authorization", bearer("officer"));
            Response r = f.run(q);
            if (r != null && realId && r.statusCode() == 200) {
                app.etag = r.header("ETag");
                String status = r.jsonPath().getString("status");
                if (Set.of("APPROVED", "REJECTED", "WITHDRAWN").contains(status) && refreshed < 40) {
                    app = App.create(f); // a fresh application, so later decisions reach the state machine again
                    refreshed++;
                }
            }
        }
    }

    static void reads(Fuzzer f) {
        App app = App.create(f);
        String[] templates = {"", "/history", "/decisions", "/decisions/{s}", "/decisions/{s}/replay", "/re-evaluation", "/withdrawal"};
        for (int i = 0; i < 100; i++) {
            String template = templates[f.r.nextInt(templates.length)];
            boolean realId = f.r.nextInt(3) == 0;
            String id = realId ? app.id : randomId(f.r);
            String snapshot = f.r.nextBoolean() ? app.snapshot : randomId(f.r);
            String path = APPLICATIONS + "/" + (realId ? id : segment(id))
                    + template.replace("{s}", snapshot.equals(app.snapshot) ? snapshot : segment(snapshot));
            boolean post = template.equals("/re-evaluation") || template.equals("/withdrawal");
            Req q = new Req(post ? "POST" : "GET", path, (post ? "POST " : "GET ") + APPLICATIONS + "/{id}" + template.replace("{s}", "{snapshotId}"),
                    "id=" + abbreviate(id, 40) + " snapshot=" + abbreviate(snapshot, 40));
            if (template.equals("/withdrawal")) {
                q.json(serialize(pick(f.r, NODES.objectNode(), NODES.objectNode().put("reason", pick(f.r, ODD_STRINGS)),
                        NODES.arrayNode(), NODES.objectNode().put("reason", 5))), JSON_TYPE);
                ifMatch(f, q, app.etag);
            }
            q.header("Authorization", bearer(template.equals("/withdrawal") ? "intake" : f.r.nextBoolean() ? "intake" : "officer"));
            Response r = f.run(q);
            if (r != null && realId && r.statusCode() == 200 && r.header("ETag") != null) {
                app.etag = r.header("ETag");
                if ("WITHDRAWN".equals(r.jsonPath().getString("status"))) {
                    app = App.create(f);
                }
            }
        }
    }

    /** Every kind of bad Authorization, twice each on an endpoint that needs a token: always 401. */
    static void authorizations(Fuzzer f) {
        Map<String, String> authorizations;
        try {
            authorizations = badAuthorizations();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String id = UUID.nameUUIDFromBytes(new byte[] {7}).toString();
        String[][] endpoints = {
                {"GET", APPLICATIONS}, {"POST", APPLICATIONS}, {"GET", APPLICATIONS + "/" + id}, {"PATCH", APPLICATIONS + "/" + id},
                {"POST", APPLICATIONS + "/" + id + "/decision"}, {"GET", APPLICATIONS + "/" + id + "/history"},
        };
        for (Map.Entry<String, String> a : authorizations.entrySet()) {
            for (int j = 0; j < 2; j++) {
                String[] e = endpoints[f.r.nextInt(endpoints.length)];
                Req q = new Req(e[0], e[1], "401 " + e[0] + " " + e[1].replace(id, "{id}"), a.getKey()).expect(401)
                        .header("Authorization", a.getValue());
                if (!e[0].equals("GET")) {
                    q.json(text(e[1].endsWith("decision") ? NODES.objectNode().put("action", "START_REVIEW") : FuzzInputs.submission),
                            e[0].equals("PATCH") ? MERGE_PATCH : JSON_TYPE).header("If-Match", "\"1\"");
                }
                f.run(q);
            }
        }
    }

    static Map<String, String> badAuthorizations() throws NoSuchAlgorithmException {
        String valid = Tokens.token("officer");
        String[] parts = valid.split("\\.");
        Instant past = Instant.now().minusSeconds(3 * 3600);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        Map<String, String> authorizations = new LinkedHashMap<>();
        authorizations.put("garbage", "garbage");
        authorizations.put("empty Bearer", "Bearer");
        authorizations.put("empty Bearer with space", "Bearer ");
        authorizations.put("Basic", "Basic dXNlcjpwYXNz");
        authorizations.put("wrong scheme with a valid token", "Token " + valid);
        authorizations.put("valid token without a scheme", valid);
        authorizations.put("Bearer with junk", "Bearer a.b.c");
        authorizations.put("Bearer with dots", "Bearer ....");
        authorizations.put("truncated token", "Bearer " + valid.substring(0, valid.length() - 10));
        authorizations.put("token with another signature", "Bearer " + parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse());
        authorizations.put("alg none", "Bearer " + header + "." + parts[1] + ".");
        authorizations.put("expired token", "Bearer " + Tokens.sign(Tokens.claims("officer", "late").issuedAt(past).expiresAt(past.plusSeconds(3600))));
        authorizations.put("foreign issuer", "Bearer " + Jwt.issuer("https://evil.example").upn("x").subject("x").groups(Set.of("officer"))
                .expiresIn(3600).sign(Tokens.devPrivateKey()));
        authorizations.put("other key", "Bearer " + Tokens.claims("officer", "x").sign(generator.generateKeyPair().getPrivate()));
        authorizations.put("huge token", "Bearer " + "A".repeat(3000));
        authorizations.put("token plus text", "Bearer " + valid + " extra");
        authorizations.put("Bearer eyJ", "Bearer eyJ");
        authorizations.put("latin-1 junk", "Bearer \u00e9\u00e8");
        return authorizations;
    }

    /**
     * {@code cases} bodies for {@code POST /applications/{id}}{@code suffix}: to {@code app} ({@code realPct} %), to
     * {@code other} (up to {@code otherPct} %) or to a random id; field-targeted ({@code targetedPct} %) or mutated;
     * {@code decorate} adds headers (null: none); as monitor mostly.
     */
    static void monitoringBodies(Fuzzer f, int cases, App app, App other, String suffix, String body,
                                 Map<String, List<JsonNode>> pools, int realPct, int otherPct, int targetedPct, Function<Req, Req> decorate) {
        ObjectNode base = (ObjectNode) read(body);
        String label = "POST " + APPLICATIONS + "/{id}" + suffix;
        for (int i = 0; i < cases; i++) {
            int k = f.r.nextInt(100);
            String id = k < realPct ? app.id : k < otherPct ? other.id : randomId(f.r);
            String path = APPLICATIONS + "/" + (k < otherPct ? id : segment(id)) + suffix;
            Req q = f.r.nextInt(100) < targetedPct ? targeted(f.r, new Req("POST", path, label, ""), base, pools)
                    : jsonBody(f, "POST", path, label, base, JSON_TYPE);
            if (k >= realPct) {
                q.kind += " id=" + abbreviate(id, 40);
            }
            if (decorate != null) {
                q = decorate.apply(q);
            }
            f.run(asRole(f, q, "monitor"));
        }
    }

    static void complianceReport(Fuzzer f, App app, App notArrived) {
        int k = f.r.nextInt(100);
        String id = k < 45 ? app.id : k < 60 ? notArrived.id : randomId(f.r);
        String path = APPLICATIONS + "/" + (k < 60 ? id : segment(id)) + "/compliance";
        Req q = new Req("GET", path, "GET " + APPLICATIONS + "/{id}/compliance", "id=" + abbreviate(id, 40)).accept(acceptLanguage(f.r));
        if (f.r.nextInt(8) == 0) {
            q.header("Accept", pick(f.r, "application/json", "application/xml", "text/html", "*/*", "garbage"));
        }
        q.header("Authorization", bearer(weighted(f.r, 8, f.r.nextBoolean() ? "monitor" : "officer", "intake", "rules-admin")));
        f.run(q);
    }

    static final String[][] VIOLATION_QUERIES = {
                {"since", "2020-09-16", "2020-09-16T00:00:00Z", "2020-09-16T00:00:00+09:00", "2020-9-16", "yesterday", "", "2020-02-30",
                    "+10000-01-01", "+999999999-12-31", "-999999999-01-01", "0000-01-01", "9999-12-31", "2020-09-16T00:00",
                    "1899-12-31T23:59:59Z", "2199-12-31T23:59:59Z", "2200-01-01T00:00:00Z", "1900-01-01", "2020-09-16T00:00:00+18:01",
                    "2020-09-16 00:00:00Z", "20200916", "\u0662\u0660\u0662\u0660-\u0660\u0669-\u0661\u0666", "2020-09-16\n", "2020-W38"},
            {"code", "MISSED_CHECK_IN", "FEVER", "SYMPTOMS", "POSITIVE_TEST", "PUBLIC_TRANSPORT", "OUTSIDE_ALLOWED_PLACE", "MISSED_RETEST",
                    "EARLY_EXIT", "fever", "Fever", "", "FEVER,SYMPTOMS", "LATE", "FEVER\u0000", " FEVER", "\u0130", "valueOf", "FEVER "},
            {"page", "0", "1", "-1", "2147483647", "2147483648", "-2147483648", "99999999999999999999", "1.5", "1e3", "abc", "", "0x10",
                    " 1", "\uff11", "1000000", "1000001", "21474836"},
            {"size", "1", "20", "100", "101", "0", "-1", "2147483647", "abc", "", "1.0", "50", "99", "\u0661"},
    };

    static Req violationsQuery(Fuzzer f) {
        List<String> params = queryFrom(f, VIOLATION_QUERIES, f.r.nextInt(5), 2, extra -> extra == 0
                ? "since=" + encode(f.r.nextBoolean() ? instantValue(f.r) : pick(f.r, DATES))
                : pick(f.r, "since", "code", "page", "size", "unknown=1", "page=1&page=2", "code=FEVER&code=LATE",
                        "page=1000000&size=100", "size=100&page=21474836"));
        String query = params.isEmpty() ? "" : "?" + String.join("&", params);
        Req q = new Req("GET", VIOLATIONS + query, "GET " + VIOLATIONS, query.isEmpty() ? "no query" : query).never(404);
        return asRole(f, q, "monitor");
    }
}
