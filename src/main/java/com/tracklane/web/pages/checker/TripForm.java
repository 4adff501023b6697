package com.tracklane.web.pages.checker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trip form exactly as typed: every value by the field name the API uses for it ({@code itinerary[0].from},
 * {@code traveller.nationality}, {@code activitySchedule.places[1].lat} …), so that the API's problems name the form's
 * fields, and so that the page can be shown again with everything kept. Rows (flights, transits, places) are added and
 * removed by buttons that re-render the form, which needs no JavaScript.
 */
public final class TripForm {

    /** A list of rows in the form: its name in the request, its fields, and how many rows it may have. */
    public enum Rows {
        LEGS("itinerary", List.of("flight", "from", "to", "departure", "arrival"), 1, 8),
        TRANSITS("transits", List.of("airport", "leavesAirport", "afterLeg"), 0, 6),
        PLACES("activitySchedule.places", List.of("name", "address", "lat", "lon"), 0, 10);

        public final String path;
        public final List<String> fields;
        public final int min;
        public final int max;

        Rows(String path, List<String> fields, int min, int max) {
            this.path = path;
            this.fields = fields;
            this.min = min;
            this.max = max;
        }

        public String field(int index, String field) {
            return path + "[" + index + "]." + field;
        }

        static Rows byPath(String path) {
            for (Rows r : values()) {
                if (r.path.equals(path)) {
                    return r;
                }
            }
            return null;
        }
    }

    /** Every single-valued field outside the rows. */
    public static final List<String> FIELDS = List.of("track", "knownAt",
            "traveller.nationality", "traveller.residenceCountry", "traveller.statusOfResidence", "traveller.certificateOfEligibility",
            "preDepartureTest.method", "preDepartureTest.specimen", "preDepartureTest.result", "preDepartureTest.sampledAt",
            "healthMonitoring.from", "healthMonitoring.maxTemperatureC",
            "sponsor.kind", "sponsor.name", "sponsor.country", "sponsor.pledgeSigned",
            "insurance.kind", "insurance.coverageUsd", "visa.kind", "visa.issuedOn", "guarantee.issuedOn",
            "activitySchedule.accommodation.name", "activitySchedule.accommodation.address",
            "activitySchedule.accommodation.lat", "activitySchedule.accommodation.lon");
    public static final String RECENT_COUNTRIES = "traveller.recentCountries";
    static final int MAX_VALUE_LENGTH = 500;
    static final Pattern ROW_FIELD = Pattern.compile("^(.+)\\[(\\d{1,2})]\\.([a-zA-Z]+)$");

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<Rows, Integer> counts = new LinkedHashMap<>();
    private final List<String> recentCountries = new ArrayList<>();

    public TripForm() {
        for (Rows r : Rows.values()) {
            counts.put(r, r.min);
        }
    }

    /** A form as posted (field name → values). Unknown names are ignored; values are cut to a sane length. */
    public static TripForm fromPost(Map<String, List<String>> posted) {
        TripForm form = new TripForm();
        posted.forEach((name, list) -> {
            if (list == null || list.isEmpty()) {
                return;
            }
            if (name.equals(RECENT_COUNTRIES)) {
                list.stream().filter(v -> v != null && v.matches("[A-Z]{2}")).limit(64).forEach(form.recentCountries::add);
            } else {
                form.set(name, list.get(0));
            }
        });
        return form;
    }

    /** The form for a request given as JSON (a reproduced check), every value as text. */
    public static TripForm fromJson(JsonNode request) {
        TripForm form = new TripForm();
        if (request != null && request.isObject()) {
            flatten("", request, form);
        }
        return form;
    }

    private static void flatten(String prefix, JsonNode node, TripForm form) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), form);
            }
        } else if (node.isArray()) {
            if (prefix.equals(RECENT_COUNTRIES)) {
                node.forEach(c -> form.recentCountries.add(c.asText()));
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), form);
            }
        } else if (!node.isNull()) {
            form.set(prefix, node.isNumber() ? node.numberValue().toString() : node.asText());
        }
    }

    /** Sets a value by field name; false (and nothing set) when the name is not a field of the form. */
    public boolean set(String name, String value) {
        if (value == null) {
            return false;
        }
        String v = value.length() > MAX_VALUE_LENGTH ? value.substring(0, MAX_VALUE_LENGTH) : value;
        if (FIELDS.contains(name)) {
            values.put(name, v);
            return true;
        }
        Matcher m = ROW_FIELD.matcher(name);
        if (m.matches()) {
            Rows rows = Rows.byPath(m.group(1));
            int index = Integer.parseInt(m.group(2));
            if (rows != null && index < rows.max && rows.fields.contains(m.group(3))) {
                values.put(name, v);
                counts.put(rows, Math.max(counts.get(rows), index + 1));
                return true;
            }
        }
        return false;
    }

    /** The value as typed, "" when none. */
    public String get(String name) {
        return values.getOrDefault(name, "");
    }

    /** The value without surrounding spaces, null when empty. */
    public String value(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /**
     * Writes times that carry an offset (2020-09-12T09:00+07:00, from a reproduced check) as the local time at their
     * airport, which is what the form's date-time fields hold: a flight's departure at its origin, its arrival at its
     * destination, the test's sample at the first departure airport. {@code zoneOf} gives an airport field's zone, or null.
     */
    public void localizeTimes(java.util.function.Function<String, java.time.ZoneId> zoneOf) {
        for (int i = 0; i < count(Rows.LEGS); i++) {
            localize(Rows.LEGS.field(i, "departure"), zoneOf.apply(Rows.LEGS.field(i, "from")));
            localize(Rows.LEGS.field(i, "arrival"), zoneOf.apply(Rows.LEGS.field(i, "to")));
        }
        localize("preDepartureTest.sampledAt", zoneOf.apply(Rows.LEGS.field(0, "from")));
    }

    private void localize(String field, java.time.ZoneId zone) {
        String v = value(field);
        if (v == null || zone == null || v.length() <= 16) {
            return;
        }
        com.tracklane.common.Times.parseWithOffset(v).ifPresent(instant ->
                values.put(field, java.time.LocalDateTime.ofInstant(instant, zone).withSecond(0).withNano(0).toString()));
    }

    /** Every value as typed, by field name. */
    public Map<String, String> values() {
        return java.util.Collections.unmodifiableMap(values);
    }

    public List<String> recentCountries() {
        return recentCountries;
    }

    public int count(Rows rows) {
        return counts.get(rows);
    }

    /** Adds an empty row at the end (up to the maximum). */
    public void addRow(Rows rows) {
        counts.put(rows, Math.min(rows.max, counts.get(rows) + 1));
    }

    /** Removes row {@code index}, moving the later rows up (never below the minimum). */
    public void removeRow(Rows rows, int index) {
        int n = counts.get(rows);
        if (index < 0 || index >= n || n <= rows.min) {
            return;
        }
        for (int i = index; i < n; i++) {
            for (String f : rows.fields) {
                String next = values.remove(rows.field(i + 1, f));
                if (next == null) {
                    values.remove(rows.field(i, f));
                } else {
                    values.put(rows.field(i, f), next);
                }
            }
        }
        counts.put(rows, n - 1);
    }

    /** True when any field of a group (a prefix such as {@code sponsor.}) has a value: its section opens. */
    public boolean anyUnder(String prefix) {
        return values.entrySet().stream().anyMatch(e -> e.getKey().startsWith(prefix) && !e.getValue().isBlank())
                || (prefix.startsWith("traveller.recent") && !recentCountries.isEmpty());
    }
}
