package com.tracklane.web.pages.checker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tracklane.common.Times;
import com.tracklane.reference.Airport;
import com.tracklane.web.i18n.Msg;
import com.tracklane.web.pages.checker.TripForm.Rows;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds the eligibility request (the API's JSON) from the trip form, and says in the visitor's language what is wrong
 * with a field before the request goes to the same schema check and service as the API's: airports are resolved from
 * codes or names, dates and numbers are read, empty sections are left out. Problems are keyed by the field's name, which
 * is the API's field path.
 */
public final class TripRequest {

    /** The request (null when a field is wrong) and the problems by field. */
    public record Built(ObjectNode json, Map<String, String> errors, Map<String, Airport> airports) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private final Airports airports;
    private final ObjectMapper mapper;

    public TripRequest(Airports airports, ObjectMapper mapper) {
        this.airports = airports;
        this.mapper = mapper;
    }

    public Built build(TripForm form, Msg msg) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Airport> resolved = new LinkedHashMap<>();
        ObjectNode root = mapper.createObjectNode();
        text(form, "track", root, "track", errors, msg);
        String knownAt = form.value("knownAt");
        if (knownAt != null) {
            Optional<Instant> instant = knownAt(knownAt);
            if (instant.isPresent()) {
                root.put("knownAt", instant.get().toString());
            } else {
                errors.put("knownAt", msg.fieldDate());
            }
        }
        ObjectNode traveller = mapper.createObjectNode();
        text(form, "traveller.nationality", traveller, "nationality", errors, msg);
        text(form, "traveller.residenceCountry", traveller, "residenceCountry", errors, msg);
        text(form, "traveller.statusOfResidence", traveller, "statusOfResidence", errors, msg);
        bool(form, "traveller.certificateOfEligibility", traveller, "certificateOfEligibility");
        if (!form.recentCountries().isEmpty()) {
            ArrayNode recent = traveller.putArray("recentCountries");
            form.recentCountries().forEach(recent::add);
        }
        putIfAny(root, "traveller", traveller);

        ArrayNode itinerary = root.putArray("itinerary");
        for (int i = 0; i < form.count(Rows.LEGS); i++) {
            ObjectNode leg = mapper.createObjectNode();
            text(form, Rows.LEGS.field(i, "flight"), leg, "flight", errors, msg);
            Airport from = airport(form, Rows.LEGS.field(i, "from"), leg, "from", errors, msg, resolved);
            Airport to = airport(form, Rows.LEGS.field(i, "to"), leg, "to", errors, msg, resolved);
            Optional<Instant> departure = dateTime(form, Rows.LEGS.field(i, "departure"), leg, "departure", true, from, errors, msg);
            Optional<Instant> arrival = dateTime(form, Rows.LEGS.field(i, "arrival"), leg, "arrival", true, to, errors, msg);
            if (departure.isPresent() && arrival.isPresent() && !arrival.get().isAfter(departure.get())) {
                errors.put(Rows.LEGS.field(i, "arrival"), msg.arrivalBeforeDeparture());
            }
            itinerary.add(leg);
        }
        ArrayNode transits = mapper.createArrayNode();
        for (int i = 0; i < form.count(Rows.TRANSITS); i++) {
            ObjectNode transit = mapper.createObjectNode();
            String airportField = Rows.TRANSITS.field(i, "airport");
            if (form.value(airportField) == null) {
                continue; // an empty row is no transit
            }
            airport(form, airportField, transit, "airport", errors, msg, resolved);
            bool(form, Rows.TRANSITS.field(i, "leavesAirport"), transit, "leavesAirport");
            number(form, Rows.TRANSITS.field(i, "afterLeg"), transit, "afterLeg", errors, msg, true);
            transits.add(transit);
        }
        if (!transits.isEmpty()) {
            root.set("transits", transits);
        }
        Airport firstFrom = resolved.get(Rows.LEGS.field(0, "from"));

        ObjectNode test = mapper.createObjectNode();
        text(form, "preDepartureTest.method", test, "method", errors, msg);
        text(form, "preDepartureTest.specimen", test, "specimen", errors, msg);
        text(form, "preDepartureTest.result", test, "result", errors, msg);
        dateTime(form, "preDepartureTest.sampledAt", test, "sampledAt", false, firstFrom, errors, msg);
        putIfAny(root, "preDepartureTest", test);

        ObjectNode health = mapper.createObjectNode();
        date(form, "healthMonitoring.from", health, "from", errors, msg);
        number(form, "healthMonitoring.maxTemperatureC", health, "maxTemperatureC", errors, msg, false);
        putIfAny(root, "healthMonitoring", health);

        ObjectNode sponsor = mapper.createObjectNode();
        text(form, "sponsor.kind", sponsor, "kind", errors, msg);
        text(form, "sponsor.name", sponsor, "name", errors, msg);
        text(form, "sponsor.country", sponsor, "country", errors, msg);
        bool(form, "sponsor.pledgeSigned", sponsor, "pledgeSigned");
        putIfAny(root, "sponsor", sponsor);

        ObjectNode insurance = mapper.createObjectNode();
        text(form, "insurance.kind", insurance, "kind", errors, msg);
        number(form, "insurance.coverageUsd", insurance, "coverageUsd", errors, msg, false);
        putIfAny(root, "insurance", insurance);

        ObjectNode visa = mapper.createObjectNode();
        text(form, "visa.kind", visa, "kind", errors, msg);
        date(form, "visa.issuedOn", visa, "issuedOn", errors, msg);
        putIfAny(root, "visa", visa);

        ObjectNode guarantee = mapper.createObjectNode();
        date(form, "guarantee.issuedOn", guarantee, "issuedOn", errors, msg);
        putIfAny(root, "guarantee", guarantee);

        ObjectNode schedule = mapper.createObjectNode();
        ObjectNode accommodation = place(form, "activitySchedule.accommodation.", errors, msg);
        putIfAny(schedule, "accommodation", accommodation);
        ArrayNode places = mapper.createArrayNode();
        for (int i = 0; i < form.count(Rows.PLACES); i++) {
            ObjectNode p = place(form, Rows.PLACES.path + "[" + i + "].", errors, msg);
            if (!p.isEmpty()) {
                places.add(p);
            }
        }
        if (!places.isEmpty()) {
            schedule.set("places", places);
        }
        putIfAny(root, "activitySchedule", schedule);
        return new Built(errors.isEmpty() ? root : null, errors, resolved);
    }

    private ObjectNode place(TripForm form, String prefix, Map<String, String> errors, Msg msg) {
        ObjectNode p = mapper.createObjectNode();
        text(form, prefix + "name", p, "name", errors, msg);
        text(form, prefix + "address", p, "address", errors, msg);
        number(form, prefix + "lat", p, "lat", errors, msg, false);
        number(form, prefix + "lon", p, "lon", errors, msg, false);
        return p;
    }

    private static void putIfAny(ObjectNode parent, String name, ObjectNode child) {
        if (!child.isEmpty()) {
            parent.set(name, child);
        }
    }

    private static void text(TripForm form, String field, ObjectNode into, String name, Map<String, String> errors, Msg msg) {
        String v = form.value(field);
        if (v != null) {
            into.put(name, v);
        }
    }

    private static void bool(TripForm form, String field, ObjectNode into, String name) {
        String v = form.value(field);
        if ("true".equals(v) || "false".equals(v)) {
            into.put(name, Boolean.parseBoolean(v));
        }
    }

    private static void number(TripForm form, String field, ObjectNode into, String name, Map<String, String> errors, Msg msg,
                               boolean integer) {
        String v = form.value(field);
        if (v == null) {
            return;
        }
        try {
            BigDecimal n = new BigDecimal(v.replace(',', '.'));
            if (integer) {
                into.put(name, n.intValueExact());
            } else {
                into.put(name, n);
            }
        } catch (NumberFormatException | ArithmeticException notANumber) {
            errors.put(field, msg.fieldNumber());
        }
    }

    private static void date(TripForm form, String field, ObjectNode into, String name, Map<String, String> errors, Msg msg) {
        String v = form.value(field);
        if (v == null) {
            return;
        }
        try {
            into.put(name, LocalDate.parse(v).toString());
        } catch (DateTimeParseException notADate) {
            errors.put(field, msg.fieldDate());
        }
    }

    /** A local date-time (datetime-local gives 2020-09-14T23:50) or one with an offset; read in the airport's zone. */
    private static Optional<Instant> dateTime(TripForm form, String field, ObjectNode into, String name, boolean required,
                                              Airport at, Map<String, String> errors, Msg msg) {
        String v = form.value(field);
        if (v == null) {
            if (required) {
                errors.put(field, msg.fieldRequired());
            }
            return Optional.empty();
        }
        String text = v.replace(' ', 'T');
        if (!text.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*")) {
            errors.put(field, msg.fieldDateTime());
            return Optional.empty();
        }
        into.put(name, text);
        if (at == null) {
            return Optional.empty();
        }
        Optional<Instant> instant = Times.parse(text, at.zone());
        if (instant.isEmpty()) {
            errors.put(field, msg.fieldDateTime());
        }
        return instant;
    }

    private Airport airport(TripForm form, String field, ObjectNode into, String name, Map<String, String> errors, Msg msg,
                            Map<String, Airport> resolved) {
        String typed = form.value(field);
        if (typed == null) {
            errors.put(field, msg.fieldRequired());
            return null;
        }
        Airports.Resolution r = airports.resolve(typed);
        if (r instanceof Airports.Found found) {
            into.put(name, found.airport().iata());
            resolved.put(field, found.airport());
            return found.airport();
        }
        if (r instanceof Airports.Ambiguous several) {
            errors.put(field, msg.airportAmbiguous(typed, several.choices().stream()
                    .map(a -> a.name() + " (" + a.iata() + ")").collect(Collectors.joining(", "))));
        } else {
            errors.put(field, msg.airportUnknown(typed));
        }
        return null;
    }

    /** "2020-09-10" (the start of that day, UTC) or an instant such as 2020-09-10T00:00:00Z. */
    static Optional<Instant> knownAt(String text) {
        try {
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return Optional.of(LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
            }
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }
}
