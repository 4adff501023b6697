package com.tracklane.common;

import jakarta.ws.rs.core.EntityTag;

/**
 * Entity tags of versioned resources (an application, a rule-set version): the ETag is the row's version number,
 * {@code "3"}, and a change sends it back as {@code If-Match: "3"} (a weak {@code W/"3"} compares the same). A missing
 * If-Match is 428, one that cannot be a version number is 412 (it cannot match); comparing the number with the
 * stored version (412 when it differs) is the owning service's.
 */
public final class ETags {

    private ETags() {
    }

    /** The ETag header value of a version. */
    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version an If-Match header names.
     *
     * @param what whose ETag it is, for the problem's detail ("application", "version")
     * @throws PreconditionException 428 when the header is missing or blank, 412 when it names no version
     */
    public static long required(String ifMatch, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw PreconditionException.required("This change needs an If-Match header with the " + what + "'s ETag (from GET).");
        }
        return parse(ifMatch, what);
    }

    /** As {@link #required}, but a missing or blank header is null (the change is unconditional). */
    public static Long optional(String ifMatch, String what) {
        return ifMatch == null || ifMatch.isBlank() ? null : parse(ifMatch, what);
    }

    private static long parse(String ifMatch, String what) {
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            return Long.parseLong(tag.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw PreconditionException.failed("If-Match " + ifMatch + " does not match the " + what + "'s ETag.");
        }
    }
}
