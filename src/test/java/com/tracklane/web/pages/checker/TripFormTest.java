package com.tracklane.web.pages.checker;

import static org.assertj.core.api.Assertions.assertThat;

import com.tracklane.reference.AirportDirectory;
import com.tracklane.web.pages.checker.TripForm.Rows;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trip form's rows and the airports typed into it. */
class TripFormTest {

    final Airports airports = new Airports(AirportDirectory.standard());

    @Test
    void shouldResolveAnAirportWhenItsCodeOrNameIsTyped() {
        assertThat(airports.resolve("pnh")).isEqualTo(new Airports.Found(AirportDirectory.standard().find("PNH").orElseThrow()));
        assertThat(((Airports.Found) airports.resolve("Narita")).airport().iata()).isEqualTo("NRT");
        assertThat(((Airports.Found) airports.resolve("PNH – Phnom Penh International Airport")).airport().iata()).isEqualTo("PNH");
        assertThat(((Airports.Found) airports.resolve("phnom penh")).airport().iata()).as("by name before by city").isEqualTo("PNH");
        assertThat(airports.resolve("Atlantis")).isInstanceOf(Airports.NotFound.class);
        assertThat(airports.resolve("International")).isInstanceOf(Airports.Ambiguous.class);
        assertThat(((Airports.Ambiguous) airports.resolve("International")).choices()).hasSize(Airports.MAX_CHOICES);
    }

    @Test
    void shouldMoveLaterRowsUpWhenARowIsRemoved() {
        TripForm form = TripForm.fromPost(Map.of(
                "itinerary[0].from", List.of("PNH"), "itinerary[1].from", List.of("BKK"), "itinerary[2].from", List.of("NRT"),
                "itinerary[2].flight", List.of("NH1"), "unknown.field", List.of("x")));
        assertThat(form.count(Rows.LEGS)).isEqualTo(3);
        form.removeRow(Rows.LEGS, 1);
        assertThat(form.count(Rows.LEGS)).isEqualTo(2);
        assertThat(form.get("itinerary[1].from")).isEqualTo("NRT");
        assertThat(form.get("itinerary[1].flight")).isEqualTo("NH1");
        assertThat(form.get("itinerary[2].from")).isEmpty();
        assertThat(form.values()).doesNotContainKey("unknown.field");
    }

    @Test
    void shouldKeepAtLeastOneFlightAndAtMostEightWhenRowsChange() {
        TripForm form = new TripForm();
        form.removeRow(Rows.LEGS, 0);
        assertThat(form.count(Rows.LEGS)).isEqualTo(1);
        for (int i = 0; i < 20; i++) {
            form.addRow(Rows.LEGS);
        }
        assertThat(form.count(Rows.LEGS)).isEqualTo(Rows.LEGS.max);
        assertThat(form.set("itinerary[40].from", "PNH")).isFalse();
    }
}
