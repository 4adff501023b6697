package com.tracklane.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fast path of {@link JsonSchemaCheck} never accepts what the full validator refuses: over every request of the
 * examples and of bench/requests, and thousands of mutations of them (each field removed, replaced by values of
 * other types, edge strings and numbers, unknown fields added), "conforms" from the fast path means no problem from
 * the full validator. And it does accept the valid requests, so it is the path a valid request takes.
 */
class ConformanceCheckTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Map<String, String> SCHEMAS = Map.of(
            "EligibilityRequest", "eligibility", "ApplicationSubmission", "application", "CheckInRequest", "check-in");

    @Test
    void shouldAcceptOnlyWhatTheFullValidatorAcceptsWhenDocumentsAreMutated() throws IOException {
        int compared = 0;
        int fast = 0;
        for (Map.Entry<String, String> schemaName : SCHEMAS.entrySet()) {
            JsonSchemaCheck check = JsonSchemaCheck.of(RequestSchema.CONTRACT, "/components/schemas/" + schemaName.getKey());
            List<JsonNode> valid = validDocuments(schemaName.getValue());
            assertThat(valid).isNotEmpty();
            for (JsonNode document : valid) {
                assertThat(check.validateFully(document)).as("a valid " + schemaName.getKey()).isEmpty();
                assertThat(check.validate(document)).isEmpty();
                for (JsonNode mutant : mutants(document)) {
                    List<FieldError> full = check.validateFully(mutant);
                    List<FieldError> validated = check.validate(mutant);
                    assertThat(validated).as(schemaName.getKey() + " " + mutant).isEqualTo(full);
                    compared++;
                    if (full.isEmpty()) {
                        fast++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(2_000);
        assertThat(fast).as("mutants that are still valid").isPositive();
    }

    @Test
    void shouldTakeTheFastPathForEveryValidDocumentOfTheMix() throws IOException {
        for (Map.Entry<String, String> schemaName : SCHEMAS.entrySet()) {
            ConformanceCheck.Check fastPath = ConformanceCheck.compile(contract(), "/components/schemas/" + schemaName.getKey());
            for (JsonNode document : validDocuments(schemaName.getValue())) {
                assertThat(fastPath.conforms(document)).as(schemaName.getKey() + " " + document).isTrue();
            }
        }
    }

    private static JsonNode contract() throws IOException {
        return new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(Files.readString(Path.of(RequestSchema.CONTRACT)));
    }

    @Test
    void shouldTakeTheFastPathForValidRequestsAndNotForInvalidOnes() throws IOException {
        JsonSchemaCheck check = JsonSchemaCheck.of(RequestSchema.CONTRACT, "/components/schemas/EligibilityRequest");
        ConformanceCheck.Check fastPath = ConformanceCheck.compile(contract(), "/components/schemas/EligibilityRequest");
        for (JsonNode document : validDocuments("eligibility")) {
            assertThat(fastPath.conforms(document)).as(document.toString()).isTrue();
            ObjectNode lineBreak = document.deepCopy();
            ((ObjectNode) lineBreak.get("itinerary").get(0)).put("from", "PNH\n");
            assertThat(fastPath.conforms(lineBreak)).isFalse();
            assertThat(check.validate(lineBreak)).isNotEmpty().allMatch(e -> e.field().equals("itinerary[0].from"));
            ObjectNode unknown = document.deepCopy();
            unknown.put("colour", "blue");
            assertThat(fastPath.conforms(unknown)).isFalse();
            assertThat(check.validate(unknown)).containsExactly(new FieldError("colour", "is not a known field"));
        }
    }

    private static List<JsonNode> validDocuments(String kind) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (kind.equals("check-in")) {
            out.add(MAPPER.readTree("""
                    {"at": "2020-09-16T09:00:00+09:00", "temperatureC": 36.5, "location": {"lat": 35.68, "lon": 139.76},
                     "transport": "WALK", "symptoms": [], "testResult": null}"""));
            out.add(MAPPER.readTree("""
                    {"at": "2020-09-16T09:00:00+09:00", "temperatureC": 37, "location": {"lat": -35, "lon": 139},
                     "transport": "NONE", "testResult": "NEGATIVE"}"""));
            return out;
        }
        if (kind.equals("application")) {
            out.add(MAPPER.readTree(Files.readString(Path.of("examples/application.json"))));
            return out;
        }
        try (Stream<Path> files = Stream.concat(Files.list(Path.of("bench/requests")),
                Stream.of(Path.of("examples/eligibility.json"), Path.of("examples/eligibility-business.json"),
                        Path.of("examples/eligibility-resident.json")))) {
            for (Path file : files.sorted().toList()) {
                out.add(MAPPER.readTree(Files.readString(file)));
            }
        }
        return out;
    }

    /** Every field removed, replaced by each of the odd values, and an unknown field added to each object. */
    private static List<JsonNode> mutants(JsonNode document) {
        List<JsonNode> out = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        pointers(document, "", pointers);
        for (String pointer : pointers) {
            if (pointer.isEmpty()) {
                continue;
            }
            for (JsonNode replacement : oddValues(document.at(pointer))) {
                out.add(replaced(document, pointer, replacement));
            }
            out.add(replaced(document, pointer, null));
            JsonNode target = document.at(pointer);
            if (target.isObject()) {
                JsonNode copy = document.deepCopy();
                ((ObjectNode) copy.at(pointer)).put("unknownField", 1);
                out.add(copy);
            }
        }
        return out;
    }

    private static List<JsonNode> oddValues(JsonNode current) {
        List<JsonNode> values = new ArrayList<>(List.of(F.nullNode(), F.booleanNode(true), F.numberNode(0), F.numberNode(-1),
                F.numberNode(1.0), F.numberNode(1.5), F.numberNode(1e10), F.numberNode(-1e-10), F.textNode(""),
                F.textNode("x".repeat(600)), F.textNode("KH"), F.textNode("PNH"), F.textNode("KH\n"), F.textNode("PNH\n"),
                F.textNode("2020-09-14T23:50"), F.textNode("2020-09-14T23:50\n"), F.textNode("2020-02-30"),
                F.textNode("2020-09-14"), F.textNode("2020-09-14T23:50:00Z"), F.textNode("PCR"), F.textNode("pcr"),
                F.textNode("RESIDENT"), F.textNode("ＫＨ"), F.textNode("\uD83D\uDE00".repeat(9)), F.objectNode(), F.arrayNode()));
        if (current.isTextual()) {
            values.add(F.textNode(current.textValue() + " "));
            values.add(F.textNode(" " + current.textValue()));
            values.add(F.textNode(current.textValue().toLowerCase()));
            values.add(F.textNode(current.textValue() + "\n"));
        }
        if (current.isNumber()) {
            values.add(F.numberNode(current.doubleValue() + 100));
            values.add(F.numberNode(-current.doubleValue()));
            values.add(F.numberNode(current.asLong()));
            values.add(F.numberNode((double) current.asLong()));
        }
        if (current.isArray()) {
            ArrayNode doubled = current.deepCopy();
            current.forEach(e -> doubled.add(e.deepCopy()));
            values.add(doubled);
            ArrayNode many = F.arrayNode();
            for (int i = 0; i < 40; i++) {
                many.add(current.isEmpty() ? F.textNode("TH") : current.get(0).deepCopy());
            }
            values.add(many);
        }
        return values;
    }

    private static void pointers(JsonNode node, String at, List<String> out) {
        out.add(at);
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> pointers(node.get(name), at + "/" + name, out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                pointers(node.get(i), at + "/" + i, out);
            }
        }
    }

    /** A copy with the value at {@code pointer} replaced ({@code null}: removed). */
    private static JsonNode replaced(JsonNode document, String pointer, JsonNode value) {
        JsonNode copy = document.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String key = pointer.substring(slash + 1);
        if (parent.isObject()) {
            if (value == null) {
                ((ObjectNode) parent).remove(key);
            } else {
                ((ObjectNode) parent).set(key, value);
            }
        } else if (parent.isArray()) {
            int index = Integer.parseInt(key);
            if (value == null) {
                ((ArrayNode) parent).remove(index);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
        return copy;
    }
}
