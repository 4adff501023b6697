package com.tracklane.support;

import static org.junit.jupiter.api.Assertions.fail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.restassured.response.Response;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import static com.tracklane.support.FuzzHarness.*;
import com.tracklane.support.FuzzHarness.Fuzzer;
import com.tracklane.support.FuzzHarness.Req;

/**
 * What the fuzz campaigns send: the valid bodies they start from (the examples, an application submission, the
 * README's arrival, check-in and departure), pools of odd values (date-times, instants, dates, airports, strings,
 * enums, coordinates, temperatures), the generators of requests (a mutated or broken JSON body, targeted field values,
 * merge patches, decisions, If-Match) and the {@link Mutator} of JSON trees; {@link App} makes applications to fuzz.
 */
public final class FuzzInputs {

    private FuzzInputs() {
    }

    /** The example traveller (examples/eligibility-resident.json) lands at Narita on 15 September 2020 (README). */
    public static final String ARRIVAL_BODY = "{\"arrivedAt\": \"2020-09-15T07:30:00+09:00\", \"airport\": \"NRT\", \"quarantineAddress\":"
            + " {\"address\": \"1-1 Marunouchi, Chiyoda-ku, Tokyo\", \"lat\": 35.68, \"lon\": 139.76}}";
    public static final String CHECK_IN_BODY = "{\"at\": \"2020-09-16T09:00:00+09:00\", \"temperatureC\": 36.4, \"symptoms\": [],"
            + " \"location\": {\"lat\": 35.6801, \"lon\": 139.7601}, \"transport\": \"NONE\", \"testResult\": null}";
    public static final String DEPARTURE_BODY = "{\"departedAt\": \"2020-10-20T10:30:00+09:00\", \"airport\": \"NRT\"}";

    /** Marks where a lone surrogate escape is put into serialized JSON (Jackson cannot write one itself). */
    public static final String LONE_SURROGATE = "\uE000LONE\uE000";

    public static final String[] DATE_TIMES = {
            "2020-09-14T23:50", "2020-09-14T23:50:00", "2020-09-14T23:50:00.123456789", "2020-09-14T23:50:00.123456789+07:00",
            "2020-09-14T23:50:00.1234567891", "2020-09-14T23:50+14:00", "2020-09-14T23:50-12:00", "2020-09-14T23:50+23:59",
            "2020-09-14T23:50-23:59", "2020-09-14T23:50+18:00", "2020-09-14T23:50-18:00", "2020-09-14T23:50+18:01",
            "2020-09-14T23:50+07:00:30", "2020-09-14T23:50Z", "2020-09-14T23:50z", "2020-09-14T23:50:00.000Z",
            "2020-09-14T23:50-00:00", "2020-09-14 23:50", "2020-09-14T24:00", "2020-09-14T23:60", "2020-09-14T23:59:60",
            "2020-02-30T10:00", "2020-13-01T10:00", "2020-00-10T10:00", "2020-09-31T10:00", "2021-02-29T10:00",
            "2020-02-29T10:00", "0000-01-01T00:00", "0001-01-01T00:00Z", "1899-12-31T23:59", "1900-01-01T00:00",
            "1900-01-01T00:00+14:00", "2199-12-31T23:59", "2199-12-31T23:59-12:00", "2200-01-01T00:00",
            "9999-12-31T23:59:59.999999999", "+999999999-12-31T23:59", "-999999999-01-01T00:00", "10000-01-01T00:00",
            "2020-09-14T23", "2020-09-14", "2020-09-14T", "T23:50", "2020-W38-1T10:00", "2020-258T10:00", "20200914T2350",
            "2020-09-14T23:50+07", "2020-09-14T23:50+0700", "2020-09-14T23:50+07:00[Asia/Phnom_Penh]",
            "2020-09-14T23:50 +07:00", "2020-09-14T23:50:00.+07:00", "2020-09-14T23:50:00,5",
            "\u0662\u0660\u0662\u0660-\u0660\u0669-\u0661\u0664T23:50", "\uff12\uff10\uff12\uff10-09-14T23:50",
            "2020-09-14T23:50\u0000", " 2020-09-14T23:50", "2020-09-14T23:50 ", "2020-09-14T23:50\n", "", "null", "now",
            "1600000000", "2020-09-14T23:50:00+07:00\n", "2020-03-08T02:30", "2038-01-19T03:14:08Z", "2020-09-14t23:50",
    };

    public static final String[] INSTANTS = {
            "2020-09-10T00:00:00Z", "2020-09-10T00:00Z", "2020-09-10T00:00:00+14:00", "2020-09-10T00:00:00-12:00",
            "2020-09-10T00:00:00.123456789Z", "1900-01-01T00:00:00Z", "1899-12-31T23:59:59Z", "2199-12-31T23:59:59Z",
            "2200-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "+999999999-12-31T23:59:59Z",
            "2021-01-14T00:00:00+09:00", "2020-09-08T00:00+09:00", "2020-11-18T00:00:00+07:00", "2020-12-12T00:00:00+07:00",
            "1970-01-01T00:00:00Z",
    };

    public static final String[] DATES = {
            "2020-08-30", "2020-02-30", "2020-13-01", "2020-00-01", "0000-01-01", "0001-01-01", "1900-01-01", "9999-12-31",
            "2199-12-31", "1970-01-01", "2020-8-30", "20200830", "2020-08-30T00:00", "2020/08/30", "", "+10000-01-01",
            "-0001-01-01", "2020-W35", "\u0662\u0660\u0662\u0660-\u0660\u0668-\u0663\u0660", "2021-02-29", "2024-02-29",
            "2020-08-30\n", "2020-08-30 ", "2100-01-01", "1800-01-01", "2020-12-31", "2020-09-15",
    };

    public static final String[] AIRPORTS = {
            "XXX", "ZZZ", "QQQ", "pnh", "Pnh", "PN", "PNHX", "", " PNH", "PNH\n", "P\u00d1H", "123", "NRT", "PNH", "BKK", "ICN",
            "LAX", "HND", "KIX", "REP", "SYD", "JFK", "DMK", "KOS", "SIN", "\u0420NH", "PN\u0000",
    };

    public static final String[] COUNTRIES = {"KH", "JP", "ZZ", "XX", "kh", "K", "KHM", "", "KH\n", "\u039aH", "TH", "US", "AQ"};

    public static final String[] ODD_STRINGS = {
            "\u0000", "\u0001\u0002\u001f", "\u007f", "\u202eRTL override", "\ufeffBOM", "\uffff", "\ud83d\ude00",
            "\ud83c\uddef\ud83c\uddf5", "\u00e9", "\ufb03", "\u0130", "\u00df", "e\u0301\u0301\u0301\u0301", "\u65e5\u672c\u8a9e",
            "\u1797\u17b6\u179f\u17b6\u1781\u17d2\u1798\u17c2\u179a", "<script>alert(1)</script>", "' OR 1=1 --", "${jndi:ldap://x/a}",
            "%00", "../../etc/passwd", "\\", "\"", "{{7*7}}", "#{7*7}", "\r\n", "\t", " ", "A\u0000B", LONE_SURROGATE,
            "RESIDENT\u0000", "\u2028\u2029", "\ud800\udc00",
    };

    public static final String[] ENUMS = {
            "RESIDENT", "BUSINESS", "PCR", "LAMP", "NASOPHARYNGEAL", "NEGATIVE", "POSITIVE", "ORGANISATION", "INDIVIDUAL",
            "PRIVATE_MEDICAL", "KH_COVID19_PACKAGE", "EMBASSY", "ON_ARRIVAL", "E_VISA", "resident", "Resident", "RESIDENT ",
            "RESIDENT\n", "UNKNOWN", "INTRA_COMPANY_TRANSFEREE", "intra_company", "_A", "A__B", "A1_2B",
    };

    /** Date-time fields the mutator prefers for odd date-times (the compliance and rule administration ones too). */
    public static final List<String> TIME_FIELDS = List.of("departure", "arrival", "sampledAt", "knownAt", "arrivedAt", "departedAt", "at",
            "submittedFrom", "submittedTo", "effectiveFrom");
    public static final List<String> DATE_FIELDS = List.of("issuedOn", "dateOfBirth");
    public static final List<String> AIRPORT_FIELDS = List.of("from", "to", "airport");

    public static ObjectNode eligibility;
    public static ObjectNode resident;
    public static ObjectNode submission;

    /** The valid bodies the mutations start from (once per JVM; FuzzAdminTest uses them too). */
    public static synchronized void loadExamples() throws IOException {
        if (submission != null) {
            return;
        }
        eligibility = (ObjectNode) JSON.readTree(Files.readString(Path.of("examples", "eligibility.json")));
        resident = (ObjectNode) JSON.readTree(Files.readString(Path.of("examples", "eligibility-resident.json")));
        ObjectNode s = NODES.objectNode();
        ObjectNode applicant = s.putObject("applicant");
        applicant.put("givenName", "Sokha").put("familyName", "Chan").put("passportNumber", "N01234567").put("nationality", "KH")
                .put("dateOfBirth", "1990-04-01").put("email", "sokha.chan@example.com");
        ObjectNode trip = resident.deepCopy();
        trip.remove("knownAt"); // an application does not accept knownAt
        s.set("request", trip);
        submission = s;
    }

    // --- request generators -------------------------------------------------------------------------------------

    /** A body for a JSON endpoint: mostly a mutated tree of {@code base}, else a broken body or a wrong Content-Type. */
    public static Req jsonBody(Fuzzer f, String method, String path, String label, ObjectNode base, String contentType) {
        Random r = f.r;
        Req q = new Req(method, path, label, "");
        int k = r.nextInt(100);
        if (k < 68) {
            List<String> log = new ArrayList<>();
            JsonNode tree = new Mutator(r).mutate(base, 1 + r.nextInt(3), log);
            q.kind = "mutated: " + String.join("; ", log);
            return q.json(serialize(tree), contentType);
        }
        String valid = text(base);
        if (k < 74) {
            int cut = r.nextInt(valid.length());
            q.kind = "truncated at " + cut;
            return q.json(valid.substring(0, cut), contentType);
        }
        if (k < 79) {
            q.kind = "not JSON";
            return q.body(notJson(r, valid), contentType);
        }
        if (k < 84) {
            String[] odd = {"null", "[]", "\"text\"", "42", "true", "{}", "[" + valid + "]", valid + " trailing", valid + valid,
                    "/* comment */" + valid, valid.replace('"', '\''), "{\"track\": NaN}", "{\"itinerary\": null}",
                    valid.replaceFirst("\\{", "{\"track\": \"BUSINESS\", "), "\ufeff" + valid, "{\"a\":1,\"a\":2}",
                    "{\"itinerary\": [" + "{}, ".repeat(40) + "{}]}", "{\"checks\": []}"};
            String body = odd[r.nextInt(odd.length)];
            q.kind = "odd JSON: " + abbreviate(body, 50);
            return q.json(body, contentType);
        }
        if (k < 89) {
            String type = pick(r, "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                    "application/json-patch+json", "application/merge-patch+json", "application/json; charset=utf-16", "APPLICATION/JSON",
                    "application/jsonx", "*/*", "application/*", "%%%", "application/octet-stream", "text/json", "application/problem+json");
            q.kind = "Content-Type " + type;
            return q.json(valid, type);
        }
        if (k < 92) {
            q.kind = "empty body";
            return q.body(new byte[0], contentType);
        }
        if (k < 94) {
            int depth = pickInt(r, 200, 999, 1001, 5000);
            q.kind = "nesting depth " + depth;
            String nested = r.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                    : "{\"track\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}";
            return q.json(nested, contentType);
        }
        if (k < 97) {
            q.kind = "unchanged example";
            return q.json(valid, contentType);
        }
        if (k < 98) {
            q.kind = "huge number literal";
            return q.json(valid.replace("36.9", "3" + "6".repeat(1500) + ".9"), contentType);
        }
        q.kind = "over 256 KiB";
        ObjectNode big = base.deepCopy();
        big.put("padding", "x".repeat(270 * 1024));
        return q.json(text(big), contentType);
    }

    public static byte[] notJson(Random r, String valid) {
        switch (r.nextInt(7)) {
            case 0 -> {
                byte[] b = new byte[1 + r.nextInt(300)];
                r.nextBytes(b);
                return b;
            }
            case 1 -> {
                return new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE};
            }
            case 2 -> {
                return ("\ufeff" + valid).getBytes(StandardCharsets.UTF_16LE);
            }
            case 3 -> {
                return "<?xml version=\"1.0\"?><request/>".getBytes(StandardCharsets.UTF_8);
            }
            case 4 -> {
                return "track=RESIDENT&itinerary=PNH-NRT".getBytes(StandardCharsets.UTF_8);
            }
            case 5 -> {
                byte[] b = valid.getBytes(StandardCharsets.UTF_8);
                b[r.nextInt(b.length)] = (byte) (0x80 + r.nextInt(0x40)); // a stray continuation byte
                return b;
            }
            default -> {
                return valid.replace("\"PCR\"", "\"P\u0001CR\"").replace("\"NH818\"", "\"NH\t818\"").getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    public static JsonNode batchItem(Fuzzer f, List<String> kinds) {
        int k = f.r.nextInt(10);
        if (k < 3) {
            kinds.add("good");
            return (f.r.nextBoolean() ? eligibility : resident).deepCopy();
        }
        if (k < 9) {
            List<String> log = new ArrayList<>();
            JsonNode tree = new Mutator(f.r).mutate(f.r.nextBoolean() ? eligibility : resident, 1 + f.r.nextInt(3), log);
            kinds.add(String.join("; ", log));
            return tree;
        }
        JsonNode odd = pick(f.r, NullNode.getInstance(), IntNode.valueOf(1), TextNode.valueOf("x"), NODES.arrayNode(),
                BooleanNode.TRUE, NODES.objectNode());
        kinds.add("item " + odd);
        return odd;
    }

    public static Req batchShape(Fuzzer f) {
        String body;
        switch (f.r.nextInt(9)) {
            case 0 -> body = "{}";
            case 1 -> body = "{\"checks\": null}";
            case 2 -> body = "{\"checks\": " + text(eligibility) + "}";
            case 3 -> body = "[" + text(eligibility) + "]";
            case 4 -> body = "{\"checks\": \"all\"}";
            case 5 -> body = "{\"checks\": [" + "{}, ".repeat(1000) + "{}]}";
            case 6 -> body = "{\"checks\": [" + "{}, ".repeat(999) + "{}]}";
            case 7 -> body = "{\"checks\": [], \"extra\": 1}";
            default -> body = "{\"check\": [" + text(eligibility) + "]}";
        }
        return new Req("POST", BATCH, "POST " + BATCH, "batch shape: " + abbreviate(body, 40)).json(body, JSON_TYPE);
    }

    public static JsonNode mergePatch(Fuzzer f) {
        Random r = f.r;
        ObjectNode patch = NODES.objectNode();
        switch (r.nextInt(9)) {
            case 0, 1 -> {
                ObjectNode applicant = patch.putObject("applicant");
                String field = pick(r, "givenName", "familyName", "passportNumber", "nationality", "dateOfBirth", "email", "middleName");
                applicant.set(field, r.nextInt(4) == 0 ? new Mutator(r).anyValue() : TextNode.valueOf(applicantValue(r, field)));
            }
            case 2, 3, 4 -> {
                List<String> log = new ArrayList<>();
                JsonNode request = new Mutator(r).mutate(resident, 1 + r.nextInt(2), log);
                if (request.isObject() && r.nextBoolean()) {
                    List<String> names = new ArrayList<>();
                    request.fieldNames().forEachRemaining(names::add);
                    ObjectNode part = patch.putObject("request");
                    if (!names.isEmpty()) {
                        String name = names.get(r.nextInt(names.size()));
                        part.set(name, request.get(name));
                    }
                } else {
                    patch.set("request", request);
                }
            }
            case 5 -> {
                String[] deletions = {"{\"applicant\": null}", "{\"request\": null}", "{\"request\": {\"itinerary\": null}}",
                        "{\"applicant\": {\"email\": null}}", "{\"request\": {\"knownAt\": null}}", "{\"request\": {\"itinerary\": []}}",
                        "{\"request\": {\"preDepartureTest\": {\"sampledAt\": null}}}", "{\"applicant\": {}, \"request\": {}}"};
                return read(pick(r, deletions));
            }
            case 6 -> {
                patch.set(pick(r, "id", "status", "version", "reference", "foo", "currentDecision", ""), new Mutator(r).anyValue());
            }
            case 7 -> {
                return pick(r, NODES.arrayNode(), TextNode.valueOf("x"), IntNode.valueOf(1), NullNode.getInstance(), BooleanNode.TRUE);
            }
            default -> {
                return patch; // {}: a no-op merge patch
            }
        }
        return patch;
    }

    public static String applicantValue(Random r, String field) {
        return switch (field) {
            case "givenName", "familyName" -> pick(r, "Sokha", "", " ", "A".repeat(200), "A".repeat(201), "\ud83d\ude00".repeat(200),
                    "\ud83d\ude00".repeat(201), "\ud83d\ude00".repeat(150), "\ud840\udc00".repeat(120), "\u00e9".repeat(200), "\u0000",
                    "\u1797\u17b6\u179f\u17b6", "O'Brien-\u6771", "Sokha\n", "x".repeat(10_000));
            case "passportNumber" -> pick(r, "N01234567", "N0123", "N012", "A".repeat(20), "A".repeat(21), "n01234567", "N01234567\n",
                    "N\u0661\u0662\u0663\u0664\u0665", "\uff2e01234", "N0123 4567", "");
            case "nationality" -> pick(r, COUNTRIES);
            case "dateOfBirth" -> pick(r, DATES);
            case "email" -> pick(r, "a@b.c", "a@b", "@b.c", "a b@c.d", "a@@b.c", "x".repeat(316) + "@b.c", "x".repeat(317) + "@b.c",
                    "x".repeat(315) + "@b.c\n", "\ud83d\ude00".repeat(150) + "@b.c", "\ud83d\ude00".repeat(200) + "@b.c", "\ud83d\ude00".repeat(300) + "@\ud83d\ude00.c",
                    "a@b.c\n", "\u00e9@\u00e9.\u00e9", "");
            default -> pick(r, ODD_STRINGS);
        };
    }

    public static ObjectNode decisionBody(Random r) {
        ObjectNode d = NODES.objectNode();
        Mutator m = new Mutator(r);
        int a = r.nextInt(10);
        if (a < 6) {
            d.put("action", pick(r, "APPROVE", "REJECT", "REQUEST_INFO", "START_REVIEW"));
        } else if (a < 9) {
            d.put("action", pick(r, "WITHDRAW", "approve", "ESCALATE", "", " APPROVE", "APPROVE\n", "APPROVE\u0000", "\u0130APPROVE"));
        } else {
            d.set("action", m.anyValue());
        }
        int reason = r.nextInt(10);
        if (reason < 4) {
            d.put("reason", pick(r, "documents in order", "late", "humanitarian exception"));
        } else if (reason < 7) {
            d.put("reason", pick(r, "", " ", "r".repeat(2000), "r".repeat(2001), "\ud83d\ude00".repeat(1000), "\ud83d\ude00".repeat(1001),
                    "\ud83d\ude00".repeat(1500), "x".repeat(10_000), "\u0000", LONE_SURROGATE, "\u202e\u0001", "' OR 1=1 --"));
        } else if (reason < 8) {
            d.set("reason", m.anyValue());
        }
        int override = r.nextInt(10);
        if (override < 2) {
            d.put("override", true);
        } else if (override < 3) {
            d.put("override", false);
        } else if (override < 4) {
            d.set("override", m.anyValue());
        }
        if (r.nextInt(12) == 0) {
            d.put(pick(r, "status", "foo", "", "Action"), 1);
        }
        return d;
    }

    public static void ifMatch(Fuzzer f, Req q, String etag) {
        int k = f.r.nextInt(100);
        String value;
        if (k < 55) {
            value = etag;
        } else if (k < 60) {
            value = "W/" + etag;
        } else if (k < 63) {
            value = etag.replace("\"", "");
        } else if (k < 68) {
            return; // no If-Match: 428
        } else {
            value = pick(f.r, "\"0\"", "\"-1\"", "\"99999999999999999999\"", "*", "", " ", "\"abc\"", "\"1\", \"2\"", "W/", "\"\"",
                    etag + "x", "\"9223372036854775807\"", "\"1e3\"", "\"\u00e9\"", "\"+1\"", "W/\"W/\"1\"\"", "\"" + etag);
        }
        q.header("If-Match", value);
        q.kind += " If-Match=" + value;
    }

    public static String instantValue(Random r) {
        int k = r.nextInt(10);
        if (k < 3) {
            return pick(r, INSTANTS);
        }
        if (k < 7) {
            return pick(r, DATE_TIMES);
        }
        if (k < 8) {
            return pick(r, ODD_STRINGS).replace(LONE_SURROGATE, "\ud800");
        }
        if (k < 9) {
            return pick(r, "2020-09-10T00:00:00Z".repeat(100), "9".repeat(1500), "x".repeat(2000), "\u00e9".repeat(500));
        }
        Instant random = Instant.ofEpochSecond(r.nextLong() % 40_000_000_000L);
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(random.atOffset(ZoneOffset.ofHours(r.nextInt(29) - 14)));
    }

    public static String oddId(Random r) {
        return pick(r, "", " ", "..", ".", "raw:%2e%2e", "raw:..%2F..%2Fetc%2Fpasswd", "raw:%2F", "raw:%00", "raw:%ff", "raw:%c0%ae%c0%ae",
                "raw:..;", "raw:a/../../facts", "null", "undefined", "0", "-1", "1e308", "' OR '1'='1", "1;DROP TABLE travel_application",
                "<script>", "\u65e5\u672c", "\ud83d\ude00", "\u202e", "../../etc/passwd", "..\\..\\windows", "%", "%zz",
                "a".repeat(1000), "b".repeat(3000), "c".repeat(9000), "resident-kh-jp/../business-kh-jp", "resident-kh-jp;v=1",
                "resident-kh-jp%00", "\u0000", "\n", "raw:~", "raw:*", "RESIDENT-KH-JP\u0130");
    }

    public static String randomId(Random r) {
        return r.nextInt(3) == 0 ? new UUID(r.nextLong(), r.nextLong()).toString() : oddId(r);
    }

    public static String acceptLanguage(Random r) {
        if (r.nextInt(3) > 0) {
            return null;
        }
        return pick(r, "en", "ja", "km", "fr", "", "*", "ja;q=0.5, km;q=0.9", "en-US,en;q=0.9", ";;;", "q=1", "ja;q=abc", "x".repeat(1000),
                "ja-JP-x-private-very-long-subtag-abcdefghij", ",,,", "ja;q=2", "ja;q=-1", "km-KH", "\u00e9");
    }

    // --- compliance and rule administration bodies --------------------------------------------------------------

    /** Any JSON values: strings (the lone-surrogate marker too), numbers, booleans, null, trees. */
    public static List<JsonNode> values(Object... values) {
        List<JsonNode> out = new ArrayList<>();
        for (Object v : values) {
            out.add(value(v));
        }
        return out;
    }

    public static JsonNode value(Object v) {
        if (v == null) {
            return NullNode.getInstance();
        } else if (v instanceof JsonNode n) {
            return n;
        } else if (v instanceof String s) {
            return TextNode.valueOf(s);
        } else if (v instanceof Integer n) {
            return IntNode.valueOf(n);
        } else if (v instanceof Long n) {
            return LongNode.valueOf(n);
        } else if (v instanceof Double n) {
            return DoubleNode.valueOf(n);
        } else if (v instanceof BigDecimal n) {
            return DecimalNode.valueOf(n);
        } else if (v instanceof BigInteger n) {
            return BigIntegerNode.valueOf(n);
        } else if (v instanceof Boolean b) {
            return BooleanNode.valueOf(b);
        } else if (v instanceof String[] many) {
            ArrayNode a = NODES.arrayNode();
            for (String s : many) {
                a.add(s);
            }
            return a;
        }
        throw new IllegalArgumentException(String.valueOf(v));
    }

    @SafeVarargs
    public static List<JsonNode> concat(List<JsonNode>... lists) {
        List<JsonNode> out = new ArrayList<>();
        for (List<JsonNode> l : lists) {
            out.addAll(l);
        }
        return out;
    }

    /** Values of other JSON types than the field's, for any field. */
    public static final List<JsonNode> OTHER_TYPES = values(null, true, 42, -1, "", "x", new String[0], new String[] {"a"},
            NODES.objectNode(), NODES.objectNode().put("a", 1), new BigDecimal("1e400"));

    /** Instants: valid ones around the example traveller's stay (Narita, 15 September – 20 October 2020) and odd ones. */
    public static final List<JsonNode> INSTANT_VALUES = concat(values((Object[]) DATE_TIMES), values((Object[]) INSTANTS),
            values("2020-09-15T07:30:00+09:00", "2020-09-15T07:29:59+09:00", "2020-09-16T09:00:00+09:00", "2020-09-29T23:59:59+09:00",
                    "2020-09-30T00:00:00+09:00", "2020-09-20T03:00:00-12:00", "2020-09-21T00:00+14:00", "2020-09-16T00:00:00Z",
                    "2020-09-20T12:00:00.123456789+09:00", "2020-10-20T10:30:00+09:00", "2099-01-01T00:00:00Z",
                    "+999999999-12-31T23:59:59.999999999-18:00", "-999999999-01-01T00:00:00+18:00", "2020-09-16T09:00:00+09:00" + "0".repeat(10_000),
                    1600000000, 1600000000000L, 1.6e9, LONE_SURROGATE, "\u0000"),
            OTHER_TYPES);

    public static final List<JsonNode> COORDINATES = values(90, -90, 90.0000001, -90.0000001, 180, -180, 180.1, -180.0000001, 0, -0.0, 35.68,
            139.76, 1e308, -1e308, 4.9e-324, new BigDecimal("1e400"), new BigDecimal("-1e400"), new BigDecimal("1e-400"),
            new BigDecimal("35.68000000000000000000000000001"), BigInteger.TEN.pow(300), Long.MAX_VALUE, "35.68", "NaN", "Infinity",
            "-Infinity", null, true, new String[0], NODES.objectNode());

    public static final List<JsonNode> TEMPERATURES = values(30, 45, 29.999999, 45.000001, 37.5, 37.4999999, 38.0, 36.4, 0, -0.0, -273.15,
            1e308, 4.9e-324, new BigDecimal("1e400"), new BigDecimal("-1e400"), new BigDecimal("1e-400"),
            new BigDecimal("36.6000000000000000000000001"), BigInteger.TEN.pow(300), Long.MAX_VALUE, "36.6", "NaN", "Infinity", null,
            true, new String[0], NODES.objectNode());

    public static final List<JsonNode> AIRPORT_VALUES = concat(values((Object[]) AIRPORTS), values("HND", "KIX", "NRT", "PNH", 1, null,
            new String[] {"NRT"}, NODES.objectNode()));

    public static final List<JsonNode> TEXTS = concat(values((Object[]) ODD_STRINGS), values("Registered address", "a".repeat(500),
            "a".repeat(501), "\ud83d\ude00".repeat(250), "\ud83d\ude00".repeat(251), "x".repeat(10_000), ""), OTHER_TYPES);

    public static final Map<String, List<JsonNode>> ARRIVAL_POOLS = new LinkedHashMap<>();
    public static final Map<String, List<JsonNode>> CHECK_IN_POOLS = new LinkedHashMap<>();
    public static final Map<String, List<JsonNode>> DEPARTURE_POOLS = new LinkedHashMap<>();
    public static final Map<String, List<JsonNode>> SWEEP_POOLS = new LinkedHashMap<>();

    static {
        ARRIVAL_POOLS.put("/arrivedAt", INSTANT_VALUES);
        ARRIVAL_POOLS.put("/airport", AIRPORT_VALUES);
        ARRIVAL_POOLS.put("/quarantineAddress", concat(values(NODES.objectNode(), "1-1 Marunouchi", new String[0]), OTHER_TYPES));
        ARRIVAL_POOLS.put("/quarantineAddress/address", TEXTS);
        ARRIVAL_POOLS.put("/quarantineAddress/lat", COORDINATES);
        ARRIVAL_POOLS.put("/quarantineAddress/lon", COORDINATES);
        ARRIVAL_POOLS.put("/unknown", OTHER_TYPES);

        CHECK_IN_POOLS.put("/at", INSTANT_VALUES);
        CHECK_IN_POOLS.put("/temperatureC", TEMPERATURES);
        CHECK_IN_POOLS.put("/symptoms", concat(values(new String[0], new String[] {"COUGH"}, new String[] {"COUGH", "SORE_THROAT"},
                new String[] {"cough", "COUGH", "cough"}, new String[] {""}, new String[] {" "}, new String[] {"a".repeat(64)},
                new String[] {"a".repeat(65)}, java.util.Collections.nCopies(20, "A").toArray(new String[0]),
                java.util.Collections.nCopies(21, "A").toArray(new String[0]), new String[] {"\u0000"}, new String[] {"FEVER\n"},
                new String[] {"\u65e5\u672c"}, new String[] {"x-y z_1"}, new String[] {LONE_SURROGATE}, new String[] {"1COUGH"},
                new String[] {"x".repeat(10_000)}, "COUGH", NODES.arrayNode().add(1), NODES.arrayNode().addNull(),
                NODES.arrayNode().add(NODES.arrayNode().add("x")), NODES.arrayNode().add(NODES.objectNode())), OTHER_TYPES));
        CHECK_IN_POOLS.put("/location", concat(values(NODES.objectNode(), "35.68,139.76", NODES.objectNode().put("lat", 35.68),
                NODES.objectNode().put("lon", 139.76), NODES.objectNode().put("lat", 35.68).put("lon", 139.76).put("alt", 5),
                NODES.arrayNode().add(35.68).add(139.76), NODES.objectNode().put("lat", 35.69).put("lon", 139.70)), OTHER_TYPES));
        CHECK_IN_POOLS.put("/location/lat", COORDINATES);
        CHECK_IN_POOLS.put("/location/lon", COORDINATES);
        CHECK_IN_POOLS.put("/transport", concat(values("NONE", "WALK", "PRIVATE_VEHICLE", "PUBLIC_TRANSPORT", "none", "Walk", "BUS", "",
                " NONE", "NONE\u0000", "PUBLIC_TRANSPORT\n", "\u0130", "PUBLIC_TRANSPORT,WALK", new String[] {"NONE"}), OTHER_TYPES));
        CHECK_IN_POOLS.put("/testResult", concat(values("NEGATIVE", "POSITIVE", "negative", "PENDING", "", "POSITIVE ", "POSITIVE\u0000",
                new String[] {"POSITIVE"}), OTHER_TYPES));
        CHECK_IN_POOLS.put("/unknown", OTHER_TYPES);

        DEPARTURE_POOLS.put("/departedAt", INSTANT_VALUES);
        DEPARTURE_POOLS.put("/airport", AIRPORT_VALUES);
        DEPARTURE_POOLS.put("/unknown", OTHER_TYPES);

        // 2020–2021 or invalid: a valid instant after 2021 would sweep every open monitoring up to it (keepSweepsSmall)
        SWEEP_POOLS.put("/at", concat(values("2020-09-21T00:00:00+09:00", "2020-09-16T00:00:00Z", "2020-10-15T00:00:00+07:00",
                "2021-01-14T00:00+09:00", "2021-12-31T23:59:59.999999999Z", "2020-01-01T00:00:00-12:00", "2020-09-21T00:00:00",
                "2020-09-21", "1900-01-01T00:00:00Z", "1899-12-31T23:59:59Z", "2199-12-31T23:59:59Z", "2200-01-01T00:00:00Z",
                "+999999999-12-31T23:59:59Z", "tomorrow", "now", "", "\u0000", LONE_SURROGATE, "2020-09-21T00:00:00+09:00" + "0".repeat(10_000),
                "2020-02-30T00:00:00Z", "2020-09-21T24:00:00Z", 1600000000), values((Object[]) DATE_TIMES), OTHER_TYPES));
        SWEEP_POOLS.put("/unknown", OTHER_TYPES);
    }

    /** Sets 1–3 fields of a copy of {@code base} (JSON pointers of {@code pools}) to values from their pools, or deletes them. */
    public static Req targeted(Random r, Req q, ObjectNode base, Map<String, List<JsonNode>> pools) {
        ObjectNode body = base.deepCopy();
        List<String> pointers = new ArrayList<>(pools.keySet());
        List<String> log = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            String pointer = pointers.get(r.nextInt(pointers.size()));
            int slash = pointer.lastIndexOf('/');
            if (!(body.at(pointer.substring(0, slash)) instanceof ObjectNode parent)) {
                continue;
            }
            String field = pointer.substring(slash + 1);
            if (r.nextInt(12) == 0) {
                parent.remove(field);
                log.add("delete " + pointer);
            } else {
                List<JsonNode> pool = pools.get(pointer);
                JsonNode v = pool.get(r.nextInt(pool.size()));
                parent.set(field, v.deepCopy());
                log.add(pointer + " = " + escape(abbreviate(String.valueOf(v), 40)));
            }
        }
        q.kind = "fields: " + String.join("; ", log);
        return q.json(serialize(body), JSON_TYPE);
    }

    /** Mostly {@code role}, sometimes a role that may not call the endpoint (403), rarely no token (401). */
    public static Req asRole(Fuzzer f, Req q, String role) {
        int k = f.r.nextInt(100);
        if (k < 90) {
            return q.header("Authorization", bearer(role));
        }
        if (k < 98) {
            String other = pick(f.r, "officer", "intake", "rules-admin", "monitor");
            q.kind += " as " + other;
            return q.header("Authorization", bearer(other));
        }
        q.kind += " without a token";
        return q;
    }

    /**
     * A sweep records and closes for every open monitoring up to its instant: a valid instant after 2021 (or none:
     * now) is turned into one in 2021, so that the fuzz never sweeps the years up to now.
     */
    public static Req keepSweepsSmall(Req q) {
        JsonNode json;
        try {
            json = q.body == null || q.body.length == 0 ? NullNode.getInstance() : JSON.readTree(q.body);
        } catch (IOException | RuntimeException e) {
            return q; // not JSON: refused
        }
        if (json == null || json.isMissingNode()) {
            json = NullNode.getInstance();
        }
        boolean asOfNow = json.isNull() || (json.isObject() && (json.get("at") == null || json.get("at").isNull()));
        boolean late = json.isObject() && json.path("at").isTextual() && com.tracklane.common.Times.parseWithOffset(json.get("at").asText())
                .filter(at -> !at.isBefore(Instant.parse("2022-01-01T00:00:00Z"))).isPresent();
        if (asOfNow || late) { // whatever the Content-Type: the sweep endpoint reads any
            ObjectNode replaced = json.isObject() ? ((ObjectNode) json).deepCopy() : NODES.objectNode();
            replaced.put("at", "2021-06-30T00:00:00+09:00");
            q.kind += " (at moved into 2021)";
            String type = q.headers.get("Content-Type");
            q.body(text(replaced).getBytes(StandardCharsets.UTF_8), type == null ? JSON_TYPE : type);
        }
        return q;
    }

    // --- the mutator --------------------------------------------------------------------------------------------

    /** Mutates JSON trees in place (on a copy), recording what it did. */
    public static final class Mutator {
        public final Random r;

        public Mutator(Random r) {
            this.r = r;
        }

        public record Loc(ContainerNode<?> parent, String field, int index, String pointer) {
            JsonNode get() {
                return parent instanceof ObjectNode o ? o.get(field) : ((ArrayNode) parent).get(index);
            }

            void set(JsonNode value) {
                if (parent instanceof ObjectNode o) {
                    o.set(field, value);
                } else {
                    ((ArrayNode) parent).set(index, value);
                }
            }

            void remove() {
                if (parent instanceof ObjectNode o) {
                    o.remove(field);
                } else {
                    ((ArrayNode) parent).remove(index);
                }
            }

            String key() {
                return field == null ? "" : field;
            }
        }

        public JsonNode mutate(JsonNode base, int count, List<String> log) {
            JsonNode root = base.deepCopy();
            for (int i = 0; i < count; i++) {
                once(root, log);
            }
            return root;
        }

        public List<Loc> locations(JsonNode root) {
            List<Loc> out = new ArrayList<>();
            collect(root, "", out);
            return out;
        }

        public void collect(JsonNode node, String pointer, List<Loc> out) {
            if (node instanceof ObjectNode o) {
                for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                    String name = it.next();
                    out.add(new Loc(o, name, -1, pointer + "/" + name));
                    collect(o.get(name), pointer + "/" + name, out);
                }
            } else if (node instanceof ArrayNode a) {
                for (int i = 0; i < a.size(); i++) {
                    out.add(new Loc(a, null, i, pointer + "/" + i));
                    collect(a.get(i), pointer + "/" + i, out);
                }
            }
        }

        public Loc any(List<Loc> locs, java.util.function.Predicate<Loc> preferred) {
            List<Loc> matching = locs.stream().filter(preferred).toList();
            List<Loc> from = matching.isEmpty() ? locs : matching;
            return from.get(r.nextInt(from.size()));
        }

        public void once(JsonNode root, List<String> log) {
            List<Loc> locs = locations(root);
            if (locs.isEmpty()) {
                log.add("(nothing to mutate)");
                return;
            }
            if (root.get("applicant") instanceof ObjectNode applicant && r.nextInt(4) == 0) {
                // a submission: a quarter of its mutations go to the applicant's identity
                String field = pick(r, "givenName", "familyName", "passportNumber", "nationality", "dateOfBirth", "email", "middleName");
                if (r.nextInt(10) < 7) {
                    String v = applicantValue(r, field);
                    applicant.put(field, v);
                    log.add("applicant " + field + " = " + escape(abbreviate(v, 30)));
                } else if (r.nextBoolean()) {
                    applicant.remove(field);
                    log.add("delete applicant " + field);
                } else {
                    JsonNode v = anyValue();
                    applicant.set(field, v);
                    log.add("retype applicant " + field + " = " + v);
                }
                return;
            }
            int kind = r.nextInt(13);
            switch (kind) {
                case 0 -> {
                    Loc l = any(locs, x -> true);
                    l.remove();
                    log.add("delete " + l.pointer());
                }
                case 1 -> {
                    Loc l = any(locs, x -> true);
                    JsonNode v = otherType(l.get());
                    l.set(v);
                    log.add("retype " + l.pointer() + " = " + abbreviate(String.valueOf(v), 30));
                }
                case 2 -> {
                    boolean numeric = r.nextBoolean(); // half on numbers, half on any value
                    Loc l = any(locs, x -> !numeric || x.get().isNumber());
                    JsonNode v = extremeNumber();
                    l.set(v);
                    log.add("number " + l.pointer() + " = " + abbreviate(String.valueOf(v), 30));
                }
                case 3 -> {
                    Loc l = any(locs, x -> x.get().isTextual());
                    String v = pick(r, "A".repeat(10_000), "\u00e9".repeat(10_000), "\ud83d\ude00".repeat(5_000), "1".repeat(10_000),
                            "2020-09-14T23:50" + "0".repeat(10_000), "PNH".repeat(3_400));
                    l.set(TextNode.valueOf(v));
                    log.add("long string " + l.pointer() + " (" + v.length() + " chars)");
                }
                case 4 -> {
                    Loc l = any(locs, x -> x.get().isTextual());
                    String v = r.nextBoolean() ? pick(r, ODD_STRINGS) : l.get().asText("") + pick(r, ODD_STRINGS);
                    l.set(TextNode.valueOf(v));
                    log.add("unicode " + l.pointer() + " = " + escape(abbreviate(v, 30)));
                }
                case 5 -> {
                    Loc l = any(locs, x -> TIME_FIELDS.contains(x.key()));
                    String v = pick(r, DATE_TIMES);
                    l.set(TextNode.valueOf(v));
                    log.add("date-time " + l.pointer() + " = " + escape(v));
                }
                case 6 -> {
                    Loc l = any(locs, x -> DATE_FIELDS.contains(x.key()) || (x.key().equals("from") && x.pointer().contains("health")));
                    String v = pick(r, DATES);
                    l.set(TextNode.valueOf(v));
                    log.add("date " + l.pointer() + " = " + escape(v));
                }
                case 7 -> {
                    Loc l = any(locs, x -> AIRPORT_FIELDS.contains(x.key()) && x.get().isTextual() && x.get().asText().length() == 3);
                    String v = pick(r, AIRPORTS);
                    l.set(TextNode.valueOf(v));
                    log.add("airport " + l.pointer() + " = " + escape(v));
                }
                case 8, 9 -> legs(root, log);
                case 10 -> {
                    Loc l = any(locs, x -> x.get().isContainerNode());
                    JsonNode v = l.get().isArray() ? NODES.arrayNode() : NODES.objectNode();
                    l.set(v);
                    log.add("empty " + l.pointer());
                }
                case 11 -> {
                    Loc l = any(locs, x -> x.get().isObject());
                    ObjectNode target = l.get().isObject() ? (ObjectNode) l.get() : (ObjectNode) root;
                    String name = pick(r, "unknown", "", "itinerary ", "Track", "__proto__", "\u0000", "x".repeat(300));
                    target.set(name, anyValue());
                    log.add("add field '" + escape(abbreviate(name, 20)) + "' in " + l.pointer());
                }
                default -> {
                    Loc l = any(locs, x -> x.get().isTextual());
                    String v = applicantFieldOrEnum(l);
                    l.set(TextNode.valueOf(v));
                    log.add("value " + l.pointer() + " = " + escape(abbreviate(v, 30)));
                }
            }
        }

        public String applicantFieldOrEnum(Loc l) {
            if (l.pointer().startsWith("/applicant/")) {
                return applicantValue(r, l.key());
            }
            if (l.key().equals("nationality") || l.key().equals("residenceCountry") || l.key().equals("country")) {
                return pick(r, COUNTRIES);
            }
            return pick(r, ENUMS);
        }

        public void legs(JsonNode root, List<String> log) {
            JsonNode request = root.has("request") ? root.get("request") : root;
            if (!(request instanceof ObjectNode req) || !(req.get("itinerary") instanceof ArrayNode legs) || legs.isEmpty()) {
                log.add("(no itinerary to change)");
                return;
            }
            int op = r.nextInt(12);
            switch (op) {
                case 0 -> {
                    int i = r.nextInt(legs.size());
                    legs.insert(i, legs.get(i).deepCopy());
                    log.add("duplicate leg " + i);
                }
                case 1 -> {
                    int i = r.nextInt(legs.size());
                    int j = r.nextInt(legs.size());
                    JsonNode a = legs.get(i);
                    legs.set(i, legs.get(j));
                    legs.set(j, a);
                    log.add("swap legs " + i + " and " + j);
                }
                case 2 -> {
                    List<JsonNode> all = new ArrayList<>();
                    legs.forEach(all::add);
                    legs.removeAll();
                    for (int i = all.size() - 1; i >= 0; i--) {
                        legs.add(all.get(i));
                    }
                    log.add("reverse legs");
                }
                case 3 -> {
                    legs.removeAll();
                    log.add("no legs");
                }
                case 4, 5, 6 -> {
                    int n = pickInt(r, 32, 33, 40, 31);
                    boolean third = r.nextBoolean();
                    legs.removeAll();
                    Instant t = Instant.parse("2020-09-14T16:50:00Z");
                    String[] cycle = third ? new String[] {"PNH", "BKK", "NRT", "BKK"} : new String[] {"PNH", "NRT"};
                    for (int i = 0; i < n; i++) {
                        ObjectNode leg = legs.addObject();
                        leg.put("from", cycle[i % cycle.length]).put("to", cycle[(i + 1) % cycle.length])
                                .put("departure", t.toString()).put("arrival", t.plusSeconds(6 * 3600).toString());
                        t = t.plusSeconds((third ? 20 : 60) * 3600L);
                    }
                    log.add(n + " legs" + (third ? " via BKK" : ""));
                }
                case 7 -> {
                    ObjectNode leg = (ObjectNode) legs.get(r.nextInt(legs.size()));
                    JsonNode d = leg.get("departure");
                    leg.set("departure", leg.get("arrival"));
                    leg.set("arrival", d);
                    log.add("arrival before departure");
                }
                case 8 -> {
                    ObjectNode leg = (ObjectNode) legs.get(r.nextInt(legs.size()));
                    leg.set("to", leg.get("from"));
                    log.add("leg to its own airport");
                }
                case 9 -> {
                    ObjectNode first = (ObjectNode) legs.get(0);
                    ObjectNode hop = first.deepCopy();
                    first.put("to", "BKK");
                    hop.put("from", r.nextBoolean() ? "BKK" : "DMK");
                    legs.insert(1, hop);
                    ArrayNode transits = req.putArray("transits");
                    transits.addObject().put("airport", pick(r, "BKK", "DMK", "NRT", "XXX")).put("leavesAirport", r.nextBoolean());
                    log.add("connection via Bangkok with a transit");
                }
                case 10 -> {
                    String year = pick(r, "2199", "1900", "1899", "2200", "0001", "2021", "9999");
                    for (JsonNode leg : legs) {
                        if (leg instanceof ObjectNode o) {
                            for (String field : List.of("departure", "arrival")) {
                                if (o.path(field).isTextual()) {
                                    o.put(field, o.get(field).asText().replace("2020", year));
                                }
                            }
                        }
                    }
                    log.add("legs in " + year);
                }
                default -> {
                    ArrayNode transits = req.putArray("transits");
                    int n = pickInt(r, 1, 3, 33);
                    for (int i = 0; i < n; i++) {
                        transits.addObject().put("airport", pick(r, AIRPORTS));
                    }
                    log.add(n + " transits");
                }
            }
        }

        public JsonNode otherType(JsonNode current) {
            while (true) {
                JsonNode v = anyValue();
                if (v.getNodeType() != current.getNodeType()) {
                    return v;
                }
            }
        }

        public JsonNode anyValue() {
            return switch (r.nextInt(6)) {
                case 0 -> r.nextBoolean() ? pick(r, IntNode.valueOf(42), DoubleNode.valueOf(3.14), IntNode.valueOf(0), IntNode.valueOf(-1))
                        : extremeNumber();
                case 1 -> TextNode.valueOf(pick(r, "x", "true", "42", "null", "", "[]", "{}"));
                case 2 -> BooleanNode.valueOf(r.nextBoolean());
                case 3 -> NullNode.getInstance();
                case 4 -> r.nextBoolean() ? NODES.arrayNode() : NODES.arrayNode().add(1).add("a").add(NODES.objectNode());
                default -> r.nextBoolean() ? NODES.objectNode() : NODES.objectNode().put("a", 1);
            };
        }

        public JsonNode extremeNumber() {
            if (r.nextInt(10) < 3) { // beyond the range of a double
                return DecimalNode.valueOf(new BigDecimal(pick(r, "1e309", "-2e308", "1.8e308", "1e400", "-1e400", "1e99999")));
            }
            return switch (r.nextInt(16)) {
                case 0 -> DoubleNode.valueOf(1e308);
                case 1 -> DoubleNode.valueOf(-1e308);
                case 2 -> IntNode.valueOf(-1);
                case 3 -> IntNode.valueOf(0);
                case 4 -> DoubleNode.valueOf(-0.0);
                case 5 -> DoubleNode.valueOf(4.9e-324);
                case 6 -> BigIntegerNode.valueOf(new BigInteger("123456789012345678901234567890"));
                case 7 -> DecimalNode.valueOf(new BigDecimal("1e400"));
                case 8 -> DecimalNode.valueOf(new BigDecimal("-1e400"));
                case 9 -> LongNode.valueOf(Long.MAX_VALUE);
                case 10 -> LongNode.valueOf(Long.MIN_VALUE);
                case 11 -> TextNode.valueOf("NaN");
                case 12 -> TextNode.valueOf(pick(r, "Infinity", "-Infinity", "1e308", "0x10"));
                case 13 -> DecimalNode.valueOf(new BigDecimal("1e-400"));
                case 14 -> DoubleNode.valueOf(pickDouble(r, 45.000001, 29.999999, 90.0000001, -180.5, 2147483648.0));
                default -> BigIntegerNode.valueOf(BigInteger.TEN.pow(300));
            };
        }
    }

    // --- applications under test --------------------------------------------------------------------------------

    public static final class App {
        public String id;
        public String etag;
        public String snapshot;

        public static App create(Fuzzer f) {
            Req q = new Req("POST", APPLICATIONS, "POST " + APPLICATIONS + " (setup)", "valid submission")
                    .json(text(submission), JSON_TYPE).header("Authorization", bearer("intake"));
            Response r = f.run(q);
            if (r == null || r.statusCode() != 201) {
                fail("FuzzTest seed=" + SEED + ": cannot create an application to fuzz: "
                        + (r == null ? "no answer" : r.statusCode() + " " + r.asString()));
            }
            App app = new App();
            app.id = r.jsonPath().getString("id");
            app.etag = r.header("ETag");
            app.snapshot = r.jsonPath().getString("currentDecision.id");
            return app;
        }

        /** A new application, approved (as a recorded override where it is not eligible). */
        public static App approved(Fuzzer f) {
            App app = create(f);
            String path = APPLICATIONS + "/" + app.id + "/decision";
            String label = "POST " + APPLICATIONS + "/{id}/decision (setup)";
            Response r = f.run(new Req("POST", path, label, "approve").json("{\"action\": \"APPROVE\"}", JSON_TYPE)
                    .header("If-Match", app.etag).header("Authorization", bearer("officer")));
            if (r != null && r.statusCode() == 409) {
                r = f.run(new Req("POST", path, label, "approve with override")
                        .json("{\"action\": \"APPROVE\", \"override\": true, \"reason\": \"fuzz setup\"}", JSON_TYPE)
                        .header("If-Match", app.etag).header("Authorization", bearer("officer")));
            }
            if (r == null || r.statusCode() != 200) {
                fail("FuzzTest seed=" + SEED + ": cannot approve an application to fuzz: " + (r == null ? "no answer" : r.statusCode() + " " + r.asString()));
            }
            app.etag = r.header("ETag");
            return app;
        }

        /** Registers the example arrival (Narita, 15 September 2020): the monitoring is open. */
        public App arrived(Fuzzer f) {
            Response r = f.run(new Req("POST", APPLICATIONS + "/" + id + "/arrival", "POST " + APPLICATIONS + "/{id}/arrival (setup)",
                    "the example arrival").json(ARRIVAL_BODY, JSON_TYPE).header("Authorization", bearer("monitor")));
            if (r == null || r.statusCode() != 201) {
                fail("FuzzTest seed=" + SEED + ": cannot register an arrival to fuzz: " + (r == null ? "no answer" : r.statusCode() + " " + r.asString()));
            }
            return this;
        }
    }

}
