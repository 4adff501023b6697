package com.tracklane.intake.model;

import java.util.Set;

/** What an officer (or, for WITHDRAW, the applicant side) does to an application, and from where it may do it. */
public enum ReviewAction {
    START_REVIEW(ApplicationStatus.UNDER_REVIEW, Set.of(ApplicationStatus.SUBMITTED, ApplicationStatus.INFO_REQUESTED)),
    REQUEST_INFO(ApplicationStatus.INFO_REQUESTED, Set.of(ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW)),
    APPROVE(ApplicationStatus.APPROVED, Set.of(ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW)),
    REJECT(ApplicationStatus.REJECTED, ApplicationStatus.OPEN),
    WITHDRAW(ApplicationStatus.WITHDRAWN, ApplicationStatus.OPEN);

    private final ApplicationStatus target;
    private final Set<ApplicationStatus> from;

    ReviewAction(ApplicationStatus target, Set<ApplicationStatus> from) {
        this.target = target;
        this.from = from;
    }

    public ApplicationStatus target() {
        return target;
    }

    public boolean allowedFrom(ApplicationStatus status) {
        return from.contains(status);
    }

    public Set<ApplicationStatus> allowedFrom() {
        return from;
    }
}
