package com.tracklane.track.model;

import java.util.List;
import java.util.Map;

/** A text in several languages; English is always present and is the fallback. */
public record Localized<T>(Map<String, T> byLanguage) {

    public static final String DEFAULT_LANGUAGE = "en";
    public static final List<String> LANGUAGES = List.of("en", "ja", "km");

    public T in(String language) {
        T value = byLanguage.get(language);
        return value != null ? value : byLanguage.get(DEFAULT_LANGUAGE);
    }
}
