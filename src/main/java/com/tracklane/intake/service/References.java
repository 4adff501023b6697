package com.tracklane.intake.service;

import com.tracklane.eligibility.engine.Decision;

/** Public references of applications: RT-KHJP-2020-000123 (track, route, year of entry, a number from a sequence). */
final class References {

    private References() {
    }

    /** A new reference with {@code number} (from {@link com.tracklane.intake.repository.ApplicationReferenceSequence}). */
    static String next(Decision d, long number) {
        return reference(d, number);
    }

    /** The same number, with the track and year of the new decision (the route cannot change). */
    static String renumbered(String reference, Decision d) {
        return reference(d, Long.parseLong(reference.substring(reference.lastIndexOf('-') + 1)));
    }

    private static String reference(Decision d, long number) {
        return "%sT-%s%s-%d-%06d".formatted(d.track().name().charAt(0), d.route().origin(), d.route().destination(),
                d.entryAt().getYear(), number);
    }
}
