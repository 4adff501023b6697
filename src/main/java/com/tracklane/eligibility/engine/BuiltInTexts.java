package com.tracklane.eligibility.engine;

import com.tracklane.track.model.Localized;
import java.util.Map;

/**
 * Texts of the built-in rule and of warnings, in every served language. Each text is a small function of its values
 * rather than a {@code String.format} pattern: they are built for every rule set of every check, and a
 * {@link java.util.Formatter} costs about a microsecond per call.
 */
final class BuiltInTexts {

    private BuiltInTexts() {
    }

    /** status, entry date, version, effective from. */
    @FunctionalInterface
    interface TrackText {
        String of(Object status, Object entryDate, int version, Object effectiveFrom);
    }

    /** next status, from. */
    @FunctionalInterface
    interface NextChangeText {
        String of(Object status, Object from);
    }

    /** exit date, obligation code, last day of the obligation. */
    @FunctionalInterface
    interface CutShortText {
        String of(Object exitDate, Object code, Object until);
    }

    static final Localized<String> TRACK_OPEN_TITLE = new Localized<>(Map.of(
            "en", "The track is open for this entry",
            "ja", "入国日にトラックが運用中であること",
            "km", "ផ្លូវធ្វើដំណើរត្រូវបានបើកសម្រាប់ការចូលនេះ"));

    static final Localized<TrackText> TRACK_OPEN_PASS = new Localized<>(Map.<String, TrackText>of(
            "en", (s, d, n, f) -> "The track is " + s + " for an entry on " + d + " (version " + n + ", in force from " + f + ").",
            "ja", (s, d, n, f) -> d + " の入国時点でトラックは " + s + " です（バージョン " + n + "、" + f + " から適用）。",
            "km", (s, d, n, f) -> "ផ្លូវធ្វើដំណើរមានស្ថានភាព " + s + " សម្រាប់ការចូលនៅថ្ងៃ " + d + " (កំណែ " + n + " អនុវត្តចាប់ពី " + f + ")។"));

    static final Localized<TrackText> TRACK_OPEN_FAIL = new Localized<>(Map.<String, TrackText>of(
            "en", (s, d, n, f) -> "The track is " + s + ", not OPEN, for an entry on " + d + " (version " + n + ", in force from " + f + ").",
            "ja", (s, d, n, f) -> d + " の入国時点でトラックは " + s + " であり、運用中（OPEN）ではありません（バージョン " + n + "、" + f + " から適用）。",
            "km", (s, d, n, f) -> "ផ្លូវធ្វើដំណើរមានស្ថានភាព " + s + " មិនមែន OPEN ទេ សម្រាប់ការចូលនៅថ្ងៃ " + d + " (កំណែ " + n + " អនុវត្តចាប់ពី " + f + ")។"));

    /** Edition 2: the status in words, without the code OPEN. */
    static final Localized<TrackText> TRACK_NOT_OPEN = new Localized<>(Map.<String, TrackText>of(
            "en", (s, d, n, f) -> "The track is " + s + " for an entry on " + d + " (version " + n + ", in force from " + f + ").",
            "ja", (s, d, n, f) -> d + " の入国時点でトラックは" + s + "であり、運用されていません（バージョン " + n + "、" + f + " から適用）。",
            "km", (s, d, n, f) -> "ផ្លូវធ្វើដំណើរមានស្ថានភាព " + s + " មិនបើកទេ សម្រាប់ការចូលនៅថ្ងៃ " + d + " (កំណែ " + n + " អនុវត្តចាប់ពី " + f + ")។"));

    static final Localized<NextChangeText> NEXT_CHANGE = new Localized<>(Map.<String, NextChangeText>of(
            "en", (s, f) -> " Next known change: " + s + " from " + f + ".",
            "ja", (s, f) -> " 次の既知の変更：" + f + " から " + s + "。",
            "km", (s, f) -> " ការផ្លាស់ប្តូរបន្ទាប់ដែលបានដឹង៖ " + s + " ចាប់ពី " + f + "។"));

    static final Localized<CutShortText> CUT_SHORT = new Localized<>(Map.<String, CutShortText>of(
            "en", (e, c, u) -> "The itinerary leaves the destination on " + e + ", before " + c + " ends on " + u + ".",
            "ja", (e, c, u) -> "旅程では " + e + " に出国しますが、" + c + " は " + u + " まで続きます。",
            "km", (e, c, u) -> "ដំណើរចាកចេញពីប្រទេសគោលដៅនៅថ្ងៃ " + e + " មុនពេល " + c + " បញ្ចប់នៅថ្ងៃ " + u + "។"));
}
