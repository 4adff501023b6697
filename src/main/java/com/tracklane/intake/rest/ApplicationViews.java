package com.tracklane.intake.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.tracklane.common.RuleSetRef;
import com.tracklane.intake.model.Applicant;
import com.tracklane.intake.model.ApplicationEvent;
import com.tracklane.intake.model.ApplicationStatus;
import com.tracklane.intake.model.DecisionSnapshot;
import com.tracklane.intake.model.TravelApplication;
import java.time.Instant;
import java.util.List;

/** What the application endpoints serve. Personal data is shown in full to officers only. */
public final class ApplicationViews {

    private ApplicationViews() {
    }

    public record Route(String origin, String destination) {
    }

    public record SnapshotSummary(String id, String outcome, RuleSetRef ruleSet, Instant knownAt, Instant createdAt) {
    }

    public record Snapshot(String id, String outcome, RuleSetRef ruleSet, Instant knownAt, Instant createdAt,
                           JsonNode request, JsonNode decision) {
    }

    public record Application(String id, String reference, ApplicationStatus status, String track, Route route,
                              String ruleSetId, Applicant applicant, boolean personalDataMasked, JsonNode request,
                              SnapshotSummary currentDecision, String submittedBy, String org, Instant submittedAt,
                              Instant updatedAt, long version, Instant personalDataErasedAt) {
    }

    public record Event(long id, Instant at, String subject, String action, ApplicationStatus fromStatus,
                        ApplicationStatus toStatus, String reason, String snapshotId, boolean override,
                        List<String> changedFields) {
    }

    public record Replay(String snapshotId, boolean identical, RuleSetRef ruleSet, String storedOutcome,
                         String replayedOutcome, List<String> differences, JsonNode replayed, String note) {
    }

    public record PersonalDataRead(long id, Instant at, String subject, String via) {
    }

    static PersonalDataRead read(com.tracklane.intake.model.PersonalDataRead r) {
        return new PersonalDataRead(r.id, r.at, r.subject, r.via);
    }

    static Applicant applicant(TravelApplication a, boolean full) {
        if (a.personalDataErased()) {
            return new Applicant(null, null, null, a.nationality, null, null);
        }
        if (full) {
            return a.applicant();
        }
        return new Applicant(initial(a.givenName), initial(a.familyName), maskPassport(a.passportNumber), a.nationality,
                null, maskEmail(a.email));
    }

    /** {@code N1234567} → {@code ****4567}. */
    static String maskPassport(String passport) {
        return passport.length() <= 4 ? "****" : "****" + passport.substring(passport.length() - 4);
    }

    static String initial(String name) {
        return name.isEmpty() ? name : name.codePoints().limit(1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + ".";
    }

    static String maskEmail(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    static RuleSetRef ruleSet(DecisionSnapshot s) {
        return new RuleSetRef(s.ruleSetId, s.ruleSetVersion, s.contentHash);
    }

    static SnapshotSummary summary(DecisionSnapshot s) {
        return s == null ? null : new SnapshotSummary(s.id, s.outcome, ruleSet(s), s.knownAt, s.createdAt);
    }

    static Snapshot snapshot(DecisionSnapshot s) {
        return new Snapshot(s.id, s.outcome, ruleSet(s), s.knownAt, s.createdAt, s.request, s.decision);
    }

    static Event event(ApplicationEvent e) {
        return new Event(e.id, e.at, e.subject, e.action, e.fromStatus, e.toStatus, e.reason, e.snapshotId, e.overrideDecision,
                e.changedFields == null ? null : e.changedFields.isEmpty() ? List.of() : List.of(e.changedFields.split(",")));
    }
}
