package com.tracklane.common;

import java.util.List;
import java.util.Locale;

/** Chooses the language of titles and messages from the caller's preferences (Accept-Language). */
public final class Languages {

    public static final List<String> SUPPORTED = List.of("en", "ja", "km");
    public static final String DEFAULT = "en";

    private Languages() {
    }

    /** The first supported language in the caller's order of preference, else English. */
    public static String pick(List<Locale> acceptable) {
        if (acceptable != null) {
            for (Locale locale : acceptable) {
                String language = locale.getLanguage();
                if (SUPPORTED.contains(language)) {
                    return language;
                }
            }
        }
        return DEFAULT;
    }
}
