package com.tracklane.track;

import com.tracklane.track.service.ShippedRuleSets;
import com.tracklane.track.service.RuleSetSync;
import com.tracklane.track.service.RuleSetConfig;
import com.tracklane.track.service.RuleSetCatalog;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.tracklane.support.Tokens;
import com.tracklane.track.model.RuleSetSpec;
import com.tracklane.track.model.VersionSpec;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A database that imported the first edition of the shipped rule sets (as every deployment before issue 14 did)
 * takes the shipped edition at start-up; the versions it replaces are kept as superseded, and a decision made under
 * the first edition still replays identically. {@link SecondEditionMigrationTest} does the same from edition 2.
 */
@QuarkusTest
@TestProfile(EditionMigrationTest.FirstEditionDatabase.class)
class EditionMigrationTest {

    private static final List<String> IDS = List.of("resident-kh-jp", "business-kh-jp", "resident-jp-kh", "business-jp-kh");

    /** A database of its own, filled at start-up from the first-edition files (src/test/resources/rulesets-edition-1). */
    public static class FirstEditionDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.jdbc.url", "jdbc:h2:file:./target/h2/edition-migration-" + System.nanoTime() + ";WRITE_DELAY=0",
                    "tracklane.rule-sets.resources", String.join(",", IDS.stream().map(id -> "rulesets-edition-1/" + id + ".yaml").toList()));
        }
    }

    /** The edition of the files shipped in the jar now. */
    static final int SHIPPED_EDITION = 3;

    /** The edition the database was filled from, and how many versions of resident-kh-jp it had. */
    int olderEdition() {
        return 1;
    }

    int olderVersions() {
        return 4;
    }

    /** The files shipped in the jar now. */
    static final RuleSetConfig SHIPPED = new RuleSetConfig() {
        @Override
        public List<String> resources() {
            return IDS.stream().map(id -> "rulesets/" + id + ".yaml").toList();
        }

        @Override
        public Optional<String> directory() {
            return Optional.empty();
        }

        @Override
        public String refreshEvery() {
            return "1s";
        }

        @Override
        public boolean prepared() {
            return true;
        }
    };

    @Inject
    RuleSetSync sync;
    @Inject
    RuleSetCatalog catalog;

    private static io.restassured.specification.RequestSpecification as(String role) {
        return given().header("Authorization", Tokens.bearer(role));
    }

    @Test
    void shouldReplayAnOlderEditionsDecisionIdenticallyAfterTheShippedEditionIsImported() throws Exception {
        RuleSetSpec first = catalog.find("resident-kh-jp").orElseThrow();
        assertThat(first.edition()).isEqualTo(olderEdition());
        assertThat(first.versions()).hasSize(olderVersions());

        String request = Files.readString(Path.of("examples", "eligibility-resident.json"));
        String body = """
                {"applicant": {"givenName": "Dara", "familyName": "Sok", "passportNumber": "N7654321", "nationality": "KH",
                               "dateOfBirth": "1988-02-01", "email": "dara.sok@example.com"},
                 "request": %s}""".formatted(com.tracklane.support.Examples.withoutKnownAt(request));
        String id = as("intake").contentType(ContentType.JSON).body(body).post("/api/v1/applications").then().statusCode(201)
                .body("currentDecision.ruleSet.version", equalTo(2)).extract().path("id");
        String snapshot = as("officer").get("/api/v1/applications/" + id + "/decisions").then().statusCode(200)
                .extract().jsonPath().getString("[0].id");
        String firstHash = as("officer").get("/api/v1/applications/" + id + "/decisions").then()
                .extract().jsonPath().getString("[0].ruleSet.contentHash");
        assertThat(firstHash).isEqualTo(first.versions().get(1).contentHash());

        sync.importShipped(ShippedRuleSets.read(SHIPPED));

        RuleSetSpec second = catalog.find("resident-kh-jp").orElseThrow();
        assertThat(second.edition()).isEqualTo(SHIPPED_EDITION);
        assertThat(second.versions()).hasSize(5);
        assertThat(second.versions()).extracting(VersionSpec::contentHash).doesNotContain(firstHash);
        IDS.forEach(ruleSet -> assertThat(catalog.find(ruleSet).orElseThrow().edition()).as(ruleSet).isEqualTo(SHIPPED_EDITION));

        as("officer").get("/api/v1/applications/" + id + "/decisions/" + snapshot + "/replay").then().statusCode(200)
                .body("identical", equalTo(true))
                .body("differences", hasSize(0))
                .body("ruleSet.contentHash", equalTo(firstHash))
                .body("replayed.ruleSet.contentHash", equalTo(firstHash));

        // A new evaluation is decided by the shipped edition.
        as("officer").post("/api/v1/applications/" + id + "/re-evaluation").then().statusCode(200);
        String secondHash = as("officer").get("/api/v1/applications/" + id + "/decisions").then()
                .extract().jsonPath().getString("[1].ruleSet.contentHash");
        assertThat(secondHash).isEqualTo(second.versions().get(1).contentHash()).isNotEqualTo(firstHash);

        // Importing the same edition again changes nothing.
        sync.importShipped(ShippedRuleSets.read(SHIPPED));
        assertThat(catalog.find("resident-kh-jp").orElseThrow().versions()).extracting(VersionSpec::contentHash)
                .isEqualTo(second.versions().stream().map(VersionSpec::contentHash).toList());
    }
}
