package com.tracklane.web.pages.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracklane.common.InputChecks;
import com.tracklane.common.UniqueViolation;
import com.tracklane.intake.model.ApplicationStatus;
import com.tracklane.intake.model.DecisionSnapshot;
import com.tracklane.intake.model.ReviewAction;
import com.tracklane.intake.model.TravelApplication;
import com.tracklane.intake.service.ApplicationAccess;
import com.tracklane.intake.service.Caller;
import com.tracklane.intake.service.CorrectionService;
import com.tracklane.intake.service.HistoryService;
import com.tracklane.intake.service.ReviewService;
import com.tracklane.intake.service.SubmissionService;
import com.tracklane.security.Roles;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The intake desk's one door to intake's services: the same calls {@code ApplicationResource} makes for the JSON API
 * (submission with an idempotency key, reading, listing, merge-patch correction, withdrawal), never over HTTP. Kept in
 * one class so that a move of intake's classes changes only this file.
 */
@RequestScoped
public class IntakeServices {

    @Inject
    ApplicationAccess access;

    @Inject
    SubmissionService submissions;

    @Inject
    CorrectionService corrections;

    @Inject
    ReviewService reviews;

    @Inject
    HistoryService histories;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper mapper;

    /** A stored submission: the application and whether this call created it (false: an earlier one with the same key). */
    public record Submitted(TravelApplication application, boolean created) {
    }

    /**
     * Submits once per {@code idempotencyKey}: a repeated press or a resent form answers the application the first one
     * stored (and a different body under the same key is a conflict), as {@code POST /api/v1/applications} does.
     */
    public Submitted submit(JsonNode body, String idempotencyKey) {
        Caller caller = caller();
        try {
            SubmissionService.Submitted s = submissions.submit(body, caller, idempotencyKey);
            return new Submitted(s.application(), s.created());
        } catch (RuntimeException e) {
            SubmissionService.Submitted first = UniqueViolation.in(e) ? submissions.resubmitted(body, caller, idempotencyKey) : null;
            if (first == null) {
                throw e;
            }
            return new Submitted(first.application(), false);
        }
    }

    /** The application, when the signed-in user may see it (another organisation's is not found). */
    public TravelApplication find(String id) {
        return access.find(id, caller());
    }

    /** One page of the user's organisation's applications (every organisation's for officers), newest first. */
    public Found recent(int page, int size) {
        ApplicationAccess.Found found = access.list(new ApplicationAccess.Filter(null, null, null, null, null, null),
                caller(), page, size);
        return new Found(found.items(), found.total());
    }

    /** A page of applications and how many there are in all. */
    public record Found(List<TravelApplication> items, long total) {
    }

    /** Applies a JSON merge patch (RFC 7396) if the application is still at {@code version}. */
    public TravelApplication correct(String id, JsonNode patch, long version) {
        return corrections.patch(id, patch, version, caller());
    }

    /** Withdraws the application if it is still at {@code version}. */
    public TravelApplication withdraw(String id, String reason, long version) {
        return reviews.withdraw(id, reason, version, caller());
    }

    /** The current decision snapshot, or null. */
    public DecisionSnapshot current(TravelApplication a) {
        return histories.current(a, null);
    }

    /** The trip as stored. */
    public JsonNode request(TravelApplication a) {
        return a.request;
    }

    /** The snapshot's request as stored. */
    public JsonNode snapshotRequest(DecisionSnapshot s) {
        return s.request;
    }

    /** The snapshot's decision as stored (as the API serves it). */
    public JsonNode snapshotDecision(DecisionSnapshot s) {
        return s.decision;
    }

    /** The applicant as stored (for officers only: the pages show personal data in full to officers, as the API does). */
    public java.util.Map<String, String> applicant(TravelApplication a) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        out.put("givenName", a.givenName);
        out.put("familyName", a.familyName);
        out.put("passportNumber", a.passportNumber);
        out.put("nationality", a.nationality);
        out.put("dateOfBirth", a.dateOfBirth == null ? "" : a.dateOfBirth.toString());
        out.put("email", a.email);
        return out;
    }

    /** Whether the application may still be corrected (while the applicant side holds it). */
    public static boolean correctable(TravelApplication a) {
        return a.status.editable();
    }

    /** Whether the application may still be withdrawn. */
    public static boolean withdrawable(TravelApplication a) {
        return ReviewAction.WITHDRAW.allowedFrom(a.status);
    }

    /** The status of an application. */
    public static ApplicationStatus status(TravelApplication a) {
        return a.status;
    }

    /** Whether the signed-in user sees personal data in full (officers). */
    public boolean seesPersonalData() {
        return identity.hasRole(Roles.OFFICER);
    }

    /** The token's subject, its organisation ({@code org} claim, else the subject), as the JSON API reads them. */
    Caller caller() {
        String subject = identity.getPrincipal().getName();
        String org = subject;
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.containsClaim(Roles.ORG_CLAIM)) {
            Object claim = jwt.getClaim(Roles.ORG_CLAIM);
            String text = claim instanceof JsonString js ? js.getString() : claim instanceof String str ? str : null;
            if (text == null || text.isBlank() || text.length() > 200 || InputChecks.singleLineTextProblem(text) != null) {
                throw new AuthenticationFailedException("the org claim is not a short single-line string");
            }
            org = text;
        }
        return new Caller(subject, org, identity.hasRole(Roles.OFFICER));
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
