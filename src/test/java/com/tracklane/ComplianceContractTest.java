package com.tracklane;

import com.tracklane.support.Examples;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.tracklane.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compliance answers are documents of the contract, and every compliance operation names its roles in
 * {@code x-roles}, matching the code.
 */
@QuarkusTest
class ComplianceContractTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static io.restassured.specification.RequestSpecification as(String role) {
        return RestAssured.given().header("Authorization", "Bearer " + Tokens.token(role, role + "-test"));
    }

    @Test
    void shouldAnswerComplianceRequestsWithDocumentsOfTheContract() throws Exception {
        String trip = Files.readString(Path.of("examples/eligibility-resident.json"));
        String id = as("intake").contentType(ContentType.JSON).body("""
                {"applicant": {"givenName": "Dara", "familyName": "Kim", "passportNumber": "K1234567", "nationality": "KH",
                               "dateOfBirth": "1985-01-31", "email": "dara@example.com"}, "request": %s}""".formatted(Examples.withoutKnownAt(trip)))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        String etag = as("officer").get("/api/v1/applications/" + id).header("ETag");
        as("officer").header("If-Match", etag).contentType(ContentType.JSON).body("{\"action\":\"APPROVE\"}")
                .post("/api/v1/applications/" + id + "/decision").then().statusCode(200);

        String arrival = as("monitor").contentType(ContentType.JSON).body("""
                {"arrivedAt": "2020-09-15T07:30:00+09:00", "airport": "NRT",
                 "quarantineAddress": {"address": "1-1 Marunouchi", "lat": 35.68, "lon": 139.76}}""")
                .post("/api/v1/applications/" + id + "/arrival").then().statusCode(201).extract().asString();
        assertValid("/components/schemas/ComplianceReport", arrival);
        String checkIn = as("monitor").contentType(ContentType.JSON).body("""
                {"at": "2020-09-16T09:00:00+09:00", "temperatureC": 37.8, "symptoms": ["COUGH"],
                 "location": {"lat": 35.70, "lon": 139.76}, "transport": "PUBLIC_TRANSPORT", "testResult": "POSITIVE"}""")
                .post("/api/v1/applications/" + id + "/check-ins").then().statusCode(201).extract().asString();
        assertValid("/components/schemas/CheckIn", checkIn);
        String sweep = as("monitor").contentType(ContentType.JSON).body("{\"at\": \"2020-09-20T00:00:00+09:00\"}")
                .post("/api/v1/compliance/sweeps").then().statusCode(200).extract().asString();
        assertValid("/components/schemas/SweepResult", sweep);
        String departure = as("monitor").contentType(ContentType.JSON).body("{\"departedAt\": \"2020-09-21T10:00:00+09:00\", \"airport\": \"NRT\"}")
                .post("/api/v1/applications/" + id + "/departure").then().statusCode(201).extract().asString();
        assertValid("/components/schemas/ComplianceReport", departure);
        JsonNode report = JSON.readTree(as("officer").get("/api/v1/applications/" + id + "/compliance").then().statusCode(200)
                .extract().asString());
        assertThat(report.path("violations").size()).isGreaterThanOrEqualTo(6);
        assertValid("/components/schemas/ComplianceReport", report.toString());
        String page = as("monitor").queryParam("size", 5).get("/api/v1/compliance/violations").then().statusCode(200).extract().asString();
        assertValid("/components/schemas/ViolationPage", page);
        String problem = as("monitor").contentType(ContentType.JSON).body("{}").post("/api/v1/applications/" + id + "/check-ins")
                .then().statusCode(400).extract().asString();
        assertValid("/components/schemas/Problem", problem);
    }

    @Test
    void shouldNameTheRolesOfEveryComplianceOperation() throws Exception {
        JsonNode paths = new YAMLMapper().readTree(Path.of(ContractTest.CONTRACT_FILE).toFile()).path("paths");
        Map<String, String> expected = Map.of(
                "/api/v1/applications/{id}/arrival post", "[\"monitor\"]",
                "/api/v1/applications/{id}/check-ins post", "[\"monitor\"]",
                "/api/v1/applications/{id}/departure post", "[\"monitor\"]",
                "/api/v1/applications/{id}/compliance get", "[\"monitor\",\"officer\"]",
                "/api/v1/compliance/violations get", "[\"monitor\"]",
                "/api/v1/compliance/sweeps post", "[\"monitor\"]");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String[] pathAndVerb = e.getKey().split(" ");
            assertThat(paths.path(pathAndVerb[0]).path(pathAndVerb[1]).path("x-roles").toString()).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void shouldListTheTransportsAndTestResultsOfTheCodeAndNothingElse() throws Exception {
        JsonNode checkIn = new YAMLMapper().readTree(Path.of(ContractTest.CONTRACT_FILE).toFile())
                .path("components").path("schemas").path("CheckInRequest").path("properties");
        assertThat(checkIn.path("transport").path("enum").toString()).isEqualTo(JSON.writeValueAsString(
                java.util.Arrays.stream(com.tracklane.compliance.model.Transport.values()).map(Enum::name).toList()));
        java.util.List<String> results = new java.util.ArrayList<>(java.util.Arrays.stream(com.tracklane.compliance.model.TestResult.values())
                .map(Enum::name).toList());
        results.add(null);
        assertThat(checkIn.path("testResult").path("enum").toString()).isEqualTo(JSON.writeValueAsString(results));
    }

    static void assertValid(String pointer, String document) throws Exception {
        assertThat(ContractTest.violations(ContractTest.schema(pointer), JSON.readTree(document))).as(pointer).isEmpty();
    }

}
