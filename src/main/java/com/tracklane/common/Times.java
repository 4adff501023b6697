package com.tracklane.common;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parsing of the two accepted time forms: local time at a known place, or a time with an offset. */
public final class Times {

    private Times() {
    }

    /** {@code 2020-09-14T23:50+07:00} or {@code …Z} as the instant it names; {@code 2020-09-14T23:50} in {@code zone}. */
    public static Optional<Instant> parse(String text, ZoneId zone) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return Optional.of(LocalDateTime.parse(text).atZone(zone).toInstant());
            } catch (DateTimeParseException notLocal) {
                return Optional.empty();
            }
        }
    }

    /** A time that must carry an offset or Z (no place to resolve a local time in). */
    public static Optional<Instant> parseWithOffset(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
