package com.tracklane.web.session;

/** A page's form was posted without its CSRF token, or with a wrong one: a 400 page in words ({@link SessionErrors}). */
public class FormTokenMissing extends RuntimeException {
    public FormTokenMissing() {
        super("form token missing", null, false, false);
    }
}
