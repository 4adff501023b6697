package com.tracklane.intake.service;

import com.tracklane.intake.model.ApplicationStatus;

/** What compliance monitoring needs of an application: its state, rule set, destination and the stored trip. */
public record ApplicationForMonitoring(String id, ApplicationStatus status, String ruleSetId, String destination,
                                       String requestJson) {
}
