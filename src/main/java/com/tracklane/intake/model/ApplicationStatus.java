package com.tracklane.intake.model;

import java.util.Set;

/** Where an application is in its review. APPROVED, REJECTED and WITHDRAWN are final. */
public enum ApplicationStatus {
    SUBMITTED, UNDER_REVIEW, INFO_REQUESTED, APPROVED, REJECTED, WITHDRAWN;

    public boolean isFinal() {
        return this == APPROVED || this == REJECTED || this == WITHDRAWN;
    }

    /** Documents may be added (PATCH) only while the applicant side holds the application. */
    public boolean editable() {
        return this == SUBMITTED || this == INFO_REQUESTED;
    }

    static final Set<ApplicationStatus> OPEN = Set.of(SUBMITTED, UNDER_REVIEW, INFO_REQUESTED);
}
