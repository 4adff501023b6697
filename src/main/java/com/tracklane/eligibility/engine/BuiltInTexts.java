package com.tracklane.eligibility.engine;

import java.util.Map;

/** Texts of the built-in rule and of warnings, in every served language. */
final class BuiltInTexts {

    private BuiltInTexts() {
    }

    static final Localized<String> TRACK_OPEN_TITLE = new Localized<>(Map.of(
            "en", "The track is open for this entry",
            "ja", "入国日にトラックが運用中であること",
            "km", "ផ្លូវធ្វើដំណើរត្រូវបានបើកសម្រាប់ការចូលនេះ"));

    /** Arguments: status, entry date, version, effective from. */
    static final Localized<String> TRACK_OPEN_PASS = new Localized<>(Map.of(
            "en", "The track is %s for an entry on %s (version %d, in force from %s).",
            "ja", "%2$s の入国時点でトラックは %1$s です（バージョン %3$d、%4$s から適用）。",
            "km", "ផ្លូវធ្វើដំណើរមានស្ថានភាព %s សម្រាប់ការចូលនៅថ្ងៃ %s (កំណែ %d អនុវត្តចាប់ពី %s)។"));

    /** Arguments: status, entry date, version, effective from. */
    static final Localized<String> TRACK_OPEN_FAIL = new Localized<>(Map.of(
            "en", "The track is %s, not OPEN, for an entry on %s (version %d, in force from %s).",
            "ja", "%2$s の入国時点でトラックは %1$s であり、運用中（OPEN）ではありません（バージョン %3$d、%4$s から適用）。",
            "km", "ផ្លូវធ្វើដំណើរមានស្ថានភាព %s មិនមែន OPEN ទេ សម្រាប់ការចូលនៅថ្ងៃ %s (កំណែ %d អនុវត្តចាប់ពី %s)។"));

    /** Arguments: next status, from. */
    static final Localized<String> NEXT_CHANGE = new Localized<>(Map.of(
            "en", " Next known change: %s from %s.",
            "ja", " 次の既知の変更：%2$s から %1$s。",
            "km", " ការផ្លាស់ប្តូរបន្ទាប់ដែលបានដឹង៖ %s ចាប់ពី %s។"));

    /** Arguments: exit date, obligation code, last day of the obligation. */
    static final Localized<String> CUT_SHORT = new Localized<>(Map.of(
            "en", "The itinerary leaves the destination on %s, before %s ends on %s.",
            "ja", "旅程では %1$s に出国しますが、%2$s は %3$s まで続きます。",
            "km", "ដំណើរចាកចេញពីប្រទេសគោលដៅនៅថ្ងៃ %s មុនពេល %s បញ្ចប់នៅថ្ងៃ %s។"));
}
