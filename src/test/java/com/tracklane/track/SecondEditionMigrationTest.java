package com.tracklane.track;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A database that imported edition 2 of the shipped rule sets (texts with country codes: "Nationality KH …") takes
 * edition 3 (countries named) at start-up; an edition-2 decision still replays identically, codes and all, and a
 * new check names the countries.
 */
@QuarkusTest
@TestProfile(SecondEditionMigrationTest.SecondEditionDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecondEditionMigrationTest extends EditionMigrationTest {

    private static final List<String> IDS = List.of("resident-kh-jp", "business-kh-jp", "resident-jp-kh", "business-jp-kh");

    /** A database of its own, filled at start-up from the edition-2 files (src/test/resources/rulesets-edition-2). */
    public static class SecondEditionDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.jdbc.url", "jdbc:h2:file:./target/h2/edition-2-migration-" + System.nanoTime() + ";WRITE_DELAY=0",
                    "tracklane.rule-sets.resources", String.join(",", IDS.stream().map(id -> "rulesets-edition-2/" + id + ".yaml").toList()));
        }
    }

    @Override
    int olderEdition() {
        return 2;
    }

    @Override
    int olderVersions() {
        return 5;
    }

    @Test
    @Order(1) // before the inherited test imports the shipped edition
    void shouldShowCountryCodesUnderEditionTwo() throws Exception {
        String before = given().contentType(ContentType.JSON).body(request()).post("/api/v1/eligibility").then().statusCode(200)
                .extract().asString();
        assertThat(before).contains("Nationality KH and residence KH are admitted.");
    }

    @Test
    @Order(Integer.MAX_VALUE) // after the inherited test has imported the shipped edition (importing again changes nothing)
    void shouldNameTheCountriesInEveryLanguageUnderEditionThree() throws Exception {
        sync.importShipped(com.tracklane.track.service.ShippedRuleSets.read(SHIPPED));
        assertThat(catalog.find("resident-kh-jp").orElseThrow().edition()).isEqualTo(SHIPPED_EDITION);
        for (String[] language : new String[][] {{"en", "A national of Cambodia residing in Cambodia is admitted."},
                {"ja", "カンボジア国籍でカンボジアに居住する者は対象となります。"}, {"km", "សញ្ជាតិ កម្ពុជា និងប្រទេសស្នាក់នៅ កម្ពុជា"}}) {
            String after = given().contentType(ContentType.JSON).header("Accept-Language", language[0]).body(request())
                    .post("/api/v1/eligibility").then().statusCode(200).extract().asString();
            assertThat(after).as(language[0]).contains(language[1]).doesNotContain("Nationality KH").doesNotContain("国籍KH");
        }
    }

    private static String request() throws java.io.IOException {
        return Files.readString(Path.of("examples", "eligibility-resident.json"));
    }
}
