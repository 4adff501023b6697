package com.tracklane.web.pages.intake;

import java.util.Set;

/**
 * Which sentence of {@link IntakeMsg} tells the user how to fix a field the service refused: one per kind of input
 * ({@code err_passportNumber}, {@code err_departure} …), {@code err_required} for a missing one, {@code err_default}
 * otherwise. The API's own message stays in English for integrators; the page says it in the user's language.
 */
final class IntakeErrors {

    /** The kinds of input with their own sentence (the last name of the field's path). */
    static final Set<String> KINDS = Set.of("givenName", "familyName", "passportNumber", "nationality", "dateOfBirth", "email",
            "residenceCountry", "statusOfResidence", "recentCountries", "itinerary", "flight", "from", "to", "departure",
            "arrival", "airport", "afterLeg", "sampledAt", "maxTemperatureC", "coverageUsd", "country", "issuedOn", "lat",
            "lon", "name", "address", "method", "specimen", "result", "kind", "track", "transits", "places");

    private IntakeErrors() {
    }

    static String keyFor(String field, String message) {
        if ("is required".equals(message) && !field.endsWith("itinerary")) {
            return "err_required";
        }
        if (field.endsWith("healthMonitoring.from")) {
            return "err_monitoringFrom";
        }
        String last = field.replaceAll("\\[\\d+]$", "");
        last = last.substring(last.lastIndexOf('.') + 1);
        return KINDS.contains(last) ? "err_" + last : "err_default";
    }
}
