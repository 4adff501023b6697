package com.tracklane;

import static com.tracklane.support.FuzzHarness.JSON;
import static com.tracklane.support.FuzzHarness.JSON_TYPE;
import static com.tracklane.support.FuzzHarness.NODES;
import static com.tracklane.support.FuzzHarness.SEED;
import static com.tracklane.support.FuzzHarness.TRACKS;
import static com.tracklane.support.FuzzHarness.abbreviate;
import static com.tracklane.support.FuzzHarness.bearer;
import static com.tracklane.support.FuzzHarness.escape;
import static com.tracklane.support.FuzzHarness.pick;
import static com.tracklane.support.FuzzHarness.pickInt;
import static com.tracklane.support.FuzzHarness.segment;
import static com.tracklane.support.FuzzHarness.serialize;
import static com.tracklane.support.FuzzHarness.text;
import static com.tracklane.support.FuzzInputs.LONE_SURROGATE;
import static com.tracklane.support.FuzzInputs.OTHER_TYPES;
import static com.tracklane.support.FuzzInputs.TEXTS;
import static com.tracklane.support.FuzzInputs.acceptLanguage;
import static com.tracklane.support.FuzzInputs.concat;
import static com.tracklane.support.FuzzInputs.ifMatch;
import static com.tracklane.support.FuzzInputs.instantValue;
import static com.tracklane.support.FuzzInputs.jsonBody;
import static com.tracklane.support.FuzzInputs.notJson;
import static com.tracklane.support.FuzzInputs.oddId;
import static com.tracklane.support.FuzzInputs.targeted;
import static com.tracklane.support.FuzzInputs.values;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.tracklane.support.FuzzHarness;
import com.tracklane.support.FuzzHarness.Fuzzer;
import com.tracklane.support.FuzzHarness.Req;
import com.tracklane.support.FuzzInputs;
import com.tracklane.support.FuzzInputs.Mutator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@link FuzzTest} for rule administration (role rules-admin): drafts in JSON and YAML (mutated documents, broken
 * YAML — truncated, tabs, anchors and aliases, duplicate keys, tags, non-UTF-8 bytes, deep nesting — and rules with
 * odd CEL conditions and message placeholders), updates, deletions, publications with odd {@code If-Match}, dry runs
 * with mutated requests and application ranges, suspensions, versions and history, with odd track ids and version
 * numbers in the path. Same contract and the same helpers as FuzzTest: never a 5xx (nor a 5xx problem inside a dry
 * run), every 4xx a clean RFC 9457 problem, every 2xx JSON (a 204 empty); seeded streams 17–21.
 *
 * <p>Runs on its own application (own profile, freshly migrated database): drafts, deletions and the suspensions a
 * valid mutation may publish (from 2199 on {@code business-jp-kh}) stay out of the other tests' application. Nothing
 * is ever published on the other rule sets: publications are sent only with an {@code If-Match} that cannot match.
 */
@QuarkusTest
@TestProfile(FuzzAdminTest.OwnDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FuzzAdminTest {

    /** A profile of its own: what the fuzz drafts and publishes stays out of the other tests' application. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tracklane.rule-sets.refresh-every", "1s");
        }
    }

    static final YAMLMapper YAML = new YAMLMapper();
    static final String ADMIN = "rules-admin";
    /** Drafts: the example opening (from 2027) here, a version from 2199 on the second. */
    static final String DRAFTED = "business-kh-jp";
    static final String DRAFTED_TOO = "resident-kh-jp";
    /** Suspensions (from 2199; a valid one is published, in this test's own database only). */
    static final String SUSPENDED = "business-jp-kh";
    static final String[] TRACK_IDS = {"resident-kh-jp", "business-kh-jp", "resident-jp-kh", "business-jp-kh"};
    static final String VERSIONS = TRACKS + "/{id}/versions";
    static final String YAML_TYPE = "application/yaml";

    static final String[] VERSION_NUMBERS = {
            "0", "-1", "99999999999999999999", "abc", "1.0", "+1", "01", " 1", "raw:%00", "1e3", "2147483647", "2147483648",
            "\u0661", "..", "raw:%2e%2e", "1;x", "0x1", "-0", "1 ", "NaN", "raw:%20", "\uff11", "3", "4", "5", "1", "2", "9".repeat(9000),
    };

    /** CEL conditions: syntax and type errors, unknown names, huge and deep ones, and ones that type-check but fail when evaluated. */
    static final String[] CEL = {
            "1 +", "facts.x", "'a' * 2", "stayDays > " + "9".repeat(10_000), "stayDays > " + "x".repeat(10_000), "stayDays > " + "(".repeat(10_000),
            "stayDays", "'yes'", "1", "null", "[]", "{}", "unknownFact", "unknownFact > 1", "params.nope > 1", "params.", "params",
            "params.maxStayDaysExclusive", "(".repeat(5000) + "true" + ")".repeat(5000), "!".repeat(5000) + "true",
            "-".repeat(5000) + "1 > 0", "[".repeat(5000) + "]".repeat(5000) + " == []", "true" + " && true".repeat(3000),
            "stayDays < 14 &&", "stayDays <", "stayDays < 14 ? true", "\u0000", " ", "\n", "true\n&& true", "'", "\"unterminated",
            "'\\u0000' == ''", "'\\xZZ' == ''", "b'\\xff' == b''", "1/0 == 0", "stayDays / 0 > 1", "stayDays % 0 == 0", "int('x') == 1",
            "addDays('x', 1) == ''", "minusHours('x', 1) == ''", "addDays(entryDate, 9223372036854775807) == ''", "hm(1.0/0.0) == ''",
            "[1][5] == 1", "{'a': 1}['b'] == 1", "9223372036854775807 + 1 > 0", "-9223372036854775808 - 1 < 0",
            "nationality.matches('(')", "nationality.matches('(a+)+$')", "stayDays > 1e400", "uint(-1) > 0u",
            "timestamp('x') > timestamp('2020-01-01T00:00:00Z')", "duration('x') > duration('1s')", "[1, 2, 3].map(x, x / 0).size() > 0",
            "string(b'\\xff') == ''", "double('abc') > 0.0", "has(x.y)", "stayDays.size() > 0", "dyn(stayDays) == 'a'",
            "entryDate > exitDate", "${jndi:ldap://x/a}", "<script>alert(1)</script>", "' OR 1=1 --", LONE_SURROGATE + " == ''",
            "'\ud83d\ude00' == '\ud83d\ude00'", "\u202e true", "true // comment", "true /* c */",
            "hasReturn && stayDays < params.maxStayDaysExclusive", "stayDays == 7", "true", "false",
    };

    /** Message placeholders ({expression}). */
    static final String[] PLACEHOLDERS = {
            "{1/0}", "{int('x')}", "{stayDays}", "{unknown}", "{", "}", "{}", "{{stayDays}}", "{'a' * 2}",
            "{" + "(".repeat(5000) + "1" + ")".repeat(5000) + "}", "{[1][3]}", "{hm(stayDays)}", "{string(1/0)}", "{addDays('x', 1)}",
            "{params.nope}", "{params.maxStayDaysExclusive}", "{" + "x".repeat(10_000) + "}", "{stayDays}".repeat(2000),
            "{'\\u0000'}", "{" + LONE_SURROGATE + "}",
    };

    static ObjectNode opening;
    static ObjectNode opening2199;
    static String openingYaml;
    static ObjectNode business;
    static ObjectNode suspension;

    @BeforeAll
    static void load() throws IOException {
        FuzzInputs.loadExamples();
        FuzzHarness.startSuite();
        openingYaml = Files.readString(Path.of("examples", "business-kh-jp-opening.yaml"));
        opening = (ObjectNode) YAML.readTree(openingYaml);
        opening2199 = opening.deepCopy().put("effectiveFrom", "2199-01-01T00:00+09:00");
        business = (ObjectNode) JSON.readTree(Files.readString(Path.of("examples", "eligibility-business.json")));
        suspension = (ObjectNode) JSON.readTree("{\"from\": \"2199-06-01T00:00+07:00\", \"reason\": \"Fuzz suspension\","
                + " \"citation\": {\"title\": \"Fuzz announcement\", \"url\": \"https://example.org/fuzz\", \"date\": \"2199-05-30\"}}");
    }

    @AfterAll
    static void summary() throws IOException {
        FuzzHarness.summarise("FuzzAdminTest");
    }

    // --- the tests ----------------------------------------------------------------------------------------------

    @Test
    @Order(17)
    void drafts() {
        Fuzzer f = new Fuzzer("rule-drafts", 17);
        clearDrafts(f, DRAFTED);
        clearDrafts(f, DRAFTED_TOO);
        String label = "POST " + VERSIONS;
        for (int i = 0; i < 200; i++) {
            boolean first = f.r.nextInt(10) < 8;
            String track = first ? DRAFTED : DRAFTED_TOO;
            ObjectNode base = first ? opening : opening2199;
            String path = TRACKS + "/" + track + "/versions";
            Req q;
            int k = f.r.nextInt(100);
            if (k < 28) {
                q = yamlBody(f, "POST", path, label, first ? openingYaml : yaml2199());
            } else if (k < 55) {
                q = ruleDraft(f, "POST", path, label, base);
            } else if (k < 62) {
                q = sections(f, "POST", path, label, base);
            } else if (k < 68) {
                String id = f.r.nextInt(3) == 0 ? pick(f.r, TRACK_IDS) : f.r.nextBoolean() ? "no-such-track" : oddId(f.r);
                path = TRACKS + "/" + segment(id) + "/versions";
                q = new Req("POST", path, label, "id=" + abbreviate(id, 40)).json(text(base), JSON_TYPE);
                track = null;
            } else if (k < 74) {
                ObjectNode file = NODES.objectNode().put("id", track);
                file.putArray("versions").add(base.deepCopy());
                q = jsonBody(f, "POST", path, label, file, JSON_TYPE);
                q.kind = "file form, " + q.kind;
            } else {
                q = jsonBody(f, "POST", path, label, base, JSON_TYPE);
            }
            Response r = f.run(admin(f, q));
            if (r != null && r.statusCode() == 201) {
                if (track == null) {
                    track = r.jsonPath().getString("ruleSet");
                }
                afterDraft(f, track, r);
            } else if (r != null && r.statusCode() == 409 && track != null) {
                clearDrafts(f, track);
            }
        }
        f.assertClean();
    }

    @Test
    @Order(18)
    void publications() {
        Fuzzer f = new Fuzzer("rule-publish", 18);
        clearDrafts(f, DRAFTED);
        clearDrafts(f, DRAFTED_TOO);
        Response created = f.run(new Req("POST", TRACKS + "/" + DRAFTED + "/versions", "POST " + VERSIONS + " (setup)", "the example opening")
                .json(openingYaml, YAML_TYPE).header("Authorization", bearer(ADMIN)).expect(201));
        if (created == null || created.statusCode() != 201) {
            fail("FuzzAdminTest seed=" + SEED + ": cannot create a draft to fuzz publication: " + (created == null ? "no answer" : created.asString()));
        }
        int n = created.jsonPath().getInt("version");
        long etag = Long.parseLong(created.header("ETag").replace("\"", ""));
        String label = "POST " + VERSIONS + "/{n}/publish";
        for (int i = 0; i < 70; i++) {
            int k = f.r.nextInt(100);
            String id = k < 80 ? DRAFTED : k < 90 ? pick(f.r, TRACK_IDS) : oddId(f.r);
            String number = k < 60 ? Integer.toString(n) : pick(f.r, VERSION_NUMBERS);
            Req q = new Req("POST", TRACKS + "/" + segment(id) + "/versions/" + segment(number) + "/publish", label,
                    "id=" + abbreviate(id, 40) + " n=" + abbreviate(number, 20));
            String value = pick(f.r, "\"0\"", "\"-1\"", "\"99999999999999999999\"", "*", "", " ", "\"abc\"", "\"1\", \"2\"", "W/", "\"\"",
                    "\"" + (etag + 1) + "\"", "W/\"" + (etag + 7) + "\"", "\"9223372036854775807\"", "\"1e3\"", "\"\u00e9\"", "W/\"W/\"1\"\"",
                    "\"" + etag + "x\"", "\"" + etag + "\", \"" + (etag + 1) + "\"", "-" + etag, "\"0x" + etag + "\"", null);
            if (value != null && !canMatch(value, etag)) {
                q.header("If-Match", value);
                q.kind += " If-Match=" + value;
            } else {
                q.kind += " no If-Match";
            }
            f.run(admin(f, q));
        }
        // Nothing was published: the draft is still a draft (and is removed).
        Response draft = f.run(new Req("GET", TRACKS + "/" + DRAFTED + "/versions/" + n, "GET " + VERSIONS + "/{n}", "the draft")
                .header("Authorization", bearer(ADMIN)).expect(200));
        if (draft == null || !"DRAFT".equals(draft.jsonPath().getString("state"))) {
            fail("FuzzAdminTest seed=" + SEED + ": a publication went through: " + (draft == null ? "no answer" : draft.asString()));
        }
        clearDrafts(f, DRAFTED);
        f.assertClean();
    }

    @Test
    @Order(19)
    void dryRuns() {
        Fuzzer f = new Fuzzer("rule-dry-run", 19);
        clearDrafts(f, DRAFTED);
        // Stored applications of the route KH → JP, for the dry runs over submitted applications.
        for (ObjectNode request : List.of(business, FuzzInputs.resident, FuzzInputs.eligibility)) {
            ObjectNode submission = FuzzInputs.submission.deepCopy();
            ObjectNode trip = request.deepCopy();
            trip.remove("knownAt"); // an application does not accept knownAt
            submission.set("request", trip);
            f.run(new Req("POST", FuzzHarness.APPLICATIONS, "POST " + FuzzHarness.APPLICATIONS + " (setup)", "an application of KH → JP")
                    .json(text(submission), JSON_TYPE).header("Authorization", bearer("intake")).expect(201));
        }
        String label = "POST " + VERSIONS + "/{n}/dry-run";
        for (int round = 0; round < 9; round++) {
            // A plain opening, or one whose rule type-checks but may fail when evaluated.
            ObjectNode version = opening.deepCopy();
            if (round >= 3) {
                ObjectNode rule = rule(pick(f.r, "1/0 == 0", "stayDays / 0 > 1", "int('x') == 1", "addDays('x', 1) == ''", "[1][5] == 1",
                        "{'a': 1}['b'] == 1", "9223372036854775807 + 1 > 0", "nationality.matches('(')", "double('abc') > 0.0",
                        "addDays(entryDate, 9223372036854775807) == ''", "stayDays == 7"));
                ((ObjectNode) rule.get("messages")).putObject("fail").put("en", "no " + pick(f.r, PLACEHOLDERS));
                version.putArray("rules").add(rule);
            }
            Response created = f.run(new Req("POST", TRACKS + "/" + DRAFTED + "/versions", "POST " + VERSIONS + " (setup)",
                    "draft for dry runs: " + abbreviate(text(version.path("rules")), 120)).json(serialize(version), JSON_TYPE)
                    .header("Authorization", bearer(ADMIN)));
            if (created == null || created.statusCode() != 201) {
                continue; // refused (422): nothing to dry-run
            }
            int n = created.jsonPath().getInt("version");
            for (int i = 0; i < 15; i++) {
                int k = f.r.nextInt(100);
                String id = k < 88 ? DRAFTED : k < 94 ? pick(f.r, TRACK_IDS) : oddId(f.r);
                String number = k < 80 ? Integer.toString(n) : pick(f.r, VERSION_NUMBERS);
                String path = TRACKS + "/" + segment(id) + "/versions/" + segment(number) + "/dry-run";
                Req q = dryRunBody(f, path, label);
                if (k >= 80) {
                    q.kind += " id=" + abbreviate(id, 40) + " n=" + abbreviate(number, 20);
                }
                f.run(admin(f, q.accept(acceptLanguage(f.r))));
            }
            clearDrafts(f, DRAFTED);
        }
        f.assertClean();
    }

    @Test
    @Order(20)
    void suspensions() {
        Fuzzer f = new Fuzzer("rule-suspensions", 20);
        clearDrafts(f, SUSPENDED);
        Map<String, List<JsonNode>> pools = new LinkedHashMap<>();
        pools.put("/from", concat(values("2199-06-01T00:00+07:00", "2199-07-01T00:00:00Z", "2020-01-01T00:00Z", "2199-06-01T00:00",
                "2199-06-01", "+999999999-12-31T23:59:59.999999999-18:00", "-999999999-01-01T00:00:00+18:00", "2199-06-01T00:00+18:01",
                "2199-13-01T00:00Z", "2199-06-01T00:00Z" + "0".repeat(10_000), "tomorrow", "", LONE_SURROGATE, "\u0000"),
                values((Object[]) FuzzInputs.DATE_TIMES), values((Object[]) FuzzInputs.INSTANTS), OTHER_TYPES));
        pools.put("/reason", concat(values("r".repeat(2000), "r".repeat(2001), "\ud83d\ude00".repeat(1000), "\ud83d\ude00".repeat(1001),
                "\u00e9".repeat(2000), " ", "\t\n"), TEXTS));
        pools.put("/citation", concat(values(NODES.objectNode(), "x", NODES.objectNode().put("title", 1),
                NODES.objectNode().put("title", "t"), NODES.objectNode().put("title", "t").put("url", "javascript:alert(1)"),
                NODES.objectNode().put("title", "t").put("url", "https://example.org").put("extra", 1),
                NODES.objectNode().put("title", "t".repeat(10_000)).put("url", "https://example.org"),
                NODES.objectNode().put("title", "").put("url", "https://example.org"),
                NODES.objectNode().put("title", "t").put("url", "https://example.org").put("date", "not a date")), OTHER_TYPES));
        pools.put("/citation/title", TEXTS);
        pools.put("/citation/url", concat(values("http://x", "https://", "ftp://example.org", "https://example.org/" + "p".repeat(10_000),
                "https://ex ample.org", "HTTPS://EXAMPLE.ORG"), TEXTS));
        pools.put("/citation/date", TEXTS);
        pools.put("/unknown", OTHER_TYPES);
        String label = "POST " + TRACKS + "/{id}/suspensions";
        for (int i = 0; i < 110; i++) {
            int k = f.r.nextInt(100);
            String id = k < 85 ? SUSPENDED : k < 90 ? "no-such-track" : oddId(f.r);
            String path = TRACKS + "/" + segment(id) + "/suspensions";
            Req q = f.r.nextInt(100) < 60 ? targeted(f.r, new Req("POST", path, label, ""), suspension, pools)
                    : jsonBody(f, "POST", path, label, suspension, JSON_TYPE);
            if (k >= 85) {
                q.kind += " id=" + abbreviate(id, 40);
            }
            f.run(admin(f, q));
        }
        f.assertClean();
    }

    @Test
    @Order(21)
    void versionsAndHistory() {
        Fuzzer f = new Fuzzer("rule-versions", 21);
        String[] templates = {"/versions", "/versions/{n}", "/history", "/versions/{n}", "/history"};
        for (int i = 0; i < 110; i++) {
            String template = templates[f.r.nextInt(templates.length)];
            String id = f.r.nextInt(3) == 0 ? pick(f.r, TRACK_IDS) : f.r.nextInt(4) == 0 ? "no-such-track" : oddId(f.r);
            String number = f.r.nextBoolean() ? pick(f.r, "1", "2", "3", "4") : pick(f.r, VERSION_NUMBERS);
            String path = TRACKS + "/" + segment(id) + template.replace("{n}", segment(number));
            Req q = new Req("GET", path, "GET " + TRACKS + "/{id}" + template, "id=" + abbreviate(id, 40)
                    + (template.contains("{n}") ? " n=" + abbreviate(number, 20) : ""));
            f.run(admin(f, q.accept(acceptLanguage(f.r))));
        }
        String v = TRACKS + "/" + DRAFTED + "/versions";
        String[][] wrongMethods = {
                {"PATCH", v + "/1"}, {"DELETE", v}, {"PUT", v}, {"GET", v + "/1/publish"}, {"PUT", v + "/1/publish"}, {"GET", v + "/1/dry-run"},
                {"GET", TRACKS + "/" + DRAFTED + "/suspensions"}, {"DELETE", TRACKS + "/" + DRAFTED + "/suspensions"},
                {"POST", TRACKS + "/" + DRAFTED + "/history"}, {"DELETE", TRACKS + "/" + DRAFTED + "/history"}, {"POST", v + "/1"},
                {"DELETE", v + "/1"}, {"PUT", v + "/1"},
        };
        for (String[] m : wrongMethods) {
            Req q = new Req(m[0], m[1], "wrong method or published version", m[0] + " " + m[1]).header("Authorization", bearer(ADMIN));
            if (!m[0].equals("GET") && !m[0].equals("DELETE")) {
                q.json(text(opening), JSON_TYPE).header("If-Match", "\"1\"");
            }
            f.run(q);
        }
        f.assertClean();
    }

    // --- what follows a draft -------------------------------------------------------------------------------------

    /** Reads, changes, dry-runs and deletes a draft just created, so that the next POST finds none. */
    static void afterDraft(Fuzzer f, String track, Response created) {
        int n = created.jsonPath().getInt("version");
        String etag = created.header("ETag");
        String path = TRACKS + "/" + track + "/versions/" + n;
        if (f.r.nextInt(10) < 4) {
            List<JsonNode> checks = List.of(business, FuzzInputs.eligibility, FuzzInputs.resident);
            ArrayNode list = NODES.arrayNode().add(pick(f.r, checks.toArray(new JsonNode[0])).deepCopy());
            f.run(new Req("POST", path + "/dry-run", "POST " + VERSIONS + "/{n}/dry-run", "a valid request")
                    .json(text(list), JSON_TYPE).header("Authorization", bearer(ADMIN)));
        }
        if (f.r.nextInt(10) < 2) {
            f.run(new Req("GET", path, "GET " + VERSIONS + "/{n}", "the draft").header("Authorization", bearer(ADMIN)).expect(200));
        }
        if (f.r.nextInt(10) < 3) {
            ObjectNode base = track.equals(DRAFTED) ? opening : opening2199;
            String label = "PUT " + VERSIONS + "/{n}";
            int k = f.r.nextInt(3);
            Req q = k == 0 ? yamlBody(f, "PUT", path, label, track.equals(DRAFTED) ? openingYaml : yaml2199())
                    : k == 1 ? ruleDraft(f, "PUT", path, label, base) : jsonBody(f, "PUT", path, label, base, JSON_TYPE);
            ifMatch(f, q, etag);
            Response r = f.run(admin(f, q));
            if (r != null && r.statusCode() == 200) {
                etag = r.header("ETag");
            }
        }
        Req delete = new Req("DELETE", path, "DELETE " + VERSIONS + "/{n}", "the draft");
        if (f.r.nextBoolean()) {
            ifMatch(f, delete, etag);
        }
        Response r = f.run(admin(f, delete));
        if (r == null || r.statusCode() != 204) {
            clearDrafts(f, track);
        }
    }

    /** Deletes the drafts of a rule set (unconditionally), so that the next draft can be created. */
    static void clearDrafts(Fuzzer f, String track) {
        Response versions = f.run(new Req("GET", TRACKS + "/" + track + "/versions", "GET " + VERSIONS + " (cleanup)", track)
                .header("Authorization", bearer(ADMIN)).expect(200));
        if (versions == null || versions.statusCode() != 200) {
            fail("FuzzAdminTest seed=" + SEED + ": cannot list the versions of " + track);
        }
        List<Map<String, Object>> all = versions.jsonPath().getList("$");
        for (Map<String, Object> v : all) {
            if ("DRAFT".equals(v.get("state"))) {
                f.run(new Req("DELETE", TRACKS + "/" + track + "/versions/" + v.get("version"), "DELETE " + VERSIONS + "/{n} (cleanup)", track)
                        .header("Authorization", bearer(ADMIN)).expect(204));
            }
        }
    }

    /** Whether the service would read {@code header} as the ETag {@code etag} (RuleAdminResource's parsing). */
    static boolean canMatch(String header, long etag) {
        if (header == null || header.isBlank()) {
            return false;
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            return Long.parseLong(tag.replace("\"", "")) == etag;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Mostly as rules-admin, sometimes another role (403), rarely without a token (401). */
    static Req admin(Fuzzer f, Req q) {
        int k = f.r.nextInt(100);
        if (k < 94) {
            return q.header("Authorization", bearer(ADMIN));
        }
        if (k < 99) {
            String role = pick(f.r, "officer", "intake", "monitor");
            q.kind += " as " + role;
            return q.header("Authorization", bearer(role));
        }
        q.kind += " without a token";
        return q;
    }

    // --- bodies ---------------------------------------------------------------------------------------------------

    static String yaml2199() {
        return openingYaml.replace("2027-02-01T00:00+09:00", "2199-01-01T00:00+09:00");
    }

    /** A rule in the format of the shipped files, with {@code condition}. */
    static ObjectNode rule(String condition) {
        ObjectNode rule = NODES.objectNode().put("id", "FUZZ_RULE").put("severity", "BLOCKING");
        rule.putObject("title").put("en", "Fuzz rule");
        rule.put("condition", condition);
        ObjectNode messages = rule.putObject("messages");
        messages.putObject("pass").put("en", "Stay of {stayDays} days.");
        messages.putObject("fail").put("en", "Not this time.");
        rule.putObject("citation").put("title", "Fuzz citation").put("url", "https://example.org/fuzz");
        return rule;
    }

    /** A version with its own rules: odd CEL in conditions and placeholders, odd rule fields; as JSON or YAML. */
    static Req ruleDraft(Fuzzer f, String method, String path, String label, ObjectNode base) {
        Random r = f.r;
        ObjectNode version = base.deepCopy();
        ArrayNode rules = version.putArray("rules");
        List<String> log = new ArrayList<>();
        String cel = pick(r, CEL);
        ObjectNode rule = rule(cel);
        rules.add(rule);
        int k = r.nextInt(12);
        switch (k) {
            case 0 -> {
                rule.put(pick(r, "applicableWhen", "pendingWhen"), cel);
                rule.put("condition", "true");
                log.add(rule.has("applicableWhen") ? "applicableWhen" : "pendingWhen");
            }
            case 1 -> {
                String placeholder = pick(r, PLACEHOLDERS);
                ((ObjectNode) rule.get("messages")).putObject(pick(r, "pass", "fail")).put("en", "x " + placeholder).put("ja", placeholder);
                log.add("message " + placeholder);
            }
            case 2 -> {
                JsonNode v = pick(r, OTHER_TYPES.toArray(new JsonNode[0]));
                rule.set(pick(r, "condition", "id", "severity", "title", "messages", "citation"), v);
                log.add("retyped field = " + v);
            }
            case 3 -> {
                String id = pick(r, "fuzz_rule", "", "A".repeat(300), "FUZZ__RULE", "FUZZ-RULE", "\u00c9", "TRACK_OPEN", "FUZZ_RULE\n");
                rule.put("id", id);
                log.add("id " + escape(abbreviate(id, 20)));
            }
            case 4 -> {
                rules.add(rule.deepCopy());
                log.add("duplicate rule id");
            }
            case 5 -> {
                int n = pickInt(r, 50, 200);
                for (int i = 1; i < n; i++) {
                    rules.add(rule.deepCopy().put("id", "FUZZ_RULE_" + i));
                }
                log.add(n + " rules");
            }
            case 6 -> {
                version.putObject("parameters").putObject(pick(r, "maxStayDaysExclusive", "newParam", "", "x".repeat(300)))
                        .put("type", pick(r, "int", "double", "bool", "string", "date", "list<string>", "map", "")).set("value",
                                pick(r, values("x", 14, 1e308, "2027-02-01", "2027-02-30", true).toArray(new JsonNode[0])));
                log.add("parameter " + escape(abbreviate(text(version.get("parameters")), 80)));
            }
            case 7 -> {
                rules.removeAll();
                log.add("no rules");
            }
            default -> {
            }
        }
        log.add(0, "rule condition " + escape(abbreviate(cel, 50)));
        Req q = new Req(method, path, label, String.join("; ", log));
        if (r.nextInt(10) < 3 && !text(version).contains(LONE_SURROGATE)) {
            try {
                q.kind += " (as YAML)";
                return q.json(YAML.writeValueAsString(version), YAML_TYPE);
            } catch (IOException e) {
                // as JSON below
            }
        }
        return q.json(serialize(version), JSON_TYPE);
    }

    /** Parameters and obligations of a version, with odd values. */
    static Req sections(Fuzzer f, String method, String path, String label, ObjectNode base) {
        Random r = f.r;
        ObjectNode version = base.deepCopy();
        String what;
        if (r.nextBoolean()) {
            ObjectNode p = version.putObject("parameters").putObject(pick(r, "maxStayDaysExclusive", "feverThresholdC", "testMethods",
                    "healthMonitoringDays", "newParam"));
            p.put("type", pick(r, "int", "double", "bool", "string", "date", "list<string>", "INT", "list<int>"));
            p.set("value", pick(r, values(14, -1, 2147483648L, 1e308, 37.5, new java.math.BigDecimal("1e400"), "x", "2027-02-30", true,
                    new String[] {"PCR"}, new String[] {"x".repeat(10_000)}, null, NODES.objectNode()).toArray(new JsonNode[0])));
            what = "parameter " + escape(abbreviate(text(p), 80));
        } else {
            ObjectNode o = version.putArray("obligations").addObject();
            o.put("code", pick(r, "QUARANTINE", "DAILY_HEALTH_REPORT", "NEW_CODE", "quarantine", ""));
            o.set("fromDay", pick(r, values(0, -1, 14, 2147483647, 2147483648L, 1.5, "0", null).toArray(new JsonNode[0])));
            if (r.nextBoolean()) {
                o.set("untilDay", pick(r, values(0, 13, 399, 400, 100_000, 2147483647, -5).toArray(new JsonNode[0])));
            }
            if (r.nextInt(3) == 0) {
                o.put("when", pick(r, CEL));
            }
            o.putObject("detail").put("en", "Fuzz obligation " + pick(r, PLACEHOLDERS));
            o.putObject("citation").put("title", "t").put("url", "https://example.org");
            what = "obligation " + escape(abbreviate(text(o), 80));
        }
        return new Req(method, path, label, what).json(serialize(version), JSON_TYPE);
    }

    /** YAML text: the example as is, or broken in one of the ways YAML can be. */
    static Req yamlBody(Fuzzer f, String method, String path, String label, String yaml) {
        Random r = f.r;
        Req q = new Req(method, path, label, "");
        String type = YAML_TYPE;
        byte[] body;
        int k = r.nextInt(20);
        switch (k) {
            case 0 -> {
                q.kind = "YAML as is";
                body = utf8(yaml);
            }
            case 1 -> {
                int cut = r.nextInt(yaml.length());
                q.kind = "YAML truncated at " + cut;
                body = utf8(yaml.substring(0, cut));
            }
            case 2 -> {
                q.kind = "YAML indented with tabs";
                body = utf8(yaml.replace("\n  ", "\n\t"));
            }
            case 3 -> {
                int depth = pickInt(r, 5, 9, 12);
                StringBuilder s = new StringBuilder("lol0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
                for (int i = 1; i <= depth; i++) {
                    s.append("lol").append(i).append(": &a").append(i).append(" [").append(("*a" + (i - 1) + ", ").repeat(8))
                            .append("*a").append(i - 1).append("]\n");
                }
                String laughs = s.toString();
                q.kind = "billion laughs, depth " + depth;
                body = utf8(r.nextBoolean() ? laughs + yaml
                        : yaml.replace("note:\n  en:", "note:\n  ja: &a [x, x, x]\n  km: [*a, *a, *a]\n  en:") + "x-laughs:\n  " + laughs.replace("\n", "\n  "));
            }
            case 4 -> {
                q.kind = "anchors and aliases";
                body = utf8(pick(r, "a: &a [*a, *a]\n" + yaml, yaml.replace("status: OPEN", "status: &s OPEN\nx: *s"),
                        yaml.replace("title: \"", "title: &t \"").replace("  date:", "  paragraph: *t\n  date:"),
                        "&root\n" + yaml + "self: *root\n", yaml + "<<: *undefined\n", "base: &b {status: OPEN}\n<<: *b\n" + yaml,
                        yaml.replace("status: OPEN", "status: *nothing")));
            }
            case 5 -> {
                q.kind = "duplicate keys";
                body = utf8(yaml + pick(r, "status: CLOSED\n", "effectiveFrom: \"2027-03-01T00:00+09:00\"\n", "note:\n  en: again\n",
                        "citation: {title: t, url: \"https://x\"}\n", "status: OPEN\nstatus: OPEN\n"));
            }
            case 6 -> {
                q.kind = "non-UTF-8 bytes";
                byte[] b = utf8(yaml);
                int at = yaml.indexOf("Business Track with");
                int i = at < 0 ? r.nextInt(b.length) : at + r.nextInt(10);
                byte[][] odd = {{(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0xE9}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0x80}, {(byte) 0xFE, (byte) 0xFF}};
                byte[] insert = odd[r.nextInt(odd.length)];
                byte[] out = new byte[b.length + insert.length];
                System.arraycopy(b, 0, out, 0, i);
                System.arraycopy(insert, 0, out, i, insert.length);
                System.arraycopy(b, i, out, i + insert.length, b.length - i);
                body = out;
            }
            case 7 -> {
                String tagged = pick(r, "status: !!int OPEN", "status: !!float x", "status: !!bool maybe", "status: !!binary '***'",
                        "status: !!timestamp x", "status: !!null OPEN", "status: !!python/object:os.system x",
                        "status: !!java.net.URL [\"http://x\"]", "status: !!set {a, b}", "status: !!omap [a: 1]", "status: !custom OPEN",
                        "status: !<tag:yaml.org,2002:str> OPEN", "status: !!str OPEN", "status: !!binary R0lGODlhAQABAAAAACw=",
                        "status: !!merge x", "status: !!map {a: 1}", "status: !!seq [1]", "status: !!int 99999999999999999999999");
                q.kind = "tag: " + tagged;
                body = utf8(yaml.replace("status: OPEN", tagged));
            }
            case 8 -> {
                q.kind = "complex key";
                body = utf8(yaml + pick(r, "? [a, b]\n: c\n", "? {a: 1}\n: c\n", "[a]: b\n", "{a: 1}: b\n", "? |\n  block\n: v\n", "? \n: v\n"));
            }
            case 9 -> {
                int depth = pickInt(r, 60, 1001, 5000);
                q.kind = "nesting depth " + depth;
                body = utf8(r.nextBoolean() ? yaml + "nested: " + "[".repeat(depth) + "]".repeat(depth) + "\n"
                        : yaml + "nested:\n" + java.util.stream.IntStream.range(0, Math.min(depth, 1500))
                        .mapToObj(i -> " ".repeat(i + 1) + "a:\n").reduce("", String::concat) + " ".repeat(Math.min(depth, 1500) + 1) + "b\n");
            }
            case 10 -> {
                q.kind = "documents and directives";
                body = utf8(pick(r, "---\n" + yaml + "---\n" + yaml, "%YAML 1.1\n---\n" + yaml, "%YAML 9.9\n---\n" + yaml, "%TAG ! tag:x,2000:\n---\n" + yaml,
                        yaml + "...\n", "---\n...\n", "--- |\n  text\n", "%YAML 1.2\n%YAML 1.2\n---\n" + yaml));
            }
            case 11 -> {
                q.kind = "BOM or UTF-16";
                int v = r.nextInt(3);
                body = v == 0 ? utf8("\ufeff" + yaml) : ("\ufeff" + yaml).getBytes(v == 1 ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
                if (v == 2 && r.nextBoolean()) {
                    type = YAML_TYPE + "; charset=utf-16";
                }
            }
            case 12 -> {
                String odd = pick(r, "status: yes", "status: ~", "status: .inf", "status: 0x1F", "status: 1_000", "status: null", "status: ''",
                        "status: [OPEN]", "status: {a: OPEN}", "status: |\n  OPEN", "status: >-\n  OPEN", "status: \"OPEN\\0\"",
                        "status: \"\\uD800\"", "status: \"\\x01\"", "status: \"OPEN\\u202e\"");
                String date = pick(r, "effectiveFrom: 2027-02-01", "effectiveFrom: 2027-02-01T00:00:00+09:00", "effectiveFrom: 1800000000",
                        "effectiveFrom: .nan", "effectiveFrom: \"2027-02-30T00:00+09:00\"", "effectiveFrom: \"+999999999-12-31T23:59Z\"",
                        "effectiveFrom: \"2199-12-31T23:59:59.999999999-18:00\"", "effectiveFrom: \"2027-02-01T00:00+09:00\"");
                q.kind = "scalars: " + odd + "; " + date;
                body = utf8(yaml.replace("status: OPEN", odd).replace("effectiveFrom: \"2027-02-01T00:00+09:00\"", date)
                        .replace("effectiveFrom: \"2199-01-01T00:00+09:00\"", date));
            }
            case 13 -> {
                String odd = pick(r, "{{{", ": :", "- - -", "[]", "~", "null", "'unterminated", "\"\\x\"", "&a *a", "*unknown", "- a\nb: c",
                        "a: b: c", "\t", "#only a comment", "%", "@reserved", "`reserved", "key: [unclosed", "key: {unclosed", "? ? ?",
                        "!!binary", "|", "- &a\n- *a", "\"", "a:\n- b\n c");
                q.kind = "not a version: " + escape(odd);
                body = utf8(odd);
            }
            case 14 -> {
                q.kind = "over 256 KiB";
                body = utf8(yaml.replace("en: \"Business", "en: \"" + "x".repeat(270 * 1024) + " Business"));
            }
            case 15 -> {
                String big = pick(r, "k".repeat(10_000) + ": v\n", "note:\n  en: \"" + "\ud83d\ude00".repeat(20_000) + "\"\n",
                        "\"" + "\\u0000".repeat(1000) + "\": 1\n", "x: " + "9".repeat(10_000) + "\n", "x: 1e99999\n", "x: -.inf\n");
                q.kind = "long scalar or key: " + abbreviate(big, 30);
                body = utf8(yaml + big);
            }
            case 16 -> {
                type = pick(r, "application/x-yaml", "text/yaml", "application/yaml; charset=utf-8", "application/yaml; charset=latin-1",
                        "text/plain", "application/json", "application/xml", "application/yamlx", "yaml", "*/*", "application/octet-stream");
                q.kind = "Content-Type " + type;
                body = utf8(yaml);
            }
            case 17 -> {
                q.kind = "empty or blank";
                body = utf8(pick(r, "", " ", "\n\n", "---", "# comment\n"));
            }
            case 18 -> {
                String control = pick(r, "\u0001", "\u0000", "\u007f", "\u0085", "\u2028", "\ufffe", "\uffff", "\ud800", "\u001b[31m");
                q.kind = "raw control character " + escape(control);
                body = yaml.replace("Business Track with", "Business" + control + "Track with").getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                String cel = pick(r, CEL);
                String rule = """
                        rules:
                          - id: FUZZ_RULE
                            severity: BLOCKING
                            title: {en: Fuzz rule}
                            condition: %s
                            messages:
                              pass: {en: "Fine"}
                              fail: {en: "Not fine"}
                            citation: {title: Fuzz, url: "https://example.org"}
                        """.formatted(r.nextBoolean() ? "'" + cel.replace("'", "''") + "'" : cel);
                q.kind = "YAML rule condition " + escape(abbreviate(cel, 50));
                body = utf8(yaml + rule);
            }
        }
        return q.body(body, type);
    }

    /** A dry run's body: eligibility requests (a list or {"checks"}), a range of stored applications, or something else. */
    static Req dryRunBody(Fuzzer f, String path, String label) {
        Random r = f.r;
        int k = r.nextInt(100);
        if (k < 50) {
            ArrayNode checks = NODES.arrayNode();
            List<String> kinds = new ArrayList<>();
            int n = r.nextInt(7);
            for (int i = 0; i < n; i++) {
                int c = r.nextInt(10);
                ObjectNode base = pick(r, business, FuzzInputs.eligibility, FuzzInputs.resident);
                if (c < 3) {
                    checks.add(base.deepCopy());
                    kinds.add("good");
                } else if (c < 9) {
                    List<String> log = new ArrayList<>();
                    checks.add(new Mutator(r).mutate(base, 1 + r.nextInt(3), log));
                    kinds.add(String.join("; ", log));
                } else {
                    JsonNode odd = pick(r, values(null, 1, "x", new String[0], true, NODES.objectNode()).toArray(new JsonNode[0]));
                    checks.add(odd);
                    kinds.add("item " + odd);
                }
            }
            boolean wrapped = r.nextInt(4) == 0;
            JsonNode body = wrapped ? NODES.objectNode().set("checks", checks) : checks;
            return new Req("POST", path, label, (wrapped ? "{checks} of " : "list of ") + n + ": " + kinds).json(serialize(body), JSON_TYPE);
        }
        if (k < 75) {
            ObjectNode body = NODES.objectNode();
            ObjectNode range = body.putObject("applications");
            List<String> kinds = new ArrayList<>();
            for (String field : List.of("submittedFrom", "submittedTo")) {
                int c = r.nextInt(10);
                if (c < 3) {
                    continue;
                }
                JsonNode v = c < 8 ? TextNode.valueOf(instantValue(r)) : pick(r, OTHER_TYPES.toArray(new JsonNode[0]));
                range.set(field, v);
                kinds.add(field + "=" + escape(abbreviate(v.isTextual() ? v.asText() : v.toString(), 40)));
            }
            if (r.nextInt(6) == 0) {
                JsonNode odd = pick(r, OTHER_TYPES.toArray(new JsonNode[0]));
                body.set(r.nextBoolean() ? "applications" : "checks", odd);
                kinds.add("retyped " + odd);
            }
            return new Req("POST", path, label, "applications " + kinds).json(serialize(body), JSON_TYPE);
        }
        if (k < 80) {
            int n = pickInt(r, 1000, 1001);
            return new Req("POST", path, label, n + " empty checks").json("[" + "{}, ".repeat(n - 1) + "{}]", JSON_TYPE);
        }
        if (k < 84) {
            String odd = pick(r, "null", "{}", "\"text\"", "42", "{\"checks\": null}", "{\"applications\": null}", "{\"checks\": {}}",
                    "[[]]", "[null]", "{\"applications\": {}, \"checks\": []}");
            return new Req("POST", path, label, "odd JSON: " + odd).json(odd, JSON_TYPE);
        }
        if (k < 86) {
            return new Req("POST", path, label, "not JSON").body(notJson(r, text(business)), JSON_TYPE);
        }
        ObjectNode base = NODES.objectNode();
        base.putArray("checks").add(business.deepCopy());
        return jsonBody(f, "POST", path, label, base, JSON_TYPE);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
