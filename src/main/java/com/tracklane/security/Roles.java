package com.tracklane.security;

import java.util.List;

/**
 * The roles a bearer token can carry in its {@code groups} claim. Constants so that {@code @RolesAllowed} can
 * name them.
 */
public final class Roles {

    /** Embassy intake forms: submit applications. */
    public static final String INTAKE = "intake";
    /** Embassy officers: review, approve, reject, ask for information; see personal data. */
    public static final String OFFICER = "officer";
    /** Automated compliance checks: arrivals, daily check-ins, sweeps, violations. */
    public static final String MONITOR = "monitor";
    /** Rules administrators: draft, validate, dry-run and publish rule-set versions; suspend a track. */
    public static final String RULES_ADMIN = "rules-admin";

    /**
     * The token claim naming the organisation (an embassy's intake desk) a user acts for: applications belong to the
     * submitter's organisation, and an intake user sees only its own. Without the claim, the token's subject.
     */
    public static final String ORG_CLAIM = "org";

    /** Every role, in the order the documentation lists them. */
    public static final List<String> ALL = List.of(INTAKE, OFFICER, MONITOR, RULES_ADMIN);

    private Roles() {
    }

    public static boolean isKnown(String role) {
        return role != null && ALL.contains(role);
    }
}
