package com.tracklane.web.pages.checker;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Countries by name in the visitor's language (the JDK's CLDR names), Cambodia and Japan first. */
public final class Countries {

    static final List<String> FIRST = List.of("KH", "JP");

    private Countries() {
    }

    /** A country's name, e.g. KH → "Cambodia", "カンボジア", "កម្ពុជា". */
    public static String name(String code, Locale locale) {
        return com.tracklane.common.CountryNames.name(code, locale);
    }

    /** Every ISO 3166 country as (code, name), Cambodia and Japan first, then by name in the language's order. */
    public static List<String[]> all(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        List<String[]> rest = new ArrayList<>();
        for (String code : Locale.getISOCountries()) {
            if (!FIRST.contains(code)) {
                rest.add(new String[] {code, name(code, locale)});
            }
        }
        rest.sort(Comparator.comparing((String[] c) -> c[1], collator));
        List<String[]> out = new ArrayList<>();
        FIRST.forEach(code -> out.add(new String[] {code, name(code, locale)}));
        out.addAll(rest);
        return out;
    }
}
