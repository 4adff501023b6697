package com.tracklane.web.pages.intake;

import com.tracklane.reference.Airport;
import com.tracklane.reference.AirportDirectory;
import com.tracklane.web.i18n.PageLanguage;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The choices of the intake form's lists, in the page's language ({@code {inject:intakeChoices.countries}} …): country
 * names (never a bare code), the words for each value of the request's enumerations, and the airports suggested for
 * the itinerary (any other IATA code can be typed).
 */
@Named("intakeChoices")
@RequestScoped
public class IntakeChoices {

    /** Airports of the tracks' countries and the usual connections, suggested while typing. */
    static final List<String> SUGGESTED_AIRPORTS = List.of("NRT", "HND", "KIX", "NGO", "FUK", "CTS", "OKA", "PNH", "REP", "KOS",
            "BKK", "DMK", "SGN", "HAN", "SIN", "ICN", "HKG", "TPE", "KUL", "MNL", "PVG", "PEK", "CAN", "VTE", "TAS");
    static final List<String> STATUSES_OF_RESIDENCE = List.of("TECHNICAL_INTERN", "SPECIFIED_SKILLED_WORKER", "BUSINESS_MANAGER",
            "INTRA_COMPANY_TRANSFEREE", "ENGINEER_HUMANITIES_INTERNATIONAL", "NURSING_CARE", "HIGHLY_SKILLED_PROFESSIONAL", "START_UP");

    @Inject
    PageLanguage language;

    /** One option: its value and either a message key ({@code key}) or a text already in the page's language. */
    @TemplateData
    public record Option(String value, String key, String text) {
    }

    /** One suggested airport: code, and name and city as the reference list writes them. */
    @TemplateData
    public record AirportOption(String code, String label) {
    }

    public List<Option> getCountries() {
        Locale locale = language.getLocale();
        Collator order = Collator.getInstance(locale);
        return java.util.Arrays.stream(Locale.getISOCountries())
                .map(code -> new Option(code, null, countryName(code, locale)))
                .sorted(Comparator.comparing(Option::text, order)).toList();
    }

    /** A country's name in the page's language (the code only when the JDK knows no name). */
    public String country(String code) {
        return code == null || code.isBlank() ? "" : countryName(code, language.getLocale());
    }

    static String countryName(String code, Locale locale) {
        return com.tracklane.common.CountryNames.name(code, locale);
    }

    public List<Option> getTracks() {
        return words("", "opt_trackEither", "RESIDENT", "opt_RESIDENT", "BUSINESS", "opt_BUSINESS");
    }

    public List<Option> getYesNo() {
        return words("", "opt_notStated", "true", "opt_yes", "false", "opt_no");
    }

    public List<Option> getRecentDeclared() {
        return words("", "opt_notStated", "none", "opt_recentNone", "list", "opt_recentList");
    }

    public List<Option> getStatusesOfResidence() {
        List<Option> out = new java.util.ArrayList<>();
        out.add(new Option("", "opt_notStated", null));
        STATUSES_OF_RESIDENCE.forEach(s -> out.add(new Option(s, "opt_" + s, null)));
        return out;
    }

    public List<Option> getTestMethods() {
        return enumWords("PCR", "LAMP", "OTHER_NAAT", "QUANTITATIVE_ANTIGEN", "QUALITATIVE_ANTIGEN", "ANTIBODY");
    }

    public List<Option> getSpecimens() {
        return enumWords("NASOPHARYNGEAL", "SALIVA", "NASAL", "NASOPHARYNGEAL_AND_OROPHARYNGEAL", "THROAT");
    }

    public List<Option> getTestResults() {
        return enumWords("NEGATIVE", "POSITIVE");
    }

    public List<Option> getSponsorKinds() {
        return enumWords("ORGANISATION", "INDIVIDUAL");
    }

    public List<Option> getInsuranceKinds() {
        return enumWords("PRIVATE_MEDICAL", "KH_COVID19_PACKAGE");
    }

    public List<Option> getVisaKinds() {
        return enumWords("EMBASSY", "ON_ARRIVAL", "E_VISA");
    }

    public List<AirportOption> getAirports() {
        AirportDirectory directory = AirportDirectory.standard();
        return SUGGESTED_AIRPORTS.stream().map(directory::find).flatMap(Optional::stream)
                .map(a -> new AirportOption(a.iata(), a.name() + " — " + a.city() + ", " + countryName(a.country(), language.getLocale())))
                .toList();
    }

    /** "Phnom Penh International Airport (Indochina Time)" for a known code, else empty. */
    public String airportZone(String code) {
        Optional<Airport> airport = code == null || code.isBlank() ? Optional.empty() : AirportDirectory.standard().find(code.strip().toUpperCase(Locale.ROOT));
        return airport.map(a -> a.name() + " · " + language.zoneName(a.zone())).orElse("");
    }

    private static List<Option> enumWords(String... values) {
        List<Option> out = new java.util.ArrayList<>();
        out.add(new Option("", "opt_notStated", null));
        for (String v : values) {
            out.add(new Option(v, "opt_" + v, null));
        }
        return out;
    }

    private static List<Option> words(String... pairs) {
        List<Option> out = new java.util.ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.add(new Option(pairs[i], pairs[i + 1], null));
        }
        return out;
    }
}
