package com.tracklane.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the application endpoints serve. Personal data is shown in full to officers only. */
public final class ApplicationViews {

    private ApplicationViews() {
    }

    public record Applicant(String givenName, String familyName, String passportNumber, String nationality,
                            LocalDate dateOfBirth, String email) {
    }

    public record Route(String origin, String destination) {
    }

    public record RuleSetRef(String id, int version, String contentHash) {
    }

    public record SnapshotSummary(String id, String outcome, RuleSetRef ruleSet, Instant knownAt, Instant createdAt) {
    }

    public record Snapshot(String id, String outcome, RuleSetRef ruleSet, Instant knownAt, Instant createdAt,
                           JsonNode request, JsonNode decision) {
    }

    public record Application(String id, String reference, ApplicationStatus status, String track, Route route,
                              String ruleSetId, Applicant applicant, boolean personalDataMasked, JsonNode request,
                              SnapshotSummary currentDecision, String submittedBy, String org, Instant submittedAt,
                              Instant updatedAt, long version) {
    }

    public record Event(long id, Instant at, String subject, String action, ApplicationStatus fromStatus,
                        ApplicationStatus toStatus, String reason, String snapshotId, boolean override,
                        List<String> changedFields) {
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    public record Replay(String snapshotId, boolean identical, RuleSetRef ruleSet, String storedOutcome,
                         String replayedOutcome, List<String> differences, JsonNode replayed) {
    }

    static Applicant applicant(TravelApplication a, boolean full) {
        if (full) {
            return new Applicant(a.givenName, a.familyName, a.passportNumber, a.nationality, a.dateOfBirth, a.email);
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

    static SnapshotSummary summary(DecisionSnapshot s) {
        return s == null ? null : new SnapshotSummary(s.id, s.outcome, new RuleSetRef(s.ruleSetId, s.ruleSetVersion, s.contentHash),
                s.knownAt, s.createdAt);
    }

    static Event event(ApplicationEvent e) {
        return new Event(e.id, e.at, e.subject, e.action, e.fromStatus, e.toStatus, e.reason, e.snapshotId, e.overrideDecision,
                e.changedFields == null ? null : e.changedFields.isEmpty() ? List.of() : List.of(e.changedFields.split(",")));
    }
}
