package com.tracklane.web.pages.officer;

import com.fasterxml.jackson.databind.JsonNode;
import com.tracklane.intake.model.ApplicationEvent;
import com.tracklane.intake.model.DecisionSnapshot;
import com.tracklane.intake.model.ReviewAction;
import com.tracklane.intake.model.TravelApplication;
import com.tracklane.web.pages.desk.LocalisedDecision;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the officer's application page shows, read from intake's service: the application and its applicant (in full:
 * the page is for officers only, as the API shows officers), the current decision with each rule's result, every
 * snapshot (newest first), the history as a timeline, and the actions the application's status allows.
 */
public record ApplicationPage(String id, String reference, String statusKey, String origin, String destination,
                              String trackKey, String ruleSetId, Instant submittedAt, Instant updatedAt, String submittedBy,
                              Applicant applicant, Snapshot current, List<RuleLine> rules, List<Snapshot> snapshots,
                              List<Event> history, List<Action> actions, boolean notEligible, long version, long lastEventId) {

    /** The history's actions the pages have words for (others read "changed"). */
    static final java.util.Set<String> KNOWN_ACTIONS = java.util.Set.of("SUBMITTED", "START_REVIEW", "REQUEST_INFO", "APPROVE",
            "REJECT", "WITHDRAW", "DOCUMENTS_UPDATED", "RE_EVALUATED");

    /** The applicant as officers see it. */
    public record Applicant(String givenName, String familyName, String passportNumber, String nationality,
                            LocalDate dateOfBirth, String email) {
    }

    /** One decision snapshot. */
    public record Snapshot(String id, String outcome, String outcomeKey, String ruleSetId, int ruleSetVersion,
                           Instant knownAt, Instant createdAt, boolean current) {
    }

    /** One rule of the current decision. */
    public record RuleLine(String ruleId, String resultKey, String resultClass, String title, String message, String sourceUrl,
                           String language) {
    }

    /** An action the status allows: the button's value and its label's key. */
    public record Action(String name, String labelKey) {
    }

    /** One history entry. */
    public record Event(long id, Instant at, String subject, String actionKey, String fromKey, String toKey, String reason,
                        boolean override, List<String> changedFields) {
    }

    static ApplicationPage of(TravelApplication a, List<DecisionSnapshot> snapshots, List<ApplicationEvent> events,
                              java.util.function.Function<DecisionSnapshot, LocalisedDecision.Texts> decisionInLanguage) {
        List<Snapshot> shots = new ArrayList<>();
        Snapshot current = null;
        DecisionSnapshot currentSnapshot = null;
        for (DecisionSnapshot s : snapshots) {
            boolean isCurrent = s.id.equals(a.currentSnapshotId);
            Snapshot shot = new Snapshot(s.id, s.outcome, "desk_outcome_" + s.outcome, s.ruleSetId, s.ruleSetVersion, s.knownAt,
                    s.createdAt, isCurrent);
            shots.add(shot);
            if (isCurrent) {
                current = shot;
                currentSnapshot = s;
            }
        }
        shots.sort(Comparator.comparing(Snapshot::createdAt).reversed());
        List<RuleLine> rules = currentSnapshot == null ? List.of() : rules(decisionInLanguage.apply(currentSnapshot));
        List<Event> history = events.stream().map(ApplicationPage::event).toList();
        List<Action> actions = new ArrayList<>();
        for (ReviewAction action : ReviewAction.values()) {
            if (action != ReviewAction.WITHDRAW && action.allowedFrom(a.status)) {
                actions.add(new Action(action.name(), "officer_do_" + action.name()));
            }
        }
        long lastEventId = events.stream().mapToLong(e -> e.id).max().orElse(0);
        return new ApplicationPage(a.id, a.reference, "officer_status_" + a.status.name(), a.origin, a.destination,
                "desk_track_" + a.track, a.ruleSetId, a.submittedAt, a.updatedAt, a.submittedBy,
                new Applicant(a.givenName, a.familyName, a.passportNumber, a.nationality, a.dateOfBirth, a.email),
                current, rules, shots, history, actions, "NOT_ELIGIBLE".equals(a.currentOutcome), a.version, lastEventId);
    }

    /** The entries after the one the officer last saw: what another officer changed meanwhile. */
    public List<Event> historyAfter(long seen) {
        return history.stream().filter(e -> e.id() > seen).toList();
    }

    static Event event(ApplicationEvent e) {
        List<String> changed = e.changedFields == null || e.changedFields.isEmpty() ? List.of() : List.of(e.changedFields.split(","));
        String action = KNOWN_ACTIONS.contains(e.action) ? e.action : "OTHER";
        return new Event(e.id, e.at, e.subject, "officer_action_" + action,
                e.fromStatus == null ? null : "officer_status_" + e.fromStatus.name(),
                e.toStatus == null ? null : "officer_status_" + e.toStatus.name(), e.reason, e.overrideDecision, changed);
    }

    static List<RuleLine> rules(LocalisedDecision.Texts texts) {
        JsonNode decision = texts.decision();
        List<RuleLine> out = new ArrayList<>();
        for (JsonNode r : decision.path("results")) {
            String outcome = r.path("outcome").asText("");
            String css = switch (outcome) {
                case "PASS" -> "ok";
                case "FAIL" -> "bad";
                default -> "warn";
            };
            String url = r.path("citation").path("url").asText(null);
            out.add(new RuleLine(r.path("ruleId").asText(""), "desk_rule_" + outcome, css, r.path("title").asText(""),
                    r.path("message").asText(""), url != null && url.startsWith("https://") ? url : null, texts.language()));
        }
        return out;
    }
}
