package com.tracklane.web.session;

import com.tracklane.security.Roles;
import java.util.Set;

/**
 * The person signed in to the pages: a name and the roles of the token (the same {@code groups} claim the API reads).
 *
 * @param name  the token's name (upn or subject)
 * @param roles the known roles the token carries
 */
public record StaffUser(String name, Set<String> roles) {

    /** The first of the user's roles in the order {@link Roles#ALL} lists them, for "signed in as …". */
    public String role() {
        return Roles.ALL.stream().filter(roles::contains).findFirst().orElse("");
    }

    /** The message key of the role's name (roleIntake, roleOfficer …), for the pages. */
    public String roleKey() {
        return keyOfRole(role());
    }

    /** The message key of a role's name. */
    public static String keyOfRole(String role) {
        return switch (role) {
            case Roles.INTAKE -> "roleIntake";
            case Roles.OFFICER -> "roleOfficer";
            case Roles.MONITOR -> "roleMonitor";
            case Roles.RULES_ADMIN -> "roleRulesAdmin";
            default -> "notSignedIn";
        };
    }

    public boolean has(String role) {
        return roles.contains(role);
    }
}
