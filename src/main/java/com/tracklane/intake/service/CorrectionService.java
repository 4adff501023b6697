package com.tracklane.intake.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tracklane.common.ConflictException;
import com.tracklane.common.FieldError;
import com.tracklane.common.InputChecks;
import com.tracklane.common.InvalidInputException;
import com.tracklane.common.JsonSchemaCheck;
import com.tracklane.common.MergePatch;
import com.tracklane.eligibility.engine.Decision;
import com.tracklane.eligibility.service.EligibilityService;
import com.tracklane.intake.model.DecisionSnapshot;
import com.tracklane.intake.model.TravelApplication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Corrections while the applicant side holds an application: a JSON merge patch of the applicant and the trip, and
 * evaluating the stored trip again. Either way a new snapshot becomes the current decision.
 */
@ApplicationScoped
public class CorrectionService {

    /** What a merge patch may contain (the contract's request body of PATCH); the merged result must be a submission. */
    private static final JsonSchemaCheck MERGE_PATCH_SCHEMA =
            JsonSchemaCheck.of(EligibilityService.OPENAPI_RESOURCE, "/components/schemas/ApplicationMergePatch");

    private final ApplicationAccess access;
    private final Evaluations evaluations;
    private final Transitions transitions;
    private final ObjectMapper mapper;

    public CorrectionService(ApplicationAccess access, Evaluations evaluations, Transitions transitions, ObjectMapper mapper) {
        this.access = access;
        this.evaluations = evaluations;
        this.transitions = transitions;
        this.mapper = mapper;
    }

    /**
     * A JSON merge patch of the applicant and the trip, while the application may be corrected. The patched trip is
     * evaluated again at once (a new snapshot becomes the current decision, which is what an approval judges); track,
     * rule set and reference follow the new decision. A change of route (origin or destination country) is a
     * different application and is refused. The history records the names of the changed fields, never values.
     */
    @Transactional
    public TravelApplication patch(String id, JsonNode patch, Long expectedVersion, Caller caller) {
        TravelApplication a = access.forChange(id, expectedVersion, caller);
        if (!a.status.editable()) {
            throw new ConflictException("An application can be changed only while SUBMITTED or INFO_REQUESTED; it is " + a.status + ".");
        }
        if (patch == null || !patch.isObject()) {
            throw InvalidInputException.of("(body)", "a JSON merge patch object is required");
        }
        List<FieldError> patchErrors = new ArrayList<>(InputChecks.numbersOutOfRange(patch, ""));
        if (patchErrors.isEmpty()) {
            patchErrors.addAll(MERGE_PATCH_SCHEMA.validate(patch));
        }
        if (!patchErrors.isEmpty()) {
            throw new InvalidInputException("The merge patch is not valid.", patchErrors);
        }
        ObjectNode current = mapper.createObjectNode();
        current.set("applicant", mapper.valueToTree(a.applicant()));
        ObjectNode storedRequest = a.request.deepCopy(); // the entity's tree is never changed in place
        storedRequest.remove("knownAt"); // a request stored before submissions refused knownAt: evaluated now, like any other
        current.set("request", storedRequest);
        JsonNode merged = MergePatch.apply(current, patch);
        SubmissionService.validate(merged, evaluations.now());
        List<String> changed = JsonDiff.between(current, merged);
        if (changed.isEmpty()) {
            return a; // nothing to change: no new version, no history entry
        }
        JsonNode request = merged.get("request");
        Instant now = evaluations.now();
        Evaluations.Evaluated evaluated = evaluations.evaluate(request, now);
        Decision decision = evaluated.decision();
        if (!decision.route().origin().equals(a.origin) || !decision.route().destination().equals(a.destination)) {
            throw new ConflictException("The patched trip goes " + decision.route().origin() + " → " + decision.route().destination()
                    + ", but this application is for " + a.origin + " → " + a.destination
                    + ": a different route is a new application (withdraw this one and submit a new one).");
        }
        a.setApplicant(SubmissionService.applicant(merged.get("applicant")));
        a.request = request;
        a.track = decision.track().name();
        a.ruleSetId = decision.ruleSet().id();
        a.reference = References.renumbered(a.reference, decision);
        DecisionSnapshot snapshot = evaluations.recordCurrent(a, request, evaluated, now);
        return transitions.apply(a, new Transitions.Step(a.status, "DOCUMENTS_UPDATED", null, snapshot.id, false,
                caller.subject(), fieldNames(changed)), evaluations.now());
    }

    /** Evaluates the stored trip again under the rules known now; a final application is not evaluated again. */
    @Transactional
    public TravelApplication reEvaluate(String id, Caller caller) {
        TravelApplication a = access.find(id, caller);
        if (a.status.isFinal()) {
            throw new ConflictException("A " + a.status + " application is not evaluated again.");
        }
        Instant now = evaluations.now();
        Evaluations.Evaluated evaluated = evaluations.evaluate(a.request, now);
        DecisionSnapshot snapshot = evaluations.recordCurrent(a, a.request, evaluated, now);
        return transitions.apply(a, Transitions.Step.of(a.status, "RE_EVALUATED", null, snapshot.id, false, caller.subject()),
                evaluations.now());
    }

    /** {@code /request/itinerary/1/departure} → {@code request.itinerary[1].departure}, joined; capped to the column. */
    static String fieldNames(List<String> paths) {
        List<String> names = paths.stream().map(CorrectionService::fieldName).distinct().toList();
        String joined = String.join(",", names);
        if (joined.length() <= 4000) {
            return joined;
        }
        return String.join(",", names.stream().map(n -> n.replaceAll("^([^.\\[]+[.][^.\\[]+).*$", "$1")).distinct().toList());
    }

    private static String fieldName(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String part : pointer.substring(1).split("/")) {
            if (part.chars().allMatch(Character::isDigit) && !part.isEmpty()) {
                out.append('[').append(part).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return out.toString();
    }
}
