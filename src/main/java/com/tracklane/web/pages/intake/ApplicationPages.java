package com.tracklane.web.pages.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.tracklane.intake.model.DecisionSnapshot;
import com.tracklane.intake.model.TravelApplication;
import com.tracklane.reference.AirportDirectory;
import com.tracklane.security.Roles;
import com.tracklane.web.Pages;
import com.tracklane.web.pages.desk.LocalisedDecision;
import com.tracklane.web.i18n.PageLanguage;
import com.tracklane.web.session.PageSession;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The page of one application and the rows of the desk's list: reference, status and outcome in words, the route with
 * country names, dates for the page's language, and the current decision. The decision's rule texts are the stored
 * snapshot's, shown in the page's language through {@link LocalisedDecision}.
 */
@RequestScoped
public class ApplicationPages {

    @Inject
    IntakeServices intake;

    @Inject
    LocalisedDecision localised;

    @Inject
    PageLanguage language;

    @Inject
    IntakeChoices choices;

    @Inject
    Pages pages;

    @Inject
    PageSession session;

    @Inject
    @Location("intake/application.html")
    Template application;

    /** One application as the pages list it (no personal data). */
    @TemplateData
    public record Row(String id, String reference, String status, String track, String outcome, String tone, String origin,
                      String destination, String departure, String submitted, String updated, long version) {
        public String statusKey() {
            return "status_" + status;
        }

        public String outcomeKey() {
            return "outcome_" + outcome;
        }

        public String trackKey() {
            return "opt_" + track;
        }
    }

    public List<Row> rows(List<TravelApplication> items) {
        return items.stream().map(this::row).toList();
    }

    public Row row(TravelApplication a) {
        JsonNode request = intake.request(a);
        String tone = a.currentOutcome == null ? "warn" : switch (a.currentOutcome) {
            case "ELIGIBLE" -> "ok";
            case "CONDITIONAL" -> "warn";
            default -> "bad";
        };
        return new Row(a.id, a.reference, a.status.name(), a.track, a.currentOutcome == null ? "" : a.currentOutcome, tone,
                choices.country(a.origin), choices.country(a.destination), departure(request), instant(a.submittedAt),
                instant(a.updatedAt), a.version);
    }

    /** The application's page; {@code done} names what just happened (submitted, again, corrected, withdrawn …). */
    public TemplateInstance page(TravelApplication a, String done) {
        DecisionSnapshot current = intake.current(a);
        ZoneId zone = departureZone(intake.request(a));
        DecisionView decision = current == null ? null : DecisionView.of(decision(current), t -> deadline(t, zone));
        boolean intakeRole = session.current().map(u -> u.has(Roles.INTAKE)).orElse(false);
        return pages.page(application, "intake").data("application", row(a)).data("decision", decision).data("done", done).data("doneKey", done == null ? "" : "done_" + done)
                .data("correctable", IntakeServices.correctable(a))
                .data("withdrawable", IntakeServices.withdrawable(a) && intakeRole)
                .data("checkedAt", current == null ? "" : instant(current.knownAt));
    }

    /** The snapshot's decision in the page's language when the same versions give the same answer, else as stored. */
    JsonNode decision(DecisionSnapshot s) {
        return localised.of(s, language.getCode());
    }

    /** A deadline (the first departure, with its offset) in the departure airport's zone, in words. */
    String deadline(String text, ZoneId zone) {
        try {
            OffsetDateTime at = OffsetDateTime.parse(text);
            return zone == null ? language.dateTime(at.toLocalDateTime()) : language.zoned(at.atZoneSameInstant(zone));
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The zone of the first leg's departure airport, or null. */
    private static ZoneId departureZone(JsonNode request) {
        String code = request.path("itinerary").path(0).path("from").asText("");
        return AirportDirectory.standard().find(code).map(com.tracklane.reference.Airport::zone).orElse(null);
    }

    /** The first leg's departure, local to its airport, in words. */
    private String departure(JsonNode request) {
        JsonNode first = request.path("itinerary").path(0);
        String text = first.path("departure").asText("");
        if (text.length() < 16) {
            return "";
        }
        try {
            return language.dateTime(LocalDateTime.parse(text.substring(0, 16)));
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** An instant in Coordinated Universal Time, with the zone's name. */
    private String instant(Instant at) {
        return at == null ? "" : language.zoned(at.atZone(ZoneId.of("UTC")));
    }
}
