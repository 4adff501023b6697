package com.tracklane;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.tracklane.support.Examples;
import com.tracklane.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The metrics of issue 16 on the management port ({@code /q/metrics}: decisions by rule set, version and outcome; sweep
 * duration and violations found; rule-set sync lag) and what the health probes check.
 */
@QuarkusTest
class ObservabilityTest {

    static String metrics() {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        return given().port(port).get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one Prometheus sample (name and exact label set as printed), or 0 when absent. */
    static double sample(String metrics, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{" + Pattern.quote(labels) + "} (\\S+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void shouldCountDecisionsByRuleSetVersionAndOutcome() {
        Response check = given().contentType(ContentType.JSON).body(Examples.eligibilityText()).post("/api/v1/eligibility");
        assertThat(check.statusCode()).isEqualTo(200);
        String labels = "outcome=\"" + check.jsonPath().getString("outcome") + "\",ruleSet=\""
                + check.jsonPath().getString("ruleSet.id") + "\",version=\"" + check.jsonPath().getString("ruleSet.version") + "\"";
        double before = sample(metrics(), "tracklane_decisions_total", labels);
        assertThat(before).as("after one check").isGreaterThanOrEqualTo(1);

        String batch = "{\"checks\": [" + Examples.eligibilityText() + ", " + Examples.eligibilityText() + ", {}]}";
        given().contentType(ContentType.JSON).body(batch).post("/api/v1/eligibility/batch").then().statusCode(200);
        // two decisions; the invalid third is a problem, not a decision
        assertThat(sample(metrics(), "tracklane_decisions_total", labels)).isEqualTo(before + 2);
    }

    private static final Pattern SWEEPS = Pattern.compile("(?m)^tracklane_sweep_duration_seconds_count (\\S+)$");

    @Test
    void shouldMeasureSweepsAndTheViolationsTheyFind() {
        Matcher counted = SWEEPS.matcher(metrics());
        double sweeps = counted.find() ? Double.parseDouble(counted.group(1)) : 0; // other tests of this app swept before
        given().header("Authorization", Tokens.bearer("monitor")).contentType(ContentType.JSON)
                .body("{\"at\": \"2021-03-05T00:00:00+09:00\"}").post("/api/v1/compliance/sweeps").then().statusCode(200);
        String after = metrics();
        assertThat(after).containsPattern("(?m)^tracklane_sweep_duration_seconds_count (\\S+)$");
        Matcher count = SWEEPS.matcher(after);
        assertThat(count.find()).isTrue();
        assertThat(Double.parseDouble(count.group(1))).isEqualTo(sweeps + 1);
        assertThat(after).containsPattern("(?m)^tracklane_sweep_violations_total\\{code=\"MISSED_CHECK_IN\"} \\d")
                .containsPattern("(?m)^tracklane_sweep_violations_total\\{code=\"MISSED_RETEST\"} \\d");
    }

    @Test
    void shouldReportTheRuleSetSyncLag() {
        Matcher lag = Pattern.compile("(?m)^tracklane_rule_sets_sync_lag_seconds (\\S+)$").matcher(metrics());
        assertThat(lag.find()).as("the lag gauge").isTrue();
        // the poll runs every second in the test profile too
        assertThat(Double.parseDouble(lag.group(1))).isBetween(0.0, 30.0);
    }

    @Test
    void shouldBeReadyOnlyWithTheDatabaseAndSynchronisedRuleSets() {
        JsonPath ready = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        assertThat(ready.getString("status")).isEqualTo("UP");
        assertThat(ready.getList("checks.name", String.class)).contains("rule-sets-synchronised");
        assertThat(ready.getList("checks.name", String.class)).anyMatch(n -> n.toLowerCase().contains("database"));
        assertThat(ready.getString("checks.find { it.name == 'rule-sets-synchronised' }.status")).isEqualTo("UP");
        assertThat(ready.getBoolean("checks.find { it.name == 'rule-sets-synchronised' }.data.synchronised")).isTrue();

        JsonPath live = given().get("/q/health/live").then().statusCode(200).extract().jsonPath();
        assertThat(live.getString("checks.find { it.name == 'rule-sets-loaded' }.status")).isEqualTo("UP");
        assertThat(live.getInt("checks.find { it.name == 'rule-sets-loaded' }.data.ruleSets")).isGreaterThanOrEqualTo(4);
        // liveness does not depend on the database: an outage must not restart every instance
        assertThat(live.getList("checks.name", String.class)).noneMatch(n -> n.toLowerCase().contains("database"));
    }
}
