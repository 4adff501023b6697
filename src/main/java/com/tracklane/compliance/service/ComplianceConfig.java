package com.tracklane.compliance.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code tracklane.compliance.*} in application.properties. */
@ConfigMapping(prefix = "tracklane.compliance")
public interface ComplianceConfig {

    /** A check-in farther than this from every allowed place is OUTSIDE_ALLOWED_PLACE. */
    @WithDefault("500")
    double radiusMeters();

    /** Used when the rule-set version has no {@code feverThresholdC} parameter. */
    @WithDefault("37.5")
    double feverThresholdC();

    Sweep sweep();

    ArrivalWindow arrivalWindow();

    /**
     * Which arrivals are plausible for an application: from {@code early} before the trip's scheduled entry to
     * {@code late} after it (a flight brought forward, a delay, a rebooking). Anything else is refused with 400: it
     * is another trip, or a typing error.
     */
    interface ArrivalWindow {
        @WithDefault("P2D")
        java.time.Duration early();

        @WithDefault("P30D")
        java.time.Duration late();
    }

    interface Sweep {
        /** The scheduled sweep; off in tests (sweeps there are requested with an explicit instant). */
        @WithDefault("true")
        boolean enabled();

        /** How often, e.g. {@code 1h} or {@code 15m}. */
        @WithDefault("1h")
        String every();
    }
}
