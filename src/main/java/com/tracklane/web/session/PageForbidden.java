package com.tracklane.web.session;

/** A staff page was asked for by a user whose roles do not allow it: a 403 page in words ({@link SessionErrors}). */
public class PageForbidden extends RuntimeException {
    public PageForbidden() {
        super("role not allowed", null, false, false);
    }
}
