package com.tracklane.common;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Parsing of the two accepted time forms: local time at a known place, or a time with an offset. Only years
 * 1900–2199 are accepted: anything else is not a trip, and would overflow the day arithmetic.
 */
public final class Times {

    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private Times() {
    }

    private static Optional<Instant> plausible(Instant instant) {
        return instant.isBefore(EARLIEST) || !instant.isBefore(LATEST) ? Optional.empty() : Optional.of(instant);
    }

    /** {@code 2020-09-14T23:50+07:00} or {@code …Z} as the instant it names; {@code 2020-09-14T23:50} in {@code zone}. */
    public static Optional<Instant> parse(String text, ZoneId zone) {
        if (text == null) {
            return Optional.empty();
        }
        // The common local form is parsed directly: trying the offset form first would throw (and fill in a stack
        // trace) on every local time. Same answers either way; exceptions are left for invalid input.
        if (!hasOffset(text)) {
            LocalDateTime simple = simpleLocal(text);
            if (simple != null) {
                return plausible(simple.atZone(zone).toInstant());
            }
            try {
                return plausible(LocalDateTime.parse(text).atZone(zone).toInstant());
            } catch (DateTimeParseException notLocal) {
                // not a local time after all: let the offset form decide
            }
        }
        OffsetDateTime simple = simpleOffset(text);
        if (simple != null) {
            return plausible(simple.toInstant());
        }
        try {
            return plausible(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return plausible(LocalDateTime.parse(text).atZone(zone).toInstant());
            } catch (DateTimeParseException notLocal) {
                return Optional.empty();
            }
        }
    }

    /**
     * The common forms {@code 2020-09-14T23:50} and {@code 2020-09-14T23:50:30} read digit by digit, without a
     * formatter; null for anything else (another form, or a field out of range such as 2021-02-29), which
     * {@link LocalDateTime#parse} then decides. Both give the same value for every text this accepts.
     */
    static LocalDateTime simpleLocal(String text) {
        int n = text.length();
        if (n != 16 && n != 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || n == 19 && text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = n == 19 ? digits(text, 17, 19) : 0;
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59
                || month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second);
    }

    /**
     * The common forms with an offset, {@code 2020-09-14T23:50+07:00}, {@code 2020-09-14T23:50:30Z} (a local form of
     * {@link #simpleLocal} followed by {@code Z} or {@code ±HH:MM}), read without a formatter; null for anything else,
     * which {@link OffsetDateTime#parse} then decides. Both give the same value for every text this accepts.
     */
    static OffsetDateTime simpleOffset(String text) {
        int n = text.length();
        int local;
        if (n == 17 || n == 20) {
            local = n - 1;
        } else if (n == 22 || n == 25) {
            local = n - 6;
        } else {
            return null;
        }
        java.time.ZoneOffset offset;
        if (local == n - 1) {
            if (text.charAt(local) != 'Z') {
                return null;
            }
            offset = java.time.ZoneOffset.UTC;
        } else {
            char sign = text.charAt(local);
            int hours = digits(text, local + 1, local + 3);
            int minutes = digits(text, local + 4, local + 6);
            if (sign != '+' && sign != '-' || text.charAt(local + 3) != ':' || hours < 0 || minutes < 0
                    || minutes > 59 || hours > 18 || hours == 18 && minutes > 0) {
                return null;
            }
            offset = sign == '+' ? java.time.ZoneOffset.ofHoursMinutes(hours, minutes)
                    : java.time.ZoneOffset.ofHoursMinutes(-hours, -minutes);
        }
        LocalDateTime at = simpleLocal(text.substring(0, local));
        return at == null ? null : OffsetDateTime.of(at, offset);
    }

    /** The number written by the ASCII digits from {@code from} to {@code to}; -1 when one is not such a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Whether the part after the date carries an offset or Z (a cheap look, not a validation). */
    static boolean hasOffset(String text) {
        int t = text.indexOf('T');
        if (t < 0) {
            return true; // not a date-time at all: the slow path produces the answer (empty)
        }
        for (int i = t + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+' || c == '-' || c == 'Z' || c == 'z') {
                return true;
            }
        }
        return false;
    }

    /** A time that must carry an offset or Z (no place to resolve a local time in). */
    public static Optional<Instant> parseWithOffset(String text) {
        return parseOffsetDateTime(text).map(OffsetDateTime::toInstant);
    }

    /** As {@link #parseWithOffset}, keeping the offset as written (e.g. for a rule-set version's effectiveFrom). */
    public static Optional<OffsetDateTime> parseOffsetDateTime(String text) {
        OffsetDateTime simple = text == null ? null : simpleOffset(text);
        if (simple != null) {
            return plausible(simple.toInstant()).map(instant -> simple);
        }
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(text);
            return plausible(parsed.toInstant()).map(instant -> parsed);
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
