package com.tracklane.compliance.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.tracklane.compliance.model.MonitoringPlan;
import com.tracklane.compliance.model.Place;
import com.tracklane.compliance.model.TestResult;
import com.tracklane.compliance.model.Transport;
import com.tracklane.compliance.model.ViolationCode;
import com.tracklane.support.ShippedRuleSets;
import com.tracklane.track.model.VersionSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The violations a check-in or a departure shows, from the shipped rule sets' windows, at each boundary: plain JUnit,
 * no database and no framework. Day 0 is the local arrival date.
 */
class ViolationDetectorTest {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final ZoneId PHNOM_PENH = ZoneId.of("Asia/Phnom_Penh");
    static final double RADIUS = 500;
    static final double FEVER = 37.5;
    /** Marunouchi, Tokyo: the registered quarantine address. */
    static final Place QUARANTINE_ADDRESS = new Place("Quarantine address", "1-1 Marunouchi", 35.68, 139.76);

    final ViolationDetector detector = new ViolationDetector(RADIUS);

    /** Japan's resident track, arrival 2020-09-15: QUARANTINE and NO_PUBLIC_TRANSPORT on days 0–14. */
    static final MonitoringPlan JAPAN = plan("resident-kh-jp", "2020-09-14T22:30:00Z", "2020-09-15", null);
    /** Cambodia's business lane, arrival 2020-11-20, exit 2020-11-27: RESTRICTED_MOVEMENT on days 0–7. */
    static final MonitoringPlan CAMBODIA_BUSINESS = plan("business-jp-kh", "2020-11-20T08:00:00Z", "2020-11-20", "2020-11-27");

    static MonitoringPlan plan(String ruleSet, String arrivedAt, String arrivalDate, String exitDate) {
        VersionSpec version = ShippedRuleSets.get(ruleSet).versionAt(Instant.parse(arrivedAt), null).orElseThrow();
        return MonitoringPlan.of(ruleSet, version, LocalDate.parse(arrivalDate), exitDate == null ? null : LocalDate.parse(exitDate),
                name -> name.startsWith("params.") ? version.values().get(name.substring(7)) : null);
    }

    /** A healthy check-in at the quarantine address, at {@code localTime} in Tokyo. */
    static ViolationDetector.Reading healthy(String localTime) {
        return reading(localTime, TOKYO, 36.5, List.of(), QUARANTINE_ADDRESS.lat(), QUARANTINE_ADDRESS.lon(), Transport.NONE, null);
    }

    static ViolationDetector.Reading reading(String localTime, ZoneId zone, double temperature, List<String> symptoms, double lat,
                                             double lon, Transport transport, TestResult result) {
        Instant at = java.time.LocalDateTime.parse(localTime).atZone(zone).toInstant();
        return new ViolationDetector.Reading("c-1", at, temperature, symptoms, lat, lon, transport, result);
    }

    List<ViolationCode> inJapan(ViolationDetector.Reading r) {
        return detector.checkIn(r, JAPAN, TOKYO, List.of(QUARANTINE_ADDRESS), FEVER).stream().map(ViolationDetector.Finding::code).toList();
    }

    /** {@code metres} due north of the quarantine address (a degree of latitude is about 111,195 m). */
    static double northOfTheAddress(double metres) {
        return QUARANTINE_ADDRESS.lat() + metres / 111_195.0;
    }

    @Test
    void aHealthyCheckInAtHomeShowsNothing() {
        assertThat(inJapan(healthy("2020-09-16T09:00"))).isEmpty();
    }

    @Nested
    class Fever {

        @Test
        void feverAtTheThresholdIsAViolation() {
            ViolationDetector.Reading r = reading("2020-09-16T09:00", TOKYO, 37.5, List.of(), 35.68, 139.76, Transport.NONE, null);
            List<ViolationDetector.Finding> found = detector.checkIn(r, JAPAN, TOKYO, List.of(QUARANTINE_ADDRESS), FEVER);
            assertThat(found).extracting(ViolationDetector.Finding::code).containsExactly(ViolationCode.FEVER);
            assertThat(found.get(0).day()).isEqualTo(1);
            assertThat(found.get(0).evidence()).containsEntry("temperatureC", 37.5).containsEntry("thresholdC", 37.5)
                    .containsEntry("checkInId", "c-1").containsEntry("at", "2020-09-16T09:00+09:00");
            assertThat((String) found.get(0).evidence().get("summary")).contains("at or above the fever threshold of 37.5 °C");
            assertThat(found.get(0).citation().obligation()).isEqualTo("DAILY_HEALTH_REPORT");
        }

        @Test
        void aTemperatureJustBelowTheThresholdIsNot() {
            assertThat(inJapan(reading("2020-09-16T09:00", TOKYO, 37.4, List.of(), 35.68, 139.76, Transport.NONE, null))).isEmpty();
        }

        @Test
        void theRuleSetsOwnThresholdDecides() {
            ViolationDetector.Reading r = reading("2020-09-16T09:00", TOKYO, 37.8, List.of(), 35.68, 139.76, Transport.NONE, null);
            assertThat(detector.checkIn(r, JAPAN, TOKYO, List.of(QUARANTINE_ADDRESS), 38.0)).isEmpty();
        }
    }

    @Test
    void anySymptomIsAViolationListingTheSymptoms() {
        List<ViolationDetector.Finding> found = detector.checkIn(reading("2020-09-16T09:00", TOKYO, 36.5, List.of("COUGH", "SORE_THROAT"),
                35.68, 139.76, Transport.NONE, null), JAPAN, TOKYO, List.of(QUARANTINE_ADDRESS), FEVER);
        assertThat(found).extracting(ViolationDetector.Finding::code).containsExactly(ViolationCode.SYMPTOMS);
        assertThat(found.get(0).evidence()).containsEntry("symptoms", List.of("COUGH", "SORE_THROAT"));
        assertThat((String) found.get(0).evidence().get("summary")).endsWith(": COUGH, SORE_THROAT.");
    }

    @Test
    void aPositiveTestIsAViolationButANegativeOneIsNot() {
        assertThat(inJapan(reading("2020-09-16T09:00", TOKYO, 36.5, List.of(), 35.68, 139.76, Transport.NONE, TestResult.POSITIVE)))
                .containsExactly(ViolationCode.POSITIVE_TEST);
        assertThat(inJapan(reading("2020-09-16T09:00", TOKYO, 36.5, List.of(), 35.68, 139.76, Transport.NONE, TestResult.NEGATIVE)))
                .isEmpty();
    }

    @Nested
    class PublicTransport {

        @Test
        void publicTransportOnDay14IsAViolationButOnDay15IsNot() {
            ViolationDetector.Reading day14 = reading("2020-09-29T23:59", TOKYO, 36.5, List.of(), 35.68, 139.76, Transport.PUBLIC_TRANSPORT, null);
            ViolationDetector.Reading day15 = reading("2020-09-30T00:00", TOKYO, 36.5, List.of(), 35.68, 139.76, Transport.PUBLIC_TRANSPORT, null);
            List<ViolationDetector.Finding> found = detector.checkIn(day14, JAPAN, TOKYO, List.of(QUARANTINE_ADDRESS), FEVER);
            assertThat(found).extracting(ViolationDetector.Finding::code).containsExactly(ViolationCode.PUBLIC_TRANSPORT);
            assertThat(found.get(0).day()).isEqualTo(14);
            assertThat(found.get(0).citation().obligation()).isEqualTo("NO_PUBLIC_TRANSPORT");
            assertThat((String) found.get(0).evidence().get("summary")).contains("(day 14), during NO_PUBLIC_TRANSPORT (2020-09-15 to 2020-09-29)");
            assertThat(inJapan(day15)).isEmpty();
        }

        @Test
        void publicTransportOnTheArrivalDayIsAViolation() {
            assertThat(inJapan(reading("2020-09-15T08:00", TOKYO, 36.5, List.of(), 35.68, 139.76, Transport.PUBLIC_TRANSPORT, null)))
                    .containsExactly(ViolationCode.PUBLIC_TRANSPORT);
        }

        @Test
        void aPrivateVehicleOrWalkingIsAllowed() {
            for (Transport t : List.of(Transport.NONE, Transport.WALK, Transport.PRIVATE_VEHICLE)) {
                assertThat(inJapan(reading("2020-09-16T09:00", TOKYO, 36.5, List.of(), 35.68, 139.76, t, null))).as(t.name()).isEmpty();
            }
        }
    }

    @Nested
    class AllowedPlaces {

        @Test
        void checkInJustInsideTheRadiusIsAllowed() {
            assertThat(inJapan(reading("2020-09-16T09:00", TOKYO, 36.5, List.of(), northOfTheAddress(495), 139.76, Transport.NONE, null)))
                    .isEmpty();
        }

        @Test
        void checkInJustOutsideTheRadiusIsOutsideTheAllowedPlace() {
            List<ViolationDetector.Finding> found = detector.checkIn(reading("2020-09-16T09:00", TOKYO, 36.5, List.of(),
                    northOfTheAddress(505), 139.76, Transport.NONE, null), JAPAN, TOKYO, List.of(QUARANTINE_ADDRESS), FEVER);
            assertThat(found).extracting(ViolationDetector.Finding::code).containsExactly(ViolationCode.OUTSIDE_ALLOWED_PLACE);
            assertThat(found.get(0).evidence()).containsEntry("distanceMeters", 505L).containsEntry("radiusMeters", 500.0)
                    .containsEntry("nearestPlace", "Quarantine address");
            assertThat(found.get(0).citation().obligation()).isEqualTo("QUARANTINE");
        }

        @Test
        void duringQuarantineOnlyTheQuarantineAddressCountsNotTheTripsOtherPlaces() {
            Place hotel = new Place("Hotel", "2-2 Ginza", 35.67, 139.77);
            ViolationDetector.Reading atTheHotel = reading("2020-09-16T09:00", TOKYO, 36.5, List.of(), hotel.lat(), hotel.lon(), Transport.NONE, null);
            assertThat(detector.checkIn(atTheHotel, JAPAN, TOKYO, List.of(QUARANTINE_ADDRESS, hotel), FEVER))
                    .extracting(ViolationDetector.Finding::code).containsExactly(ViolationCode.OUTSIDE_ALLOWED_PLACE);
        }

        @Test
        void afterTheQuarantineAnyPlaceIsAllowed() {
            assertThat(inJapan(reading("2020-09-30T09:00", TOKYO, 36.5, List.of(), 43.06, 141.35, Transport.NONE, null))).isEmpty();
        }

        @Test
        void underRestrictedMovementEveryListedPlaceIsAllowedUntilTheExitDate() {
            Place address = new Place("Quarantine address", "Hotel Cambodiana", 11.56, 104.93);
            Place office = new Place("Office", "Norodom Blvd", 11.55, 104.92);
            ViolationDetector.Reading atTheOffice = reading("2020-11-21T10:00", PHNOM_PENH, 36.5, List.of(), office.lat(), office.lon(),
                    Transport.PRIVATE_VEHICLE, null);
            assertThat(detector.checkIn(atTheOffice, CAMBODIA_BUSINESS, PHNOM_PENH, List.of(address, office), FEVER)).isEmpty();
            ViolationDetector.Reading elsewhereOnDay7 = reading("2020-11-27T10:00", PHNOM_PENH, 36.5, List.of(), 10.6, 104.18,
                    Transport.PUBLIC_TRANSPORT, null);
            List<ViolationDetector.Finding> found = detector.checkIn(elsewhereOnDay7, CAMBODIA_BUSINESS, PHNOM_PENH, List.of(address, office), FEVER);
            assertThat(found).extracting(ViolationDetector.Finding::code)
                    .containsExactly(ViolationCode.PUBLIC_TRANSPORT, ViolationCode.OUTSIDE_ALLOWED_PLACE);
            assertThat(found).allMatch(f -> f.citation().obligation().equals("RESTRICTED_MOVEMENT"));
            ViolationDetector.Reading elsewhereOnDay8 = reading("2020-11-28T10:00", PHNOM_PENH, 36.5, List.of(), 10.6, 104.18,
                    Transport.PUBLIC_TRANSPORT, null);
            assertThat(detector.checkIn(elsewhereOnDay8, CAMBODIA_BUSINESS, PHNOM_PENH, List.of(address, office), FEVER)).isEmpty();
        }
    }

    @Nested
    class Departure {

        @Test
        void leavingOnTheLastDayOfQuarantineIsAnEarlyExit() {
            var found = detector.departure(java.time.LocalDateTime.parse("2020-09-29T10:00").atZone(TOKYO).toInstant(), "NRT", JAPAN, TOKYO);
            assertThat(found).isPresent();
            assertThat(found.get().code()).isEqualTo(ViolationCode.EARLY_EXIT);
            assertThat(found.get().day()).isEqualTo(14);
            assertThat(found.get().evidence()).containsEntry("releaseOn", "2020-09-30").containsEntry("airport", "NRT")
                    .containsEntry("departedAt", "2020-09-29T10:00+09:00");
            assertThat(found.get().citation().obligation()).isEqualTo("QUARANTINE");
        }

        @Test
        void leavingOnTheReleaseDayIsNot() {
            assertThat(detector.departure(java.time.LocalDateTime.parse("2020-09-30T00:00").atZone(TOKYO).toInstant(), null, JAPAN, TOKYO))
                    .isEmpty();
        }

        @Test
        void withoutAnExitRestrictionAnyDepartureIsFine() {
            assertThat(detector.departure(java.time.LocalDateTime.parse("2020-11-21T10:00").atZone(PHNOM_PENH).toInstant(), "PNH",
                    CAMBODIA_BUSINESS, PHNOM_PENH)).isEmpty();
        }
    }

    @Test
    void theEvidenceNamesWhereTheCheckInWas() {
        var found = detector.checkIn(reading("2020-09-16T09:00", TOKYO, 38.0, List.of(), 35.68, 139.76, Transport.NONE, null),
                JAPAN, TOKYO, List.of(QUARANTINE_ADDRESS), FEVER);
        assertThat(found.get(0).evidence()).containsEntry("location", Map.of("lat", 35.68, "lon", 139.76)).containsEntry("day", 1);
    }
}
