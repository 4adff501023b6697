package com.tracklane.compliance.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.tracklane.support.ShippedRuleSets;
import com.tracklane.track.model.RuleSetSpec;
import com.tracklane.track.model.VersionSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Day counting of the monitoring windows, straight from the shipped rule sets (no framework). */
class MonitoringPlanTest {

    static MonitoringPlan plan(String ruleSet, String arrivedAt, LocalDate arrivalDate, LocalDate exitDate, Map<String, Object> facts) {
        RuleSetSpec spec = ShippedRuleSets.get(ruleSet);
        VersionSpec version = spec.versionAt(Instant.parse(arrivedAt), null).orElseThrow();
        return MonitoringPlan.of(ruleSet, version, arrivalDate, exitDate, name -> name.startsWith("params.")
                ? version.values().get(name.substring(7)) : facts.get(name));
    }

    @Test
    void shouldEndTheJapaneseQuarantineOnDay14AndReleaseOnDay15() {
        MonitoringPlan p = plan("resident-kh-jp", "2020-09-14T22:30:00Z", LocalDate.parse("2020-09-15"), null, Map.of());
        assertThat(p.window("QUARANTINE").orElseThrow().until()).isEqualTo(LocalDate.parse("2020-09-29"));
        assertThat(p.reportWindow().orElseThrow().fromDay()).isEqualTo(1);
        assertThat(p.releaseDate()).contains(LocalDate.parse("2020-09-30"));
        assertThat(p.retestWindow()).isEmpty();
        assertThat(p.endsOn()).isEqualTo(LocalDate.parse("2020-09-29"));
    }

    @Test
    void shouldRetestOnDay13AndReleaseOnDay14InCambodiaWhicheverQuarantinePlaceApplies() {
        for (Map<String, Object> facts : java.util.List.<Map<String, Object>>of(Map.of(), Map.of("entryDate", "2020-12-01", "hasGuarantee", false))) {
            MonitoringPlan p = plan("resident-jp-kh", "2020-12-01T08:00:00Z", LocalDate.parse("2020-12-01"), null, facts);
            assertThat(p.windows().stream().filter(w -> w.code().equals("QUARANTINE"))).hasSize(1);
            assertThat(p.window("QUARANTINE").orElseThrow().until()).isEqualTo(LocalDate.parse("2020-12-14"));
            assertThat(p.retestWindow().orElseThrow().from()).isEqualTo(LocalDate.parse("2020-12-14"));
            assertThat(p.releaseDate()).contains(LocalDate.parse("2020-12-15"));
            assertThat(p.reportWindow().orElseThrow().from()).isEqualTo(LocalDate.parse("2020-12-02"));
        }
    }

    @Test
    void shouldRestrictMovementInCambodiasBusinessLaneUntilTheExitDateOrDay14WithoutOne() {
        MonitoringPlan withExit = plan("business-jp-kh", "2020-11-20T08:00:00Z", LocalDate.parse("2020-11-20"), LocalDate.parse("2020-11-27"), Map.of());
        assertThat(withExit.window("RESTRICTED_MOVEMENT").orElseThrow().untilDay()).isEqualTo(7);
        MonitoringPlan openEnded = plan("business-jp-kh", "2020-11-20T08:00:00Z", LocalDate.parse("2020-11-20"), null, Map.of());
        assertThat(openEnded.window("RESTRICTED_MOVEMENT").orElseThrow().untilDay()).isEqualTo(14);
        assertThat(openEnded.releaseDate()).isEmpty();
    }
}
