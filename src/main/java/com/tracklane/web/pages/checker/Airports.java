package com.tracklane.web.pages.checker;

import com.tracklane.reference.Airport;
import com.tracklane.reference.AirportDirectory;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Airports for the trip form, from the reference list ({@link AirportDirectory}): what a visitor typed (an IATA code or
 * a part of the name or city) resolved to one airport, and the suggestions the form offers ({@code <datalist>}): the
 * airports of Cambodia and Japan and the hubs between them.
 */
public final class Airports {

    /** Countries whose airports the suggestions list: the two of the tracks and the usual connections between them. */
    static final Set<String> SUGGESTED_COUNTRIES = Set.of("KH", "JP", "TH", "VN", "SG", "MY", "KR", "TW", "HK", "CN", "PH", "LA");
    static final int MAX_CHOICES = 5;

    private final AirportDirectory directory;
    private final List<Airport> suggestions;

    public Airports(AirportDirectory directory) {
        this.directory = directory;
        this.suggestions = directory.all().stream().filter(a -> SUGGESTED_COUNTRIES.contains(a.country()))
                .sorted(Comparator.comparing((Airport a) -> !a.country().equals("KH") && !a.country().equals("JP"))
                        .thenComparing(Airport::country).thenComparing(Airport::iata))
                .toList();
    }

    /** The airports the form suggests. */
    public List<Airport> suggestions() {
        return suggestions;
    }

    public Optional<Airport> find(String iata) {
        return directory.find(iata);
    }

    /** What the resolution of a typed airport found. */
    public sealed interface Resolution {
    }

    /** Exactly one airport. */
    public record Found(Airport airport) implements Resolution {
    }

    /** None. */
    public record NotFound() implements Resolution {
    }

    /** Several; up to {@link #MAX_CHOICES} of them, as "Name (CODE)". */
    public record Ambiguous(List<Airport> choices) implements Resolution {
    }

    /** Resolves a code ("pnh", "PNH") or a part of a name or city ("Narita", "Phnom Penh"). */
    public Resolution resolve(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return new NotFound();
        }
        String code = codeIn(text);
        if (code != null) {
            Optional<Airport> byCode = directory.find(code);
            if (byCode.isPresent()) {
                return new Found(byCode.get());
            }
        }
        String needle = fold(text);
        if (needle.length() < 3) {
            return new NotFound();
        }
        List<Airport> matches = directory.all().stream()
                .filter(a -> fold(a.name()).contains(needle) || fold(a.city()).contains(needle))
                .sorted(Comparator.comparing((Airport a) -> !SUGGESTED_COUNTRIES.contains(a.country())).thenComparing(Airport::iata))
                .toList();
        if (matches.isEmpty()) {
            return new NotFound();
        }
        // The most likely one: named so (not only in that city), among the suggested airports first.
        List<Airport> suggested = matches.stream().filter(a -> SUGGESTED_COUNTRIES.contains(a.country())).toList();
        for (List<Airport> candidates : List.of(named(suggested, needle), suggested, named(matches, needle), matches)) {
            if (candidates.size() == 1) {
                return new Found(candidates.get(0)); // "Narita" means NRT; "Phnom Penh" means PNH, not KTI in that city
            }
        }
        return new Ambiguous(matches.stream().limit(MAX_CHOICES).toList());
    }

    private static List<Airport> named(List<Airport> airports, String needle) {
        return airports.stream().filter(a -> fold(a.name()).contains(needle)).toList();
    }

    /** "PNH" from "PNH", "pnh" or a suggestion's text "PNH – Phnom Penh …"; null when the text does not start with a code. */
    static String codeIn(String text) {
        String head = text.length() >= 3 ? text.substring(0, 3) : text;
        boolean codeLike = head.length() == 3 && head.chars().allMatch(Character::isLetter)
                && (text.length() == 3 || !Character.isLetter(text.charAt(3)));
        return codeLike ? head.toUpperCase(Locale.ROOT) : null;
    }

    /** Lower case without accents, for searching names ("Arīsh" matches "arish"). */
    static String fold(String s) {
        if (s == null) {
            return "";
        }
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
