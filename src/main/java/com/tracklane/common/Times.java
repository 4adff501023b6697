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
            try {
                return plausible(LocalDateTime.parse(text).atZone(zone).toInstant());
            } catch (DateTimeParseException notLocal) {
                // not a local time after all: let the offset form decide
            }
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
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(text);
            return plausible(parsed.toInstant()).map(instant -> parsed);
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
