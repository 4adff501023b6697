package com.tracklane.web.pages.checker;

import com.tracklane.reference.Airport;
import com.tracklane.web.i18n.PageLanguage;
import com.tracklane.web.pages.checker.TripForm.Rows;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What the trip form's template shows: each field with its value as typed, its problem (in the visitor's language) and
 * its options, the rows of flights, transits and places, the error summary, and the airports' time zones once known.
 */
@TemplateData
public final class CheckerView {

    /** One input or select. {@code id} is derived from the name (the API's field path). */
    @TemplateData
    public record Field(String name, String id, String value, String error, List<Choice> options) {
        public boolean hasError() {
            return error != null;
        }
    }

    /** One option of a select. */
    @TemplateData
    public record Choice(String value, String label, boolean selected) {
    }

    /** One row of a list (a flight, a transit, a place): its index and number (index + 1). */
    @TemplateData
    public record Row(String path, int index, int number, boolean removable) {
        public String name(String field) {
            return path + "[" + index + "]." + field;
        }
    }

    /** A problem in the summary, linking to its field. */
    @TemplateData
    public record Problem(String id, String text) {
    }

    /** An airport suggestion: the code and its description. */
    @TemplateData
    public record Suggestion(String code, String label) {
    }

    static final List<String> STATUSES_OF_RESIDENCE = List.of("TECHNICAL_INTERN", "SPECIFIED_SKILLED_WORKER", "BUSINESS_MANAGER",
            "INTRA_COMPANY_TRANSFEREE", "ENGINEER_HUMANITIES_INTERNATIONAL", "NURSING_CARE", "HIGHLY_SKILLED_PROFESSIONAL", "START_UP",
            "STUDENT", "TEMPORARY_VISITOR");
    static final Map<String, List<String>> ENUMS = Map.of(
            "track", List.of("RESIDENT", "BUSINESS"),
            "method", List.of("PCR", "LAMP", "OTHER_NAAT", "QUANTITATIVE_ANTIGEN", "QUALITATIVE_ANTIGEN", "ANTIBODY"),
            "specimen", List.of("NASOPHARYNGEAL", "SALIVA", "NASAL", "NASOPHARYNGEAL_AND_OROPHARYNGEAL", "THROAT"),
            "test", List.of("NEGATIVE", "POSITIVE"),
            "sponsor", List.of("ORGANISATION", "INDIVIDUAL"),
            "insurance", List.of("PRIVATE_MEDICAL", "KH_COVID19_PACKAGE"),
            "visa", List.of("EMBASSY", "ON_ARRIVAL", "E_VISA"),
            "residence", STATUSES_OF_RESIDENCE);

    private final TripForm form;
    private final Map<String, String> errors;
    private final Map<String, Airport> airports;
    private final Labels labels;
    private final PageLanguage language;
    private final List<Suggestion> suggestions;
    private final List<String[]> countries;

    public CheckerView(TripForm form, Map<String, String> errors, Map<String, Airport> airports, Labels labels,
                       PageLanguage language, Airports directory) {
        this.form = form;
        this.errors = errors;
        this.airports = airports;
        this.labels = labels;
        this.language = language;
        Locale locale = language.getLocale();
        this.suggestions = directory.suggestions().stream()
                .map(a -> new Suggestion(a.iata(), a.name() + " – " + a.city() + ", " + Countries.name(a.country(), locale))).toList();
        this.countries = Countries.all(locale);
    }

    public static String idOf(String name) {
        return "f-" + name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
    }

    /** A text field. */
    public Field field(String name) {
        return new Field(name, idOf(name), form.get(name), errors.get(name), List.of());
    }

    /** A select of one of the request's value lists ({@link #ENUMS}), "yesno", "country" or "afterLeg". */
    public Field select(String name, String kind) {
        String current = form.get(name);
        List<Choice> options = new ArrayList<>();
        switch (kind) {
            case "yesno" -> {
                options.add(new Choice("", labels.msg().notStated(), current.isEmpty()));
                options.add(new Choice("true", labels.msg().yes(), current.equals("true")));
                options.add(new Choice("false", labels.msg().no(), current.equals("false")));
            }
            case "country" -> {
                options.add(new Choice("", labels.msg().chooseCountry(), current.isEmpty()));
                countries.forEach(c -> options.add(new Choice(c[0], c[1], c[0].equals(current))));
            }
            case "afterLeg" -> {
                options.add(new Choice("", labels.msg().transitAfterLegAny(), current.isEmpty()));
                IntStream.range(0, form.count(Rows.LEGS)).forEach(i -> options.add(
                        new Choice(String.valueOf(i), labels.msg().legNumber(i + 1), current.equals(String.valueOf(i)))));
            }
            default -> {
                options.add(new Choice("", kind.equals("track") ? labels.msg().trackEither() : labels.msg().chooseOption(), current.isEmpty()));
                for (String value : ENUMS.get(kind)) {
                    String label = kind.equals("track") ? labels.msg().trackOnly(labels.of("track", value)) : labels.of(kind, value);
                    options.add(new Choice(value, label, value.equals(current)));
                }
                if (!current.isEmpty() && !ENUMS.get(kind).contains(current)) {
                    options.add(new Choice(current, current, true)); // a value from a reproduced check the list does not name
                }
            }
        }
        return new Field(name, idOf(name), current, errors.get(name), options);
    }

    /** The recent countries, several of them selectable. */
    public Field recentCountries() {
        List<Choice> options = countries.stream().map(c -> new Choice(c[0], c[1], form.recentCountries().contains(c[0]))).toList();
        return new Field(TripForm.RECENT_COUNTRIES, idOf(TripForm.RECENT_COUNTRIES), "", errors.get(TripForm.RECENT_COUNTRIES), options);
    }

    public List<Row> getLegs() {
        return rows(Rows.LEGS);
    }

    public List<Row> getTransits() {
        return rows(Rows.TRANSITS);
    }

    public List<Row> getPlaces() {
        return rows(Rows.PLACES);
    }

    public boolean canAdd(String path) {
        Rows rows = path.equals("itinerary") ? Rows.LEGS : path.equals("transits") ? Rows.TRANSITS : Rows.PLACES;
        return form.count(rows) < rows.max;
    }

    private List<Row> rows(Rows rows) {
        int n = form.count(rows);
        return IntStream.range(0, n).mapToObj(i -> new Row(rows.path, i, i + 1, n > rows.min)).toList();
    }

    /** "Local time at Phnom Penh International Airport: Indochina Time" once the airport of {@code airportField} is known. */
    public String zoneOf(String airportField) {
        Airport a = airports.get(airportField);
        if (a == null) {
            String typed = form.value(airportField);
            a = typed == null ? null : (Airports.codeIn(typed) == null ? null : airportsByCode(Airports.codeIn(typed)));
        }
        return a == null ? labels.msg().localTimeUnknown() : labels.msg().localTimeAt(a.name() + " (" + a.iata() + ")", language.zoneName(a.zone()));
    }

    private Airport airportsByCode(String code) {
        return com.tracklane.reference.AirportDirectory.standard().find(code).orElse(null);
    }

    /** Whether a section opens: a value or a problem under {@code prefix}. */
    public boolean open(String prefix) {
        return form.anyUnder(prefix) || errors.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }

    public List<Problem> getProblems() {
        return errors.entrySet().stream().map(e -> new Problem(e.getKey().startsWith("(") ? "main" : idOf(e.getKey()), e.getValue())).toList();
    }

    public boolean hasProblems() {
        return !errors.isEmpty();
    }

    public int problemCount() {
        return errors.size();
    }

    public List<Suggestion> getSuggestions() {
        return suggestions;
    }
}
