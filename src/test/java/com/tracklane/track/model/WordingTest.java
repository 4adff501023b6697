package com.tracklane.track.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link Wording#text} skips the passes that cannot match and replaces codes in one scan: the same words as the four
 * regular-expression passes it had before (kept here as the reference), over texts built to hit every pass.
 */
class WordingTest {

    private static final Pattern INSTANT = Pattern.compile(
            "\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern CODE = Pattern.compile("(?<![A-Za-z0-9_])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?![A-Za-z0-9_])");
    private static final Pattern DURATION = Pattern.compile("(-?\\d+) h(?: (\\d+) min)?(?![A-Za-z])");
    private static final Pattern WHOLE_DECIMAL = Pattern.compile("(?<![\\d.])(\\d+)\\.0(?![\\d.])");

    /** Wording.text as it was: four regular-expression passes, String.format for amounts. */
    static String reference(String s, String language) {
        return reference(s, language, false);
    }

    /** The same, with country codes as names (edition 3) when {@code countries}. */
    static String reference(String s, String language, boolean countries) {
        if (s.isEmpty()) {
            return s;
        }
        String out = INSTANT.matcher(s).replaceAll(m -> {
            try {
                return Matcher.quoteReplacement(Wording.instant(OffsetDateTime.parse(m.group().endsWith("Z")
                        ? m.group().replace("Z", "+00:00") : m.group())));
            } catch (DateTimeParseException e) {
                return Matcher.quoteReplacement(m.group());
            }
        });
        out = CODE.matcher(out).replaceAll(m -> Matcher.quoteReplacement(
                countries && com.tracklane.common.CountryNames.isCode(m.group()) ? Wording.country(m.group(), language)
                        : Wording.code(m.group(), language)));
        out = WHOLE_DECIMAL.matcher(out).replaceAll(m -> {
            long whole = Long.parseLong(m.group(1));
            return Matcher.quoteReplacement(whole >= 1_000 ? String.format(Locale.ROOT, "%,d", whole) : Long.toString(whole));
        });
        return DURATION.matcher(out).replaceAll(m -> {
            String h = m.group(1);
            String min = m.group(2);
            return Matcher.quoteReplacement(switch (language) {
                case "ja" -> h + " 時間" + (min == null ? "" : " " + min + " 分");
                case "km" -> h + " ម៉ោង" + (min == null ? "" : " " + min + " នាទី");
                default -> m.group();
            });
        });
    }

    private static final String[] PIECES = {
        "PCR", "NEGATIVE", "OPEN", "E_VISA", "KH_COVID19_PACKAGE", "OTHER_NAAT", "START_UP", "E_VISA_", "_OPEN", "OPENx",
        "xOPEN", "Open", "OPEN2", "2OPEN", "OPEN_", "OPEN__X", "A", "Z9", "NRT", "PNH", "KH", "JP", "GB", "US", "ZA", "XK", "QQ", "KHJP", "NO_EXIT", "QUARANTINE",
        "2020-09-14T23:50Z", "2020-09-14T23:50+07:00", "2021-01-13T00:00:30.5+09:00", "2020-09-14T23:50", "2020-02-30T00:00Z",
        "12020-09-14T23:50Z", "T", ":", "Tokyo", "72 h", "72 h 1 min", "-3 h", "5 hours", "72 h 10 minx", "1 h 5 min ",
        "3.0", "1000.0", "12345.0", "3.05", "0.0", "1.0.0", ".0", "3.00", "37.5", "50000", "1,000", "—", "、", "検査", "テスト",
        "ម៉ោង", " ", ", ", "(", ")", "-", "_", ".", "/", "é", "\u00a0", "", "x", "abc", "42", "-1000.0"
    };

    @Test
    void shouldWordEveryTextAsTheRegularExpressionsDid() {
        Random random = new Random(15);
        List<String> texts = new ArrayList<>(List.of(PIECES));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            int parts = 1 + random.nextInt(6);
            for (int p = 0; p < parts; p++) {
                s.append(PIECES[random.nextInt(PIECES.length)]);
                if (random.nextBoolean()) {
                    s.append(random.nextBoolean() ? " " : PIECES[random.nextInt(PIECES.length)]);
                }
            }
            texts.add(s.toString());
        }
        for (String language : List.of("en", "ja", "km")) {
            for (String text : texts) {
                assertThat(Wording.text(text, language)).as("%s in %s", text, language).isEqualTo(reference(text, language));
                assertThat(Wording.text(text, language, 3)).as("%s in %s, edition 3", text, language)
                        .isEqualTo(reference(text, language, true));
            }
        }
    }

    @Test
    void shouldGroupAmountsAsTheFormatterDid() {
        Random random = new Random(15);
        List<Long> values = new ArrayList<>(List.of(0L, 1L, -1L, 999L, 1000L, -1000L, 999_999L, 1_000_000L, -123_456_789L,
                Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1));
        for (int i = 0; i < 10_000; i++) {
            values.add(random.nextLong() >> random.nextInt(64));
        }
        for (long value : values) {
            assertThat(Wording.amount(value)).as("%d", value).isEqualTo(String.format(Locale.ROOT, "%,d", value));
        }
    }
}
