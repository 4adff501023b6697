package com.tracklane.eligibility.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tracklane.track.model.Localized;
import com.tracklane.track.model.VersionStatus;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The built-in texts say exactly what their former {@code String.format} patterns said, in every language. */
class BuiltInTextsTest {

    private static final OffsetDateTime FROM = OffsetDateTime.parse("2020-09-08T00:00+09:00");
    private static final LocalDate DATE = LocalDate.of(2020, 9, 15);

    @Test
    void trackOpenTexts() {
        Map<String, String> pass = Map.of(
                "en", "The track is %s for an entry on %s (version %d, in force from %s).",
                "ja", "%2$s の入国時点でトラックは %1$s です（バージョン %3$d、%4$s から適用）。",
                "km", "ផ្លូវធ្វើដំណើរមានស្ថានភាព %s សម្រាប់ការចូលនៅថ្ងៃ %s (កំណែ %d អនុវត្តចាប់ពី %s)។");
        Map<String, String> fail = Map.of(
                "en", "The track is %s, not OPEN, for an entry on %s (version %d, in force from %s).",
                "ja", "%2$s の入国時点でトラックは %1$s であり、運用中（OPEN）ではありません（バージョン %3$d、%4$s から適用）。",
                "km", "ផ្លូវធ្វើដំណើរមានស្ថានភាព %s មិនមែន OPEN ទេ សម្រាប់ការចូលនៅថ្ងៃ %s (កំណែ %d អនុវត្តចាប់ពី %s)។");
        for (String language : Localized.LANGUAGES) {
            assertEquals(pass.get(language).formatted(VersionStatus.OPEN, DATE, 2, FROM),
                    BuiltInTexts.TRACK_OPEN_PASS.in(language).of(VersionStatus.OPEN, DATE, 2, FROM), language);
            assertEquals(fail.get(language).formatted(VersionStatus.SUSPENDED, DATE, 12, FROM),
                    BuiltInTexts.TRACK_OPEN_FAIL.in(language).of(VersionStatus.SUSPENDED, DATE, 12, FROM), language);
        }
    }

    @Test
    void nextChangeAndCutShortTexts() {
        Map<String, String> next = Map.of(
                "en", " Next known change: %s from %s.",
                "ja", " 次の既知の変更：%2$s から %1$s。",
                "km", " ការផ្លាស់ប្តូរបន្ទាប់ដែលបានដឹង៖ %s ចាប់ពី %s។");
        Map<String, String> cut = Map.of(
                "en", "The itinerary leaves the destination on %s, before %s ends on %s.",
                "ja", "旅程では %1$s に出国しますが、%2$s は %3$s まで続きます。",
                "km", "ដំណើរចាកចេញពីប្រទេសគោលដៅនៅថ្ងៃ %s មុនពេល %s បញ្ចប់នៅថ្ងៃ %s។");
        for (String language : Localized.LANGUAGES) {
            assertEquals(next.get(language).formatted(VersionStatus.SUSPENDED, FROM),
                    BuiltInTexts.NEXT_CHANGE.in(language).of(VersionStatus.SUSPENDED, FROM), language);
            assertEquals(cut.get(language).formatted(DATE, "QUARANTINE", DATE.plusDays(14)),
                    BuiltInTexts.CUT_SHORT.in(language).of(DATE, "QUARANTINE", DATE.plusDays(14)), language);
        }
        // An unknown language falls back to English.
        assertEquals(BuiltInTexts.NEXT_CHANGE.in("en").of("OPEN", FROM), BuiltInTexts.NEXT_CHANGE.in("fr").of("OPEN", FROM));
    }
}
