package com.tracklane.intake.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.tracklane.common.CanonicalJson;
import com.tracklane.common.ConflictException;
import com.tracklane.common.FieldError;
import com.tracklane.common.InputChecks;
import com.tracklane.common.InvalidInputException;
import com.tracklane.common.JsonSchemaCheck;
import com.tracklane.eligibility.engine.Decision;
import com.tracklane.eligibility.service.EligibilityService;
import com.tracklane.intake.model.Applicant;
import com.tracklane.intake.model.ApplicationStatus;
import com.tracklane.intake.model.DecisionSnapshot;
import com.tracklane.intake.model.TravelApplication;
import com.tracklane.intake.repository.ApplicationReferenceSequence;
import com.tracklane.intake.repository.ApplicationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Submissions: a new application is evaluated at once and stored with its first decision snapshot, owned by the
 * caller's organisation; a retried submission with the same {@code Idempotency-Key} answers the stored application.
 */
@ApplicationScoped
public class SubmissionService {

    private static final JsonSchemaCheck SUBMISSION_SCHEMA =
            JsonSchemaCheck.of(EligibilityService.OPENAPI_RESOURCE, "/components/schemas/ApplicationSubmission");

    private final ApplicationRepository applications;
    private final Evaluations evaluations;
    private final Transitions transitions;
    private final ApplicationReferenceSequence references;

    public SubmissionService(ApplicationRepository applications, Evaluations evaluations, Transitions transitions,
                             ApplicationReferenceSequence references) {
        this.applications = applications;
        this.evaluations = evaluations;
        this.transitions = transitions;
        this.references = references;
    }

    /** @param snapshot the current snapshot when it was just written (saves reading it back), else null */
    public record Submitted(TravelApplication application, boolean created, DecisionSnapshot snapshot) {
    }

    /**
     * Evaluates the trip with what the service knows now (a {@code knownAt} in the request is refused: the applicant
     * side does not choose the rules) and stores the application with its first decision snapshot. When two
     * submissions with one {@code Idempotency-Key} arrive at once, the loser's insert fails on the unique key and
     * {@link #resubmitted} answers it.
     */
    @Transactional
    public Submitted submit(JsonNode body, Caller caller, String idempotencyKey) {
        String subject = caller.subject();
        String hash = CanonicalJson.sha256Hex(body);
        if (idempotencyKey != null) {
            Submitted earlier = earlier(subject, idempotencyKey, hash);
            if (earlier != null) {
                return earlier;
            }
        }
        validate(body, evaluations.now());
        JsonNode request = body.get("request");
        Evaluations.Evaluated evaluated = evaluations.evaluate(request, evaluations.now());
        Decision decision = evaluated.decision();

        Instant now = evaluations.now();
        TravelApplication a = new TravelApplication();
        a.id = UUID.randomUUID().toString();
        a.reference = References.next(decision, references.next());
        a.status = ApplicationStatus.SUBMITTED;
        a.track = decision.track().name();
        a.origin = decision.route().origin();
        a.destination = decision.route().destination();
        a.ruleSetId = decision.ruleSet().id();
        a.setApplicant(applicant(body.get("applicant")));
        a.request = request;
        a.submittedBy = subject;
        a.submittedAt = now;
        a.updatedAt = now;
        a.idempotencyKey = idempotencyKey;
        a.requestHash = hash;
        a.org = caller.org();
        // One INSERT per row and no UPDATE: the application names its first snapshot before either is inserted (the
        // snapshot's foreign key points to the application, which is inserted first), and its first saved state is
        // version 1, the ETag a submission has always answered.
        DecisionSnapshot snapshot = evaluations.snapshot(a, request, evaluated, now);
        a.currentSnapshotId = snapshot.id;
        a.currentOutcome = snapshot.outcome;
        a.version = 1;
        applications.persist(a);
        if (idempotencyKey != null) {
            applications.flush(); // a concurrent twin fails here, inside this method
        }
        evaluations.store(snapshot);
        transitions.record(a, subject, "SUBMITTED", null, ApplicationStatus.SUBMITTED, null, snapshot.id, false, now);
        return new Submitted(a, true, snapshot);
    }

    /**
     * The answer to a submission whose insert lost the race against a concurrent one with the same
     * {@code Idempotency-Key}: the winner's application (or a 409 when the bodies differ); null when there is none.
     */
    @Transactional
    public Submitted resubmitted(JsonNode body, Caller caller, String idempotencyKey) {
        return earlier(caller.subject(), idempotencyKey, CanonicalJson.sha256Hex(body));
    }

    private Submitted earlier(String subject, String idempotencyKey, String hash) {
        TravelApplication existing = applications.submittedWithKey(subject, idempotencyKey).orElse(null);
        if (existing == null) {
            return null;
        }
        if (!existing.requestHash.equals(hash)) {
            throw new ConflictException("Idempotency-Key '" + idempotencyKey + "' was already used for a different submission.");
        }
        return new Submitted(existing, false, null);
    }

    /**
     * Checks a whole submission (a new one, or an application with a merge patch applied): the contract's
     * {@code ApplicationSubmission}, no {@code knownAt}, single-line names and e-mail, a date of birth not after
     * {@code now}.
     */
    static void validate(JsonNode body, Instant now) {
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("(body)", "a JSON object with applicant and request is required");
        }
        List<FieldError> errors = new ArrayList<>(InputChecks.numbersOutOfRange(body, ""));
        if (body.path("request").has("knownAt")) {
            errors.add(new FieldError("request.knownAt", "is not accepted in an application: it is evaluated with the rules"
                    + " the service knows at submission (officers can replay any snapshot with its own knownAt)"));
        }
        if (errors.isEmpty()) {
            errors.addAll(SUBMISSION_SCHEMA.validate(body));
        }
        if (errors.isEmpty()) {
            for (String field : List.of("givenName", "familyName", "email")) {
                String problem = InputChecks.singleLineTextProblem(body.path("applicant").path(field).asText());
                if (problem != null) {
                    errors.add(new FieldError("applicant." + field, problem));
                }
            }
        }
        JsonNode dob = body.path("applicant").path("dateOfBirth");
        if (errors.isEmpty()) {
            try {
                LocalDate date = LocalDate.parse(dob.asText());
                if (date.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
                    errors.add(new FieldError("applicant.dateOfBirth", "is in the future"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("applicant.dateOfBirth", "is not a date (YYYY-MM-DD)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The application has " + errors.size() + " invalid field(s).", errors);
        }
    }

    /** The applicant of a validated submission. */
    static Applicant applicant(JsonNode applicant) {
        return new Applicant(applicant.get("givenName").asText(), applicant.get("familyName").asText(),
                applicant.get("passportNumber").asText(), applicant.get("nationality").asText(),
                LocalDate.parse(applicant.get("dateOfBirth").asText()), applicant.get("email").asText());
    }
}
