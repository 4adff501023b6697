package com.tracklane.common;

/** A conditional request whose precondition is missing (428) or no longer holds (412). */
public class PreconditionException extends RuntimeException {
    private final boolean missing;

    private PreconditionException(boolean missing, String detail) {
        super(detail);
        this.missing = missing;
    }

    public static PreconditionException required(String detail) {
        return new PreconditionException(true, detail);
    }

    public static PreconditionException failed(String detail) {
        return new PreconditionException(false, detail);
    }

    public boolean missing() {
        return missing;
    }
}
