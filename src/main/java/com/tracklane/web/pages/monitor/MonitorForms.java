package com.tracklane.web.pages.monitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tracklane.reference.Airport;
import com.tracklane.reference.AirportDirectory;
import com.tracklane.web.pages.desk.FormErrors.FormField;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The monitoring desk's forms as the JSON bodies the API takes, so the compliance services check them exactly as they
 * check the API's requests (the contract's schema, then their own rules) and their field paths come back to the form
 * fields. Times are typed in the place's local time; the page adds the zone's offset (the arrival airport's, or the
 * monitoring's). What cannot be read is passed on as typed, so the service names the field.
 */
final class MonitorForms {

    static final AirportDirectory AIRPORTS = AirportDirectory.standard();

    static final Map<String, FormField> ARRIVAL = Map.of(
            "arrivedAt", new FormField("arrivedAt", "monitor_arrivedAt", "monitor_errArrivedAt"),
            "airport", new FormField("arrivalAirport", "monitor_airport", "monitor_errAirport"),
            "quarantineAddress.address", new FormField("address", "monitor_address", "monitor_errAddress"),
            "quarantineAddress.lat", new FormField("addressLat", "monitor_lat", "monitor_errLat"),
            "quarantineAddress.lon", new FormField("addressLon", "monitor_lon", "monitor_errLon"),
            "quarantineAddress", new FormField("address", "monitor_address", "monitor_errAddress"));
    static final FormField ARRIVAL_FALLBACK = new FormField("arrivedAt", "monitor_arrivedAt", "monitor_errArrivedAt");

    static final Map<String, FormField> CHECK_IN = Map.of(
            "at", new FormField("at", "monitor_checkInAt", "monitor_errCheckInAt"),
            "temperatureC", new FormField("temperature", "monitor_temperature", "monitor_errTemperature"),
            "symptoms", new FormField("symptoms", "monitor_symptoms", "monitor_errSymptoms"),
            "location.lat", new FormField("lat", "monitor_lat", "monitor_errLat"),
            "location.lon", new FormField("lon", "monitor_lon", "monitor_errLon"),
            "location", new FormField("lat", "monitor_lat", "monitor_errLat"),
            "transport", new FormField("transport", "monitor_transport", "desk_errChoose"),
            "testResult", new FormField("testResult", "monitor_testResult", "desk_errChoose"));
    static final FormField CHECK_IN_FALLBACK = new FormField("at", "monitor_checkInAt", "monitor_errCheckInAt");

    static final Map<String, FormField> DEPARTURE = Map.of(
            "departedAt", new FormField("departedAt", "monitor_departedAt", "monitor_errDepartedAt"),
            "airport", new FormField("departureAirport", "monitor_airport", "monitor_errAirport"));
    static final FormField DEPARTURE_FALLBACK = new FormField("departedAt", "monitor_departedAt", "monitor_errDepartedAt");

    private MonitorForms() {
    }

    /** The arrival form as the API's arrival body; the time is in the arrival airport's zone. */
    static ObjectNode arrival(ObjectMapper mapper, Map<String, String> form, String destination) {
        ObjectNode body = mapper.createObjectNode();
        String airport = upper(form.get("airport"));
        ZoneId zone = airport(airport).map(Airport::zone).orElse(defaultZone(destination));
        text(body, "arrivedAt", instant(form.get("arrivedAt"), zone));
        text(body, "airport", airport);
        ObjectNode address = body.putObject("quarantineAddress");
        text(address, "address", form.get("address"));
        number(address, "lat", form.get("addressLat"));
        number(address, "lon", form.get("addressLon"));
        return body;
    }

    /**
     * The symptoms a monitor ticks on the check-in form (the API takes any words; the desk offers the usual ones,
     * named in the page's language, so nobody types a code).
     */
    static final List<String> SYMPTOMS = List.of("COUGH", "SORE_THROAT", "SHORTNESS_OF_BREATH", "FATIGUE", "HEADACHE",
            "LOSS_OF_TASTE_OR_SMELL", "DIARRHOEA");

    /** One tick box of the symptoms: its value, the key of its name, and whether it was ticked. */
    public record SymptomChoice(String code, String labelKey, boolean checked) {
    }

    /** The tick boxes, ticked as in {@code typed} (the ticked values joined with commas). */
    static List<SymptomChoice> symptomChoices(String typed) {
        java.util.Set<String> ticked = typed == null ? java.util.Set.of() : java.util.Set.of(typed.split(","));
        return SYMPTOMS.stream().map(c -> new SymptomChoice(c, "monitor_symptom_" + c, ticked.contains(c))).toList();
    }

    /** The check-in form as the API's check-in body; the time is in the monitoring's zone. */
    static ObjectNode checkIn(ObjectMapper mapper, Map<String, String> form, ZoneId zone) {
        ObjectNode body = mapper.createObjectNode();
        text(body, "at", instant(form.get("at"), zone));
        number(body, "temperatureC", form.get("temperature"));
        String symptoms = form.get("symptoms");
        ArrayNode list = body.putArray("symptoms");
        if (symptoms != null) {
            for (String s : symptoms.split("[,、\\n]")) {
                if (!s.isBlank()) {
                    list.add(s.trim());
                }
            }
        }
        ObjectNode location = body.putObject("location");
        number(location, "lat", form.get("lat"));
        number(location, "lon", form.get("lon"));
        text(body, "transport", form.get("transport"));
        String test = form.get("testResult");
        if (test != null && !test.isBlank()) {
            body.put("testResult", test);
        }
        return body;
    }

    /** The departure form as the API's departure body; the time is in the monitoring's zone. */
    static ObjectNode departure(ObjectMapper mapper, Map<String, String> form, ZoneId zone) {
        ObjectNode body = mapper.createObjectNode();
        text(body, "departedAt", instant(form.get("departedAt"), zone));
        String airport = upper(form.get("airport"));
        if (airport != null && !airport.isBlank()) {
            body.put("airport", airport);
        }
        return body;
    }

    static Optional<Airport> airport(String code) {
        return code == null || code.isBlank() ? Optional.empty() : AIRPORTS.find(code);
    }

    static ZoneId defaultZone(String country) {
        return "KH".equals(country) ? ZoneId.of("Asia/Phnom_Penh") : ZoneId.of("Asia/Tokyo");
    }

    /** {@code 2020-09-15T07:30} in {@code zone} → {@code 2020-09-15T07:30+09:00}; unreadable text stays as typed. */
    static String instant(String local, ZoneId zone) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.trim()).atZone(zone).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            return local;
        }
    }

    private static String upper(String s) {
        return s == null ? null : s.trim().toUpperCase(java.util.Locale.ROOT);
    }

    private static void text(ObjectNode node, String name, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(name, value);
        }
    }

    /** A number as typed (a comma as decimal mark is read too); what is not a number is passed on as text. */
    private static void number(ObjectNode node, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        String v = value.trim().replace(',', '.');
        try {
            node.put(name, new BigDecimal(v));
        } catch (NumberFormatException e) {
            node.put(name, value);
        }
    }
}
