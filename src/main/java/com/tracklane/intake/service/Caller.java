package com.tracklane.intake.service;

/**
 * Who is asking, as far as applications care.
 *
 * @param subject  the token's subject (recorded in the history)
 * @param org      the organisation the caller acts for: the token's {@code org} claim, else its subject
 * @param seesAll  officers see and review every organisation's applications; intake desks only their own
 */
public record Caller(String subject, String org, boolean seesAll) {

    /** Whether this caller may see an application of {@code owner}; others get the same 404 as a missing one. */
    public boolean mayAccess(String owner) {
        return seesAll || org.equals(owner);
    }
}
