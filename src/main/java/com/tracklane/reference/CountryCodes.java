package com.tracklane.reference;

import com.tracklane.common.CountryNames;

/** ISO 3166-1 alpha-2 country codes, as the JDK knows them, plus XK (Kosovo, user-assigned but in common use). */
public final class CountryCodes {

    private CountryCodes() {
    }

    public static boolean isKnown(String code) {
        return CountryNames.isCode(code);
    }
}
