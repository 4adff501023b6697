package com.tracklane.common;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ISO 3166-1 alpha-2 country codes as the JDK knows them (plus XK, Kosovo: user-assigned but in common use), and
 * their names in a language from the JDK's CLDR data: {@code KH} → Cambodia, カンボジア, កម្ពុជា.
 */
public final class CountryNames {

    private static final Set<String> CODES;

    static {
        Set<String> codes = new HashSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
        codes.add("XK");
        CODES = Set.copyOf(codes);
    }

    private CountryNames() {
    }

    /** Whether {@code code} is a country code (upper case, as the API takes them). */
    public static boolean isCode(String code) {
        return code != null && CODES.contains(code);
    }

    /** The country's name in {@code locale}; the code itself when the JDK knows no name; "" for no code. */
    public static String name(String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = new Locale("", code).getDisplayCountry(locale);
        return name == null || name.isBlank() ? code : name;
    }

    /** Names by language and code, looked up once: rule texts name countries in every check. */
    private static final Map<String, String> BY_LANGUAGE = new ConcurrentHashMap<>();

    /** The country's name in a served language ({@code en}, {@code ja}, {@code km}). */
    public static String name(String code, String language) {
        if (!isCode(code)) {
            return name(code, Locale.forLanguageTag(language));
        }
        return BY_LANGUAGE.computeIfAbsent(language + ':' + code, k -> name(code, Locale.forLanguageTag(language)));
    }
}
