package com.tracklane.track.model;

/**
 * What an admitted traveller must do after arrival, in destination-local days counted from arrival (day 0).
 *
 * @param untilDay       last day (inclusive), or null when the obligation lasts until the departure
 * @param when           null when the obligation always applies
 * @param warnWhenCutShort warn when the itinerary leaves the destination on or before the obligation's last day (quarantine)
 */
public record ObligationSpec(
        String code,
        int fromDay,
        Integer untilDay,
        Expression when,
        Localized<Template> detail,
        Citation citation,
        boolean warnWhenCutShort) {
}
