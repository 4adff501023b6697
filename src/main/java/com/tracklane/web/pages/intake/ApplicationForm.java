package com.tracklane.web.pages.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tracklane.common.FieldError;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The intake form as typed: every input is named by its path in the API's application body
 * ({@code applicant.givenName}, {@code request.itinerary[1].arrival} …), so that the body is built from the names and
 * a problem's field path points back at the input it came from. Blank inputs are left out of the body; a group whose
 * inputs are all blank is left out as a whole; rows of the lists (legs, transits, places) keep their positions.
 */
@TemplateData
public final class ApplicationForm {

    static final List<String> APPLICANT = List.of("givenName", "familyName", "passportNumber", "nationality", "dateOfBirth", "email");
    static final List<String> LEG = List.of("flight", "from", "to", "departure", "arrival");
    static final List<String> TRANSIT = List.of("airport", "leavesAirport", "afterLeg");
    static final List<String> PLACE = List.of("name", "address", "lat", "lon");
    /** The trip's single inputs (lists apart). */
    static final List<String> TRIP = List.of("track",
            "traveller.nationality", "traveller.residenceCountry", "traveller.statusOfResidence", "traveller.certificateOfEligibility",
            "traveller.recentCountries",
            "preDepartureTest.method", "preDepartureTest.specimen", "preDepartureTest.result", "preDepartureTest.sampledAt",
            "healthMonitoring.from", "healthMonitoring.maxTemperatureC",
            "sponsor.kind", "sponsor.name", "sponsor.country", "sponsor.pledgeSigned",
            "insurance.kind", "insurance.coverageUsd", "visa.kind", "visa.issuedOn", "guarantee.issuedOn",
            "activitySchedule.accommodation.name", "activitySchedule.accommodation.address",
            "activitySchedule.accommodation.lat", "activitySchedule.accommodation.lon");
    static final Set<String> NUMBERS = Set.of("maxTemperatureC", "coverageUsd", "lat", "lon", "afterLeg");
    static final Set<String> BOOLEANS = Set.of("certificateOfEligibility", "pledgeSigned", "leavesAirport");
    /** Recent countries: "" not declared, "none" declared without a stay abroad, "list" the countries selected. */
    public static final String RECENT = "request.traveller.recentCountries";
    public static final String RECENT_DECLARED = "recentCountriesDeclared";
    static final int MAX_ROWS = 32;
    static final int MAX_PLACES = 100;

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final List<String> summary = new ArrayList<>();
    private int legs = 1;
    private int transits;
    private int places;
    private String idempotencyKey = UUID.randomUUID().toString();

    /** A blank form with one leg and a fresh idempotency key. */
    public static ApplicationForm blank() {
        return new ApplicationForm();
    }

    /** The form as posted: values, row counts and the key it was rendered with. */
    public static ApplicationForm posted(Map<String, List<String>> form) {
        ApplicationForm f = new ApplicationForm();
        f.legs = count(form, "legs", 1, MAX_ROWS);
        f.transits = count(form, "transits", 0, MAX_ROWS);
        f.places = count(form, "places", 0, MAX_PLACES);
        String key = first(form, "idempotencyKey");
        if (key != null && key.matches("[0-9a-f-]{36}")) {
            f.idempotencyKey = key;
        }
        for (String name : f.names()) {
            if (name.equals(RECENT)) {
                List<String> chosen = form.getOrDefault(RECENT, List.of()).stream().filter(s -> s != null && !s.isBlank()).toList();
                f.values.put(RECENT, String.join(",", chosen));
            } else {
                String v = first(form, name);
                f.values.put(name, v == null ? "" : v.strip());
            }
        }
        String declared = first(form, RECENT_DECLARED);
        f.values.put(RECENT_DECLARED, declared == null ? "" : declared);
        return f;
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> all = form.get(name);
        return all == null || all.isEmpty() ? null : all.get(0);
    }

    private static int count(Map<String, List<String>> form, String name, int min, int max) {
        String v = first(form, name);
        try {
            return v == null ? min : Math.max(min, Math.min(max, Integer.parseInt(v.strip())));
        } catch (NumberFormatException e) {
            return min;
        }
    }

    /** A form filled from a stored application (applicant may be null: the user does not see personal data). */
    public static ApplicationForm of(Map<String, String> applicant, JsonNode request) {
        ApplicationForm f = new ApplicationForm();
        if (applicant != null) {
            applicant.forEach((k, v) -> f.values.put("applicant." + k, v == null ? "" : v));
        }
        f.legs = Math.max(1, Math.min(MAX_ROWS, request.path("itinerary").size()));
        f.transits = Math.min(MAX_ROWS, request.path("transits").size());
        f.places = Math.min(MAX_PLACES, request.path("activitySchedule").path("places").size());
        for (String name : f.names()) {
            if (name.startsWith("request.")) {
                JsonNode node = FormBodies.at(request, name.substring("request.".length()));
                if (name.equals(RECENT)) {
                    List<String> codes = new ArrayList<>();
                    node.forEach(c -> codes.add(c.asText()));
                    f.values.put(RECENT, String.join(",", codes));
                    f.values.put(RECENT_DECLARED, node.isArray() ? (codes.isEmpty() ? "none" : "list") : "");
                } else {
                    f.values.put(name, node.isMissingNode() || node.isNull() ? "" : node.asText());
                }
            }
        }
        return f;
    }

    /** Every input's name, in the order of the page. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        APPLICANT.forEach(n -> out.add("applicant." + n));
        TRIP.forEach(n -> out.add("request." + n));
        for (int i = 0; i < legs; i++) {
            for (String n : LEG) {
                out.add("request.itinerary[" + i + "]." + n);
            }
        }
        for (int i = 0; i < transits; i++) {
            for (String n : TRANSIT) {
                out.add("request.transits[" + i + "]." + n);
            }
        }
        for (int i = 0; i < places; i++) {
            for (String n : PLACE) {
                out.add("request.activitySchedule.places[" + i + "]." + n);
            }
        }
        return out;
    }

    /** Adds or removes a row on the user's request ({@code addLeg}, {@code removeLeg-2}, …); false for an unknown one. */
    public boolean apply(String op) {
        if (op == null) {
            return false;
        }
        switch (op) {
            case "addLeg" -> legs = Math.min(MAX_ROWS, legs + 1);
            case "addTransit" -> transits = Math.min(MAX_ROWS, transits + 1);
            case "addPlace" -> places = Math.min(MAX_PLACES, places + 1);
            default -> {
                String[] parts = op.split("-", 2);
                if (parts.length != 2 || !parts[1].matches("\\d{1,3}")) {
                    return false;
                }
                int index = Integer.parseInt(parts[1]);
                switch (parts[0]) {
                    case "removeLeg" -> legs = remove("request.itinerary", LEG, index, legs, 1);
                    case "removeTransit" -> transits = remove("request.transits", TRANSIT, index, transits, 0);
                    case "removePlace" -> places = remove("request.activitySchedule.places", PLACE, index, places, 0);
                    default -> {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private int remove(String list, List<String> fields, int index, int rows, int min) {
        if (index < 0 || index >= rows || rows <= min) {
            return rows;
        }
        for (int i = index; i < rows - 1; i++) {
            for (String f : fields) {
                values.put(list + "[" + i + "]." + f, v(list + "[" + (i + 1) + "]." + f));
            }
        }
        for (String f : fields) {
            values.remove(list + "[" + (rows - 1) + "]." + f);
        }
        return rows - 1;
    }

    /** The API's application body ({@code applicant}, {@code request}) from what was typed ({@link FormBodies}). */
    public ObjectNode toJson(ObjectMapper mapper) {
        return FormBodies.body(this, mapper);
    }

    /**
     * Places each problem next to its input: the input with the problem's path, else the first input below it
     * ({@code request.itinerary} → the first leg), else only the summary. Messages are keys of {@link IntakeMsg}.
     */
    public void reject(List<FieldError> problems) {
        List<String> names = names();
        for (FieldError e : problems) {
            String field = e.field() == null ? "" : e.field();
            String target = field.equals("request.itinerary") ? "request.itinerary[0].from" // no leg at all: the first one's airport
                    : names.contains(field) ? field
                    : names.stream().filter(n -> n.startsWith(field + ".") || n.startsWith(field + "[")).findFirst().orElse(null);
            if (target == null && field.startsWith(RECENT)) {
                target = RECENT;
            }
            String key = IntakeErrors.keyFor(field, e.message());
            if (target != null) {
                errors.putIfAbsent(target, key);
            } else if (!summary.contains(key)) {
                summary.add(key);
            }
        }
    }

    /** A problem for the whole form (no field), as a key of {@link IntakeMsg}. */
    public void problem(String key) {
        summary.add(key);
    }

    /** The name of a list's input: {@code at("request.itinerary", 1, "from")} is {@code request.itinerary[1].from}. */
    public String at(String list, int index, String field) {
        return list + "[" + index + "]." + field;
    }

    /** A browser's local date-time input while the value is a local time (or empty); else text, to keep an offset. */
    public String timeType(String name) {
        String v = v(name);
        return v.isEmpty() || v.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?") ? "datetime-local" : "text";
    }

    public String v(String name) {
        return values.getOrDefault(name, "");
    }

    /** Whether a multi-valued input (recent countries) holds {@code code}. */
    public boolean chosen(String name, String code) {
        return List.of(v(name).split(",")).contains(code);
    }

    /** The message key of the input's problem, or null. */
    public String error(String name) {
        return errors.get(name);
    }

    /** An id for the input's element ({@code request.itinerary[0].from} → {@code f-request-itinerary-0-from}). */
    public String id(String name) {
        return idOf(name);
    }

    static String idOf(String name) {
        return "f-" + name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
    }

    /** The problems in page order, for the summary: the input's id and the message key. */
    public List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        for (String name : names()) {
            if (errors.containsKey(name)) {
                out.add(new Problem(idOf(name), name, errors.get(name)));
            }
        }
        if (errors.containsKey(RECENT) && !names().contains(RECENT)) {
            out.add(new Problem(idOf(RECENT), RECENT, errors.get(RECENT)));
        }
        summary.forEach(k -> out.add(new Problem(null, null, k)));
        return out;
    }

    public boolean hasProblems() {
        return !errors.isEmpty() || !summary.isEmpty();
    }

    /** One line of the error summary: where (an input id, or null), the input's label key and row, and the message key. */
    @TemplateData
    public record Problem(String id, String name, String key) {
        public String label() {
            return name == null ? "" : labelOf(name);
        }

        public int row() {
            return name == null ? 0 : rowOf(name);
        }
    }

    /** The message key of an input's label: its path without positions ({@code label_itinerary_from}). */
    public String label(String name) {
        return labelOf(name);
    }

    static String labelOf(String name) {
        String p = name.replaceAll("\\[\\d+]", "");
        if (p.startsWith("request.")) {
            p = p.substring("request.".length());
        }
        return "label_" + p.replace('.', '_');
    }

    /** The 1-based row of an input in a list (leg 2 …), 0 outside lists. */
    static int rowOf(String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(name);
        return m.find() ? Integer.parseInt(m.group(1)) + 1 : 0;
    }

    /** Whether a section ({@code preDepartureTest} …) holds anything typed or a problem: it is shown open. */
    public boolean open(String section) {
        String prefix = "request." + section;
        return values.entrySet().stream().anyMatch(e -> e.getKey().startsWith(prefix) && !e.getValue().isEmpty())
                || errors.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }

    /** The input's problem and hint ids for aria-describedby, or empty. */
    public String describedBy(String name, Object hint) {
        String id = idOf(name);
        boolean hasHint = hint instanceof Boolean b ? b : hint != null && !hint.toString().isEmpty();
        return ((hasHint ? id + "-hint " : "") + (errors.containsKey(name) ? id + "-error" : "")).strip();
    }

    public int getLegs() {
        return legs;
    }

    public int getTransits() {
        return transits;
    }

    public int getPlaces() {
        return places;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    /** The row indexes 0 … n-1, for templates. */
    public List<Integer> rows(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    /** Values, for tests. */
    Map<String, String> values() {
        return values;
    }
}
