package com.tracklane.eligibility.engine;

import static com.tracklane.support.Trips.trip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tracklane.common.InvalidInputException;
import com.tracklane.support.Trips;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class JourneyAnalyzerTest {

    private static Journey journey(Trips trips) {
        Trip trip = trips.build();
        return JourneyAnalyzer.analyze(trip.legs(), trip.leavesAirportAt());
    }

    @Test
    void shouldDeriveRouteEntryAndStayOfADirectRoundTrip() {
        Journey j = journey(trip().leg("PNH", "2020-09-14T23:50", "NRT", "2020-09-15T07:30")
                .leg("NRT", "2020-10-20T10:30", "PNH", "2020-10-20T15:00"));
        assertThat(j.origin()).isEqualTo("KH");
        assertThat(j.destination()).isEqualTo("JP");
        assertThat(j.entryAt()).hasToString("2020-09-15T07:30+09:00");
        assertThat(j.stayDays()).isEqualTo(35);
        assertThat(j.connections()).isEmpty();
    }

    @Test
    void shouldGiveTheSameJourneyForLocalTimesAndTimesWithOffsets() {
        Journey local = journey(trip().leg("PNH", "2020-09-14T23:50", "NRT", "2020-09-15T07:30")
                .leg("NRT", "2020-10-20T10:30", "PNH", "2020-10-20T15:00"));
        Journey offsets = journey(trip().leg("PNH", "2020-09-14T23:50+07:00", "NRT", "2020-09-14T22:30Z")
                .leg("NRT", "2020-10-20T01:30Z", "PNH", "2020-10-20T15:00+07:00"));
        assertThat(offsets.entryAt().toInstant()).isEqualTo(local.entryAt().toInstant());
        assertThat(offsets.entryAt()).isEqualTo(local.entryAt());
        assertThat(offsets.stayDays()).isEqualTo(local.stayDays());
    }

    @Test
    void shouldCountStayDaysInDestinationLocalDatesNotUtcDates() {
        // Leaves Narita at 01:00 JST on the 29th, which is still the 28th in UTC: 14 nights in Japan.
        Journey j = journey(trip().leg("PNH", "2020-09-14T23:50", "NRT", "2020-09-15T07:30")
                .leg("NRT", "2020-09-29T01:00", "PNH", "2020-09-29T05:00"));
        assertThat(j.stayDays()).isEqualTo(14);
        assertThat(j.exitDate()).isEqualTo(LocalDate.of(2020, 9, 29));
    }

    @Test
    void shouldTreatAMissingReturnAsAnOpenEndedStay() {
        Journey j = journey(trip().leg("PNH", "2020-09-14T23:50", "NRT", "2020-09-15T07:30"));
        assertThat(j.stayDays()).isNull();
        assertThat(j.openEnded()).isTrue();
    }

    @Test
    void shouldKeepTheRouteWhenConnectingInAThirdCountry() {
        Journey j = journey(trip().leg("PNH", "2020-09-14T08:00", "BKK", "2020-09-14T09:10")
                .leg("BKK", "2020-09-14T11:00", "NRT", "2020-09-14T19:00")
                .leg("NRT", "2020-10-20T10:30", "BKK", "2020-10-20T15:00")
                .leg("BKK", "2020-10-20T17:00", "PNH", "2020-10-20T18:10"));
        assertThat(j.destination()).isEqualTo("JP");
        assertThat(j.connections()).hasSize(2);
        assertThat(j.connections().get(0).outbound()).isTrue();
        assertThat(j.connections().get(1).outbound()).isFalse();
        assertThat(j.connections().get(0).isStay()).isFalse();
    }

    @Test
    void shouldCountAConnectionAsAStayWhenTheTravellerLeavesTheAirport() {
        Journey j = journey(trip().leg("PNH", "2020-09-14T08:00", "BKK", "2020-09-14T09:10")
                .leg("BKK", "2020-09-14T11:00", "NRT", "2020-09-14T19:00").leavesAirportAt("BKK"));
        assertThat(j.connections().get(0).isStay()).isTrue();
    }

    @Test
    void shouldCountAChangeOfAirportAsLeavingTheAirport() {
        Journey j = journey(trip().leg("PNH", "2020-09-14T08:00", "BKK", "2020-09-14T09:10")
                .leg("DMK", "2020-09-14T15:00", "NRT", "2020-09-14T23:00"));
        assertThat(j.connections().get(0).leavesAirport()).isTrue();
        assertThat(j.connections().get(0).isStay()).isTrue();
    }

    @Test
    void shouldNotCountAConnectionOfExactly24HoursAsAStay() {
        Journey j = journey(trip().leg("PNH", "2020-09-14T08:00", "BKK", "2020-09-14T09:00")
                .leg("BKK", "2020-09-15T09:00", "NRT", "2020-09-15T17:00"));
        assertThat(j.connections().get(0).isStay()).isFalse();
    }

    @Test
    void shouldCountAConnectionOf24HoursAndOneMinuteAsAStay() {
        Journey j = journey(trip().leg("PNH", "2020-09-14T08:00", "BKK", "2020-09-14T09:00")
                .leg("BKK", "2020-09-15T09:01", "NRT", "2020-09-15T17:00"));
        assertThat(j.connections().get(0).isStay()).isTrue();
    }

    @Test
    void shouldEnterAtTheInternationalArrivalAndLeaveFromADomesticConnection() {
        Journey j = journey(trip().leg("PNH", "2020-09-14T23:50", "NRT", "2020-09-15T07:30")
                .leg("NRT", "2020-09-16T10:00", "ITM", "2020-09-16T11:30")
                .leg("KIX", "2020-10-20T10:30", "PNH", "2020-10-20T14:00"));
        assertThat(j.entryAt()).hasToString("2020-09-15T07:30+09:00");
        assertThat(j.stayDays()).isEqualTo(35);
    }

    @Test
    void shouldRefuseAnArrivalBeforeItsDeparture() {
        assertThatThrownBy(() -> journey(trip().leg("PNH", "2020-09-14T23:50", "NRT", "2020-09-14T07:30")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                        .anySatisfy(f -> assertThat(f.field()).isEqualTo("itinerary[0].arrival")));
    }

    @Test
    void shouldRefuseALegThatDepartsBeforeThePreviousArrives() {
        assertThatThrownBy(() -> journey(trip().leg("PNH", "2020-09-14T08:00", "BKK", "2020-09-14T09:10")
                .leg("BKK", "2020-09-14T09:00", "NRT", "2020-09-14T17:00")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                        .anySatisfy(f -> assertThat(f.field()).isEqualTo("itinerary[1].departure")));
    }

    @Test
    void shouldRefuseALegThatDepartsFromAnotherCountryThanThePreviousArrival() {
        assertThatThrownBy(() -> journey(trip().leg("PNH", "2020-09-14T23:50", "NRT", "2020-09-15T07:30")
                .leg("BKK", "2020-10-20T10:30", "PNH", "2020-10-20T12:00")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                        .anySatisfy(f -> assertThat(f.field()).isEqualTo("itinerary[1].from")));
    }

    @Test
    void shouldRefuseAnItineraryThatNeverLeavesTheOrigin() {
        assertThatThrownBy(() -> journey(trip().leg("REP", "2020-09-14T08:00", "PNH", "2020-09-14T09:00")))
                .isInstanceOf(InvalidInputException.class);
    }
}
