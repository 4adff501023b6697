package com.tracklane.web.session;

/** A staff page was asked for without a session: the visitor is sent to sign in ({@link SessionErrors}). */
public class SignInRequired extends RuntimeException {
    public SignInRequired() {
        super("sign-in required", null, false, false);
    }
}
