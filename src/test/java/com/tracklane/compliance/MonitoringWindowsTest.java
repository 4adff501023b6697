package com.tracklane.compliance;

import static com.tracklane.support.Travellers.PHNOM_PENH_LAT;
import static com.tracklane.support.Travellers.PHNOM_PENH_LON;
import static com.tracklane.support.Travellers.TOKYO_LAT;
import static com.tracklane.support.Travellers.TOKYO_LON;
import static com.tracklane.support.Travellers.arrival;
import static com.tracklane.support.Travellers.arrive;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import com.tracklane.support.Travellers;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The windows of a monitoring come from the obligations of the rule-set version in force at the actual arrival. */
@QuarkusTest
class MonitoringWindowsTest {

    @Test
    void shouldQuarantineAResidentInJapanFromDay0ThroughDay14WithDailyReportsFromDay1() throws Exception {
        String id = Travellers.residentToJapan();
        arrive(id, arrival("2020-09-15T07:30:00+09:00", "NRT", TOKYO_LAT, TOKYO_LON)).then().statusCode(201)
                .header("Location", endsWith("/api/v1/applications/" + id + "/compliance"))
                .body("status", equalTo("ACTIVE_COMPLIANT"))
                .body("ruleSet.id", equalTo("resident-kh-jp"))
                .body("ruleSet.version", equalTo(2))
                .body("arrival.zone", equalTo("Asia/Tokyo"))
                .body("arrival.localDate", equalTo("2020-09-15"))
                .body("windows.code", equalTo(List.of("QUARANTINE", "NO_PUBLIC_TRANSPORT", "LOCATION_RECORD", "DAILY_HEALTH_REPORT")))
                .body("windows.find { it.code == 'QUARANTINE' }.from", equalTo("2020-09-15"))
                .body("windows.find { it.code == 'QUARANTINE' }.until", equalTo("2020-09-29"))
                .body("windows.find { it.code == 'QUARANTINE' }.untilDay", equalTo(14))
                .body("windows.find { it.code == 'NO_PUBLIC_TRANSPORT' }.until", equalTo("2020-09-29"))
                .body("windows.find { it.code == 'DAILY_HEALTH_REPORT' }.from", equalTo("2020-09-16"))
                .body("windows.find { it.code == 'DAILY_HEALTH_REPORT' }.fromDay", equalTo(1))
                .body("windows.find { it.code == 'QUARANTINE' }.citation.url", not(emptyOrNullString()))
                .body("windows.find { it.code == 'QUARANTINE' }.citation.ruleSetId", equalTo("resident-kh-jp"))
                .body("checkInsFrom", equalTo("2020-09-16"))
                .body("checkInsUntil", equalTo("2020-09-29"))
                .body("retestOn", equalTo(null))
                .body("releaseOn", equalTo("2020-09-30"))
                .body("endsOn", equalTo("2020-09-29"))
                .body("checkIns.expected", equalTo(14))
                .body("checkIns.received", equalTo(0))
                .body("violations", hasSize(0));
    }

    @Test
    void shouldTakeTheVersionInForceAtTheActualArrivalNotTheScheduledOne() throws Exception {
        // scheduled for 2021-01-12 (version 3, the airport test); delayed a day, it actually arrived under the
        // pre-departure test version (4, from 2021-01-13)
        String id = Travellers.approved(Files.readString(Path.of("examples/eligibility-resident.json"))
                .replace("2020-09-14T23:50", "2021-01-11T23:50").replace("2020-09-15T07:30", "2021-01-12T07:30")
                .replace("2020-10-20T10:30", "2021-02-20T10:30").replace("2020-10-20T15:00", "2021-02-20T15:00"));
        arrive(id, arrival("2021-01-13T08:00:00+09:00", "HND", TOKYO_LAT, TOKYO_LON)).then().statusCode(201)
                .body("ruleSet.version", equalTo(4))
                .body("arrival.localDate", equalTo("2021-01-13"))
                .body("windows.find { it.code == 'QUARANTINE' }.until", equalTo("2021-01-27"));
    }

    @Test
    void shouldQuarantineAResidentInCambodiaThroughDay13WithTheRetestOnDay13AndReleaseOnDay14() {
        String id = Travellers.residentToCambodia();
        arrive(id, arrival("2020-10-01T15:00:00+07:00", "PNH", PHNOM_PENH_LAT, PHNOM_PENH_LON)).then().statusCode(201)
                .body("ruleSet.id", equalTo("resident-jp-kh"))
                .body("arrival.zone", equalTo("Asia/Phnom_Penh"))
                .body("windows.code", hasItems("QUARANTINE", "RETEST", "NO_EXIT"))
                .body("windows.findAll { it.code == 'QUARANTINE' }", hasSize(1))
                .body("windows.find { it.code == 'QUARANTINE' }.from", equalTo("2020-10-01"))
                .body("windows.find { it.code == 'QUARANTINE' }.until", equalTo("2020-10-14"))
                .body("windows.find { it.code == 'RETEST' }.from", equalTo("2020-10-14"))
                .body("windows.find { it.code == 'NO_EXIT' }.until", equalTo("2020-10-14"))
                .body("retestOn", equalTo("2020-10-14"))
                .body("releaseOn", equalTo("2020-10-15"))
                // no daily-report obligation: check-ins are required on the quarantine days 1..13
                .body("checkInsFrom", equalTo("2020-10-02"))
                .body("checkInsUntil", equalTo("2020-10-14"))
                .body("checkIns.expected", equalTo(13))
                .body("endsOn", equalTo("2020-10-14"));
    }

    @Test
    void shouldRestrictABusinessTravellerInJapanToTheAccommodationAndListedPlacesThroughDay14() {
        String id = Travellers.businessToJapan();
        arrive(id, arrival("2020-12-01T07:30:00+09:00", "NRT", TOKYO_LAT, TOKYO_LON)).then().statusCode(201)
                .body("ruleSet.id", equalTo("business-kh-jp"))
                .body("windows.find { it.code == 'RESTRICTED_MOVEMENT' }.from", equalTo("2020-12-01"))
                .body("windows.find { it.code == 'RESTRICTED_MOVEMENT' }.until", equalTo("2020-12-15"))
                .body("windows.find { it.code == 'DAILY_HEALTH_REPORT' }.from", equalTo("2020-12-02"))
                .body("windows.find { it.code == 'QUARANTINE' }", equalTo(null))
                .body("releaseOn", equalTo(null))
                .body("allowedPlaces.name", equalTo(List.of("Quarantine address", "Accommodation", "Office")))
                .body("checkIns.expected", equalTo(14));
    }

    @Test
    void shouldRestrictABusinessTravellerInCambodiaPerTheActivityPlanUntilTheScheduledDeparture() {
        String id = Travellers.businessToCambodia();
        arrive(id, arrival("2020-11-20T15:00:00+07:00", "PNH", PHNOM_PENH_LAT, PHNOM_PENH_LON)).then().statusCode(201)
                .body("ruleSet.id", equalTo("business-jp-kh"))
                .body("ruleSet.version", equalTo(2))
                .body("windows.find { it.code == 'RESTRICTED_MOVEMENT' }.from", equalTo("2020-11-20"))
                .body("windows.find { it.code == 'RESTRICTED_MOVEMENT' }.until", equalTo("2020-11-27"))
                .body("checkInsFrom", equalTo("2020-11-21"))
                .body("checkInsUntil", equalTo("2020-11-27"))
                .body("allowedPlaces.name", equalTo(List.of("Quarantine address", "Accommodation", "Factory")))
                .body("endsOn", equalTo("2020-11-27"));
    }
}
