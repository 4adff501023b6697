package com.tracklane.track;

import static com.tracklane.support.Trips.trip;
import static org.assertj.core.api.Assertions.assertThat;

import com.tracklane.eligibility.engine.Evaluation;
import com.tracklane.eligibility.engine.Evaluator;
import com.tracklane.eligibility.engine.Facts;
import com.tracklane.eligibility.engine.FactsCalculator;
import com.tracklane.eligibility.engine.Journey;
import com.tracklane.eligibility.engine.JourneyAnalyzer;
import com.tracklane.eligibility.engine.Trip;
import com.tracklane.support.ShippedRuleSets;
import com.tracklane.support.Trips;
import com.tracklane.track.model.Localized;
import com.tracklane.track.model.RuleSetSpec;
import com.tracklane.track.model.VersionSpec;
import com.tracklane.track.model.VersionStatus;
import com.tracklane.track.model.Wording;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text rendered for people — each message of each rule, each obligation's detail, the built-in TRACK_OPEN and
 * warnings, of every version of every shipped rule set, in en, ja and km — over a generated set of requests: every
 * value of every enum, optional fields absent and present, and the boundaries of stays, test windows, health logs
 * and guarantees. Each version is evaluated on its own (so that every version renders every entry date) and within
 * its rule set.
 */
class RenderedTextsTest {

    private static final Set<String> CODES = codes();
    private static final Pattern CODE = Pattern.compile("(?<![A-Za-z0-9_])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?![A-Za-z0-9_])");
    private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}|[+-]\\d{2}:\\d{2}\\b");
    private static final Pattern WHOLE_DECIMAL = Pattern.compile("\\d\\.0(?!\\d)");
    private static final Pattern AMOUNT_WITHOUT_SEPARATOR = Pattern.compile("USD ?\\d{4,}");
    private static final Pattern EMPTY_BRACKETS = Pattern.compile("\\(\\s*\\)|（\\s*）|：\\s*）|:\\s*\\)|\\(\\s*[:,]|（\\s*[：、]");
    private static final Pattern NEGATIVE_COUNT = Pattern.compile("(?<![\\w\\d.])-\\d");
    private static final Pattern PLACEHOLDER = Pattern.compile("[{}]");
    private static final Pattern LATIN_UNIT = Pattern.compile("\\d\\s*(?:h|min|hours?|days?|nights?)(?![A-Za-z])");
    private static final Pattern RANGE = Pattern.compile("between (\\d{4}-\\d{2}-\\d{2}) and (\\d{4}-\\d{2}-\\d{2})");

    private static Set<String> codes() {
        Set<String> codes = new LinkedHashSet<>(Wording.codes());
        Stream.of(Trip.TestMethod.values(), Trip.Specimen.values(), Trip.TestResult.values(), Trip.InsuranceKind.values(),
                        Trip.VisaKind.values(), Trip.SponsorKind.values(), VersionStatus.values())
                .flatMap(Arrays::stream).map(Enum::name).forEach(codes::add);
        codes.removeAll(List.of("PCR", "LAMP")); // the names people use
        codes.addAll(java.util.Arrays.asList(java.util.Locale.getISOCountries())); // KH reads Cambodia from edition 3
        return codes;
    }

    /** What is wrong with one text, or an empty list. */
    static List<String> problems(String text, String language) {
        List<String> problems = new ArrayList<>();
        if (text == null || text.isBlank()) {
            problems.add("empty text");
            return problems;
        }
        Matcher code = CODE.matcher(text);
        while (code.find()) {
            if (CODES.contains(code.group())) {
                problems.add("leftover code " + code.group());
            }
        }
        find(problems, ISO_INSTANT, text, "ISO instant or offset");
        find(problems, WHOLE_DECIMAL, text, "'.0' amount");
        find(problems, AMOUNT_WITHOUT_SEPARATOR, text, "amount without thousands separator");
        find(problems, EMPTY_BRACKETS, text, "empty brackets");
        find(problems, NEGATIVE_COUNT, text, "negative count");
        find(problems, PLACEHOLDER, text, "unresolved placeholder");
        if (!language.equals("en")) {
            find(problems, LATIN_UNIT, text, "Latin-script unit in a " + language + " sentence");
        }
        Matcher range = RANGE.matcher(text);
        while (range.find()) {
            if (LocalDate.parse(range.group(1)).isAfter(LocalDate.parse(range.group(2)))) {
                problems.add("backwards range " + range.group());
            }
        }
        return problems;
    }

    private static void find(List<String> problems, Pattern pattern, String text, String what) {
        Matcher m = pattern.matcher(text);
        if (m.find()) {
            problems.add(what + " '" + m.group() + "'");
        }
    }

    @Test
    void shouldFindEachKindOfDefectInAText() {
        assertThat(problems("The test result is NEGATIVE.", "en")).anyMatch(p -> p.contains("leftover code NEGATIVE"));
        assertThat(problems("Cover of USD 50000.0 is enough.", "en")).anyMatch(p -> p.contains(".0"));
        assertThat(problems("Negative PCR test ().", "en")).anyMatch(p -> p.contains("empty brackets"));
        assertThat(problems("PCR検査（検体：）で陰性です。", "ja")).anyMatch(p -> p.contains("empty brackets"));
        assertThat(problems("only -2 days before entry", "en")).anyMatch(p -> p.contains("negative count"));
        assertThat(problems("before {firstDepartureAt}", "en")).anyMatch(p -> p.contains("placeholder"));
        assertThat(problems("出発予定時刻の72 時間 1 min前", "ja")).anyMatch(p -> p.contains("Latin-script unit"));
        assertThat(problems("検査結果はPOSITIVEであり、", "ja")).anyMatch(p -> p.contains("leftover code POSITIVE"));
        assertThat(problems("Nationality KH and residence KH are admitted.", "en")).anyMatch(p -> p.contains("leftover code KH"));
        assertThat(problems("from 2021-01-13T00:00+09:00", "en")).anyMatch(p -> p.contains("ISO instant"));
        assertThat(problems("issued between 2020-11-18 and 2020-10-01", "en")).anyMatch(p -> p.contains("backwards"));
        assertThat(problems("Take the test between 2021-01-10 12:00 ICT and 2021-01-13 12:00 ICT; 72 時間 1 分前。", "ja")).isEmpty();
    }

    @Test
    void shouldRenderEveryMessageOfEveryVersionInEveryLanguageForPeople() {
        Map<String, List<String>> failures = new java.util.concurrent.ConcurrentSkipListMap<>();
        java.util.concurrent.atomic.LongAdder texts = new java.util.concurrent.atomic.LongAdder();
        Instant knownAt = Instant.parse("2100-01-01T00:00:00Z");
        for (String id : ShippedRuleSets.IDS) {
            RuleSetSpec ruleSet = ShippedRuleSets.get(id);
            assertThat(ruleSet.edition()).as(id + " names countries (edition 3)").isGreaterThanOrEqualTo(Wording.COUNTRIES_IN_WORDS);
            List<RuleSetSpec> each = new ArrayList<>();
            for (VersionSpec v : ruleSet.versions()) {
                each.add(new RuleSetSpec(id, ruleSet.track(), ruleSet.origin(), ruleSet.destination(), ruleSet.title(),
                        List.of(v), ruleSet.edition()));
            }
            entryDates(ruleSet).parallelStream().forEach(entry -> {
                for (Trips request : requests(ruleSet.origin(), entry)) {
                    Trip trip = request.build();
                    Journey journey = JourneyAnalyzer.analyze(trip);
                    Facts base = FactsCalculator.compute(trip, journey);
                    // The whole rule set with its track open (messages may suggest it); each version on its own without.
                    Facts open = FactsCalculator.withOpenTracks(base, List.of(ruleSet), knownAt);
                    Facts closed = FactsCalculator.withOpenTracks(base, List.of(), knownAt);
                    List<Map.Entry<RuleSetSpec, Facts>> runs = new ArrayList<>();
                    runs.add(Map.entry(ruleSet, open));
                    each.forEach(v -> runs.add(Map.entry(v, closed)));
                    for (Map.Entry<RuleSetSpec, Facts> run : runs) {
                        for (String language : Localized.LANGUAGES) {
                            Evaluation e = Evaluator.evaluate(run.getKey(), run.getValue(), knownAt, language).orElseThrow();
                            for (Evaluation.RuleResult r : e.results()) {
                                texts.increment();
                                record(failures, id, language, r.ruleId() + " " + r.outcome(), r.message());
                            }
                            for (Evaluation.ObligationResult o : e.obligations()) {
                                texts.increment();
                                record(failures, id, language, o.code(), o.detail());
                            }
                            for (Evaluation.Warning w : e.warnings()) {
                                texts.increment();
                                record(failures, id, language, w.code(), w.message());
                            }
                        }
                    }
                }
            });
        }
        assertThat(texts.sum()).isGreaterThan(50_000);
        assertThat(failures).as("texts with defects (one example each)").isEmpty();
    }

    private static void record(Map<String, List<String>> failures, String id, String language, String what, String text) {
        List<String> problems = problems(text, language);
        if (!problems.isEmpty()) {
            failures.putIfAbsent(id + " " + language + " " + what + " " + problems, List.of(text));
        }
    }

    /** The day each version takes effect (in the destination's dates), and a day before the first. */
    private static List<LocalDate> entryDates(RuleSetSpec ruleSet) {
        Set<LocalDate> dates = new LinkedHashSet<>();
        dates.add(ruleSet.versions().get(0).effectiveFrom().toLocalDate().minusDays(20));
        for (VersionSpec v : ruleSet.versions()) {
            dates.add(v.effectiveFrom().toLocalDate());
        }
        return List.copyOf(dates);
    }

    /** A trip from {@code origin}'s capital airport entering on {@code entry}, with every variation of each input. */
    private static List<Trips> requests(String origin, LocalDate entry) {
        boolean toJapan = origin.equals("KH");
        String from = toJapan ? "PNH" : "NRT";
        String to = toJapan ? "NRT" : "PNH";
        UnaryOperator<Trips> complete = t -> t.traveller("KH", "KH", "INTRA_COMPANY_TRANSFEREE", true)
                .recentCountries(List.of())
                .sponsor(Trip.SponsorKind.ORGANISATION, "JP", true)
                .insurance(toJapan ? Trip.InsuranceKind.PRIVATE_MEDICAL : Trip.InsuranceKind.KH_COVID19_PACKAGE, 100000.0)
                .visa(Trip.VisaKind.EMBASSY, entry.minusDays(20).toString())
                .guarantee(entry.minusDays(10).toString())
                .health(entry.minusDays(20).toString(), 36.5)
                .negativePcr(entry.minusDays(2) + "T09:00")
                .schedule(true, 1, 0);
        List<Trips> out = new ArrayList<>();
        for (Integer nights : Arrays.asList(13, 14, 15, null)) {
            out.add(stay(from, to, entry, nights));
            out.add(complete.apply(stay(from, to, entry, nights)));
        }
        List<UnaryOperator<Trips>> variations = new ArrayList<>();
        for (String status : List.of("TECHNICAL_INTERN", "SPECIFIED_SKILLED_WORKER", "BUSINESS_MANAGER", "INTRA_COMPANY_TRANSFEREE",
                "ENGINEER_HUMANITIES_INTERNATIONAL", "NURSING_CARE", "HIGHLY_SKILLED_PROFESSIONAL", "START_UP", "ARTIST")) {
            for (Boolean coe : Arrays.asList(true, false, null)) {
                variations.add(t -> t.traveller("KH", "KH", status, coe));
            }
        }
        variations.add(t -> t.traveller("JP", "JP", null, null));
        variations.add(t -> t.traveller(null, "KH", null, null));
        variations.add(t -> t.traveller("TH", null, null, null));
        for (List<String> recent : Arrays.asList(null, List.<String>of(), List.of("GB"), List.of("TH", "ZA"), List.of("TH"))) {
            variations.add(t -> t.recentCountries(recent));
        }
        for (Trip.TestMethod method : Trip.TestMethod.values()) {
            for (Trip.Specimen specimen : Trip.Specimen.values()) {
                variations.add(t -> t.test(method, specimen, Trip.TestResult.NEGATIVE, entry.minusDays(2) + "T09:00"));
            }
            variations.add(t -> t.test(method, Trip.Specimen.THROAT, Trip.TestResult.POSITIVE, entry.minusDays(2) + "T09:00"));
        }
        for (String sampled : List.of("T23:59", "T12:00")) {
            variations.add(t -> t.negativePcr(entry + sampled)); // after the departure
        }
        variations.add(t -> t.negativePcr(entry.minusDays(5) + "T09:00"));
        variations.add(t -> t.test(Trip.TestMethod.PCR, null, Trip.TestResult.NEGATIVE, entry.minusDays(2) + "T09:00"));
        for (int days : List.of(30, 14, 13, 1, 0, -2)) {
            variations.add(t -> t.health(entry.minusDays(days).toString(), 36.5));
        }
        variations.add(t -> t.health(entry.minusDays(20).toString(), 37.5));
        variations.add(t -> t.health(entry.minusDays(3).toString(), 38.2));
        for (Trip.SponsorKind kind : Trip.SponsorKind.values()) {
            for (String country : Arrays.asList("JP", "KH", null)) {
                for (Boolean signed : Arrays.asList(true, false, null)) {
                    variations.add(t -> t.sponsor(kind, country, signed));
                }
            }
        }
        for (Trip.InsuranceKind kind : Trip.InsuranceKind.values()) {
            for (Double coverage : Arrays.asList(null, 0.0, 49999.5, 50000.0, 100000.0)) {
                variations.add(t -> t.insurance(kind, coverage));
            }
        }
        for (Trip.VisaKind kind : Trip.VisaKind.values()) {
            for (String issued : Arrays.asList(null, "2021-01-13", "2021-01-14", entry.minusDays(20).toString())) {
                variations.add(t -> t.visa(kind, issued));
            }
        }
        for (String issued : List.of("2020-08-01", "2020-08-04", "2020-11-17", "2020-11-18", entry.minusDays(30).toString(),
                entry.minusDays(31).toString(), entry.toString(), entry.plusDays(1).toString())) {
            variations.add(t -> t.guarantee(issued));
        }
        variations.add(t -> t.schedule(false, 0, 0));
        variations.add(t -> t.schedule(true, 0, 2));
        variations.add(t -> t.schedule(false, 2, 1));
        for (int i = 0; i < variations.size(); i++) {
            // Every variation on a complete request; every fifth also on a bare 14-night stay.
            out.add(variations.get(i).apply(complete.apply(stay(from, to, entry, 20))));
            if (i % 5 == 0) {
                out.add(variations.get(i).apply(stay(from, to, entry, 14)));
            }
        }
        // Connections: airside, a night outside the airport, and arrival at an airport outside the list.
        out.add(complete.apply(trip().leg(from, entry.minusDays(1) + "T20:00", "BKK", entry.minusDays(1) + "T22:00")
                .leg("BKK", entry + "T00:30", to, entry + "T08:00").leg(to, entry.plusDays(20) + "T10:00", from, entry.plusDays(20) + "T15:00")));
        out.add(complete.apply(trip().leg(from, entry.minusDays(2) + "T20:00", "BKK", entry.minusDays(2) + "T22:00")
                .leg("BKK", entry + "T00:30", to, entry + "T08:00").leavesAirportAt("BKK")));
        out.add(complete.apply(trip().leg(from, entry.minusDays(1) + "T20:00", toJapan ? "NGO" : "REP", entry + "T07:00")
                .leg(toJapan ? "NGO" : "REP", entry.plusDays(20) + "T10:00", from, entry.plusDays(20) + "T15:00")));
        return out;
    }

    private static Trips stay(String from, String to, LocalDate entry, Integer nights) {
        Trips t = trip().leg(from, entry.minusDays(1) + "T23:50", to, entry + "T07:30");
        return nights == null ? t : t.leg(to, entry.plusDays(nights) + "T10:30", from, entry.plusDays(nights) + "T15:00");
    }
}
