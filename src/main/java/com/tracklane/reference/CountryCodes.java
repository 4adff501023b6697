package com.tracklane.reference;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, as the JDK knows them, plus XK (Kosovo, user-assigned but in common use). */
public final class CountryCodes {

    private static final Set<String> CODES;

    static {
        Set<String> codes = new HashSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
        codes.add("XK");
        CODES = Set.copyOf(codes);
    }

    private CountryCodes() {
    }

    public static boolean isKnown(String code) {
        return code != null && CODES.contains(code);
    }
}
