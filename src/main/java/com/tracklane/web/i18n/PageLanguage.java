package com.tracklane.web.i18n;

import com.tracklane.common.Languages;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The language of the page being rendered: the one the visitor chose with the switch (remembered in the
 * {@value #COOKIE} cookie), else the first supported one in {@code Accept-Language}, else English. Templates reach it as
 * {@code {inject:lang}}: {@code {inject:lang.code}}, {@code {inject:lang.date(d)}}, {@code {inject:lang.number(n)}}.
 */
@Named("lang")
@RequestScoped
public class PageLanguage {

    /** The cookie that remembers the visitor's choice (a language code, nothing personal). */
    public static final String COOKIE = "tracklane_lang";

    private final String code;

    @Inject
    public PageLanguage(RoutingContext routing) {
        this.code = choose(routing.request().getCookie(COOKIE), routing.request().getHeader("Accept-Language"));
    }

    PageLanguage(String code) {
        this.code = code;
    }

    /** The choice: a valid cookie wins, then Accept-Language, then English. */
    static String choose(Cookie cookie, String acceptLanguage) {
        if (cookie != null && Languages.SUPPORTED.contains(cookie.getValue())) {
            return cookie.getValue();
        }
        return Languages.pick(parse(acceptLanguage));
    }

    /** Accept-Language in the caller's order of preference (q values honoured; unreadable entries skipped). */
    static List<Locale> parse(String header) {
        List<Locale> out = new ArrayList<>();
        if (header == null || header.isBlank() || header.length() > 1000) {
            return out;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                if (range.getWeight() > 0 && !range.getRange().equals("*")) {
                    out.add(Locale.forLanguageTag(range.getRange()));
                }
            }
        } catch (IllegalArgumentException unreadable) {
            return List.of();
        }
        return out;
    }

    public String getCode() {
        return code;
    }

    public Locale getLocale() {
        return Locale.forLanguageTag(code);
    }

    /** The supported languages with their own names, for the switch. */
    public List<Choice> getChoices() {
        return Languages.SUPPORTED.stream().map(c -> new Choice(c, NATIVE_NAMES.get(Languages.SUPPORTED.indexOf(c)), c.equals(code))).toList();
    }

    private static final List<String> NATIVE_NAMES = List.of("English", "日本語", "ភាសាខ្មែរ");

    /** One entry of the language switch. */
    public record Choice(String code, String name, boolean current) {
    }

    /** A date, written the way the language writes dates (e.g. 3 Dec 2026, 2026/12/03, 3 ធ្នូ 2026). */
    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()).format(date);
    }

    /** A long date with the day of the week. */
    public String longDate(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(getLocale()).format(date);
    }

    /** A local date and time, without a zone. */
    public String dateTime(LocalDateTime time) {
        return time == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale()).format(time);
    }

    /** A date and time in its own zone, with the zone's name (never an ISO offset). */
    public String zoned(ZonedDateTime time) {
        if (time == null) {
            return "";
        }
        return dateTime(time.toLocalDateTime()) + " (" + zoneName(time.getZone()) + ")";
    }

    /** A time zone's name in the language, e.g. "Japan Standard Time", "日本標準時". */
    public String zoneName(ZoneId zone) {
        return zone == null ? "" : zone.getDisplayName(TextStyle.FULL, getLocale());
    }

    /** A number with the language's grouping and decimal marks, without a trailing ".0". */
    public String number(Number value) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(getLocale());
        format.setMaximumFractionDigits(2);
        return format.format(value instanceof BigDecimal big ? big.stripTrailingZeros() : value);
    }
}
