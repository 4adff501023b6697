package com.tracklane.intake.service;

import com.tracklane.common.ConflictException;
import com.tracklane.common.InputChecks;
import com.tracklane.common.InvalidInputException;
import com.tracklane.eligibility.engine.DecisionOutcome;
import com.tracklane.intake.model.ReviewAction;
import com.tracklane.intake.model.TravelApplication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Review: an officer's decision (start review, request information, approve — overriding a NOT_ELIGIBLE evaluation
 * only with {@code override} and a reason — or reject) and the applicant side's withdrawal.
 */
@ApplicationScoped
public class ReviewService {

    /** The history's reason column holds 2000 UTF-16 units. */
    static final int MAX_REASON = 2000;

    private final ApplicationAccess access;
    private final Transitions transitions;
    private final Evaluations evaluations;

    public ReviewService(ApplicationAccess access, Transitions transitions, Evaluations evaluations) {
        this.access = access;
        this.transitions = transitions;
        this.evaluations = evaluations;
    }

    /**
     * A reason is stored in the history: at most 2000 characters, no NUL, valid Unicode (what the contract's
     * {@code maxLength}, counted in code points, cannot say about the column).
     */
    public static void checkReason(String reason) {
        if (reason == null) {
            return;
        }
        if (reason.length() > MAX_REASON) {
            throw InvalidInputException.of("reason", "must be at most " + MAX_REASON + " characters");
        }
        String problem = InputChecks.freeTextProblem(reason);
        if (problem != null) {
            throw InvalidInputException.of("reason", problem);
        }
    }

    @Transactional
    public TravelApplication decide(String id, ReviewAction action, String reason, boolean override, Long expectedVersion,
                                    Caller caller) {
        TravelApplication a = access.forChange(id, expectedVersion, caller);
        if (!action.allowedFrom(a.status)) {
            throw new ConflictException("Cannot " + action + " an application that is " + a.status + "; allowed from "
                    + action.allowedFrom() + ".");
        }
        if ((action == ReviewAction.REJECT || action == ReviewAction.REQUEST_INFO) && blank(reason)) {
            throw InvalidInputException.of("reason", "a reason is required to " + action);
        }
        boolean overriding = false;
        if (action == ReviewAction.APPROVE && DecisionOutcome.NOT_ELIGIBLE.name().equals(a.currentOutcome)) {
            if (!override || blank(reason)) {
                throw new ConflictException("The current evaluation is NOT_ELIGIBLE: approving needs \"override\": true and a reason.");
            }
            overriding = true;
        }
        return transitions.apply(a, Transitions.Step.of(action.target(), action.name(), reason, a.currentSnapshotId,
                overriding, caller.subject()), evaluations.now());
    }

    /** The applicant side withdraws the application (final). */
    @Transactional
    public TravelApplication withdraw(String id, String reason, Long expectedVersion, Caller caller) {
        return decide(id, ReviewAction.WITHDRAW, reason, false, expectedVersion, caller);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
