package com.tracklane.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract is parsed once and every request schema is a sub-schema of that one document: each must report exactly
 * what a schema loaded on its own from the contract (the library's {@code #pointer} location, a registry each, as
 * before) reports.
 */
class JsonSchemaCheckTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSubSchemaOfTheSharedContractReportsWhatASchemaLoadedOnItsOwnReports() throws IOException {
        String contract = Files.readString(Path.of("openapi/openapi.yaml"));
        JsonNode valid = JSON.readTree(Files.readString(Path.of("examples/eligibility.json")));
        List<JsonNode> bodies = new ArrayList<>(List.of(valid, JSON.readTree("{}"), JSON.readTree("[]"),
                JSON.readTree("{\"itinerary\": 3, \"unknown\": true}")));
        valid.fieldNames().forEachRemaining(field -> {
            ObjectNode without = ((ObjectNode) valid).deepCopy();
            without.remove(field);
            bodies.add(without);
            ObjectNode wrong = ((ObjectNode) valid).deepCopy();
            wrong.put(field, 12345);
            bodies.add(wrong);
        });
        int compared = 0;
        int withProblems = 0;
        for (String name : List.of("EligibilityRequest", "ApplicationSubmission", "CheckInRequest", "SweepRequest")) {
            JsonSchemaCheck shared = JsonSchemaCheck.of(RequestSchema.CONTRACT, "/components/schemas/" + name);
            Schema alone = alone(contract, name);
            for (JsonNode body : bodies) {
                List<FieldError> expected = alone.validate(body).stream().map(JsonSchemaCheck::toFieldError).distinct().toList();
                assertThat(shared.validate(body)).as(name + " " + body).isEqualTo(expected);
                compared++;
                withProblems += expected.isEmpty() ? 0 : 1;
            }
        }
        assertThat(JsonSchemaCheck.of(RequestSchema.CONTRACT, "/components/schemas/EligibilityRequest").validate(valid)).isEmpty();
        assertThat(JsonSchemaCheck.of(RequestSchema.CONTRACT, "/components/schemas/EligibilityRequest").validate(JSON.readTree("{}")))
                .extracting(FieldError::message).contains("is required");
        assertThat(compared).isGreaterThan(40);
        assertThat(withProblems).as("bodies with problems compared").isGreaterThan(20);
    }

    /** The schema as it was made before: a registry of its own, the contract parsed for it alone. */
    static Schema alone(String contract, String name) {
        String iri = "https://tracklane.dev/schemas/" + RequestSchema.CONTRACT;
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(iri, contract)));
        return registry.getSchema(SchemaLocation.of(iri + "#/components/schemas/" + name));
    }
}
