package com.tracklane.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimesTest {

    static final ZoneId PHNOM_PENH = ZoneId.of("Asia/Phnom_Penh");

    @Test
    void shouldParseLocalAndOffsetFormsToTheSameInstant() {
        assertThat(Times.parse("2020-09-14T23:50", PHNOM_PENH)).contains(Instant.parse("2020-09-14T16:50:00Z"));
        assertThat(Times.parse("2020-09-14T23:50+07:00", PHNOM_PENH)).contains(Instant.parse("2020-09-14T16:50:00Z"));
        assertThat(Times.parse("2020-09-14T16:50Z", PHNOM_PENH)).contains(Instant.parse("2020-09-14T16:50:00Z"));
        assertThat(Times.parse("2020-09-14T23:50:30", PHNOM_PENH)).contains(Instant.parse("2020-09-14T16:50:30Z"));
        assertThat(Times.parse("2020-09-14T23:50-02:00", PHNOM_PENH)).contains(Instant.parse("2020-09-15T01:50:00Z"));
    }

    @Test
    void shouldRefuseWhatIsNeitherForm() {
        for (String bad : new String[] {"", "2020-09-14", "2020-09-14T", "2020-09-14T25:00", "2020-09-14T23:50+25:00",
                "2020-09-14T23:50Q", "yesterday", "2020-09-14 23:50", "1899-12-31T23:59", "2200-01-01T00:00Z"}) {
            assertThat(Times.parse(bad, PHNOM_PENH)).as(bad).isEmpty();
        }
        assertThat(Times.parse(null, PHNOM_PENH)).isEmpty();
    }

    @Test
    void shouldReadTheCommonLocalFormsAsTheFormatterDoes() {
        java.util.List<String> texts = new java.util.ArrayList<>(java.util.List.of("2020-02-29T00:00", "2021-02-29T00:00",
                "2020-04-31T12:00", "2020-13-01T00:00", "2020-00-10T00:00", "2020-01-00T00:00", "2020-09-14T24:00",
                "2020-09-14T23:60", "2020-09-14T23:59:60", "2020-09-14T23:59:59", "2020-09-14t23:50", "2020-09-14T2a:50",
                "202O-09-14T23:50", "2020-09-14T23:50:5", "2020/09/14T23:50", "+2020-09-14T23:50", "0000-01-01T00:00",
                "1900-01-01T00:00", "2199-12-31T23:59:59", "2020-09-14T23:50:30.5", "2020-09-14T23:5", "2020-09-14T23-50"));
        java.util.Random random = new java.util.Random(15);
        for (int i = 0; i < 20_000; i++) {
            texts.add(String.format("%04d-%02d-%02dT%02d:%02d", random.nextInt(2300), random.nextInt(14), random.nextInt(33),
                    random.nextInt(26), random.nextInt(62)) + (random.nextBoolean() ? String.format(":%02d", random.nextInt(62)) : ""));
        }
        for (String text : texts) {
            java.time.LocalDateTime expected;
            try {
                expected = java.time.LocalDateTime.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                expected = null;
            }
            java.time.LocalDateTime fast = Times.simpleLocal(text);
            if (fast != null) {
                assertThat(fast).as(text).isEqualTo(expected); // what the fast path reads, the formatter reads alike
            } else if ((text.length() == 16 || text.length() == 19) && text.indexOf('t') < 0) {
                assertThat(expected).as(text).isNull(); // it leaves only invalid ones, and a lower-case 't' (read alike)
            }
            assertThat(Times.parse(text, PHNOM_PENH)).as(text)
                    .isEqualTo(expected == null ? java.util.Optional.empty() : plausible(expected.atZone(PHNOM_PENH).toInstant()));
        }
    }

    private static java.util.Optional<Instant> plausible(Instant instant) {
        return instant.isBefore(Instant.parse("1900-01-01T00:00:00Z")) || !instant.isBefore(Instant.parse("2200-01-01T00:00:00Z"))
                ? java.util.Optional.empty() : java.util.Optional.of(instant);
    }

    @Test
    void shouldReadTheCommonOffsetFormsAsTheFormatterDoes() {
        java.util.List<String> texts = new java.util.ArrayList<>(java.util.List.of("2020-09-14T23:50Z", "2020-09-14T23:50:30Z",
                "2020-09-14T23:50+07:00", "2020-09-14T23:50:30-02:30", "2020-09-14T23:50+18:00", "2020-09-14T23:50+18:01",
                "2020-09-14T23:50-18:00", "2020-09-14T23:50+19:00", "2020-09-14T23:50+07:60", "2020-09-14T23:50-00:00",
                "2020-09-14T23:50z", "2020-09-14T23:50+0700", "2020-09-14T23:50+07", "2021-02-29T00:00Z", "2020-09-14T24:00Z",
                "2020-09-14T23:50*07:00", "2020-09-14T23:50+07-00", "2020-09-14T23:50:30.5Z", "2020-09-14T23:50+07:00:00"));
        java.util.Random random = new java.util.Random(15);
        for (int i = 0; i < 20_000; i++) {
            String local = String.format("%04d-%02d-%02dT%02d:%02d", random.nextInt(2300), random.nextInt(14), random.nextInt(33),
                    random.nextInt(26), random.nextInt(62)) + (random.nextBoolean() ? String.format(":%02d", random.nextInt(62)) : "");
            texts.add(local + (random.nextInt(4) == 0 ? "Z"
                    : String.format("%c%02d:%02d", random.nextBoolean() ? '+' : '-', random.nextInt(20), random.nextInt(61))));
        }
        for (String text : texts) {
            java.time.OffsetDateTime expected;
            try {
                expected = java.time.OffsetDateTime.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                expected = null;
            }
            java.time.OffsetDateTime fast = Times.simpleOffset(text);
            if (fast != null) {
                assertThat(fast).as(text).isEqualTo(expected); // same local time and same offset
            }
            java.util.Optional<Instant> instant = expected == null ? java.util.Optional.empty() : plausible(expected.toInstant());
            assertThat(Times.parse(text, PHNOM_PENH)).as(text).isEqualTo(instant);
            assertThat(Times.parseWithOffset(text)).as(text).isEqualTo(instant);
            assertThat(Times.parseOffsetDateTime(text)).as(text).isEqualTo(instant.isEmpty() ? java.util.Optional.empty()
                    : java.util.Optional.of(expected));
        }
    }
}
