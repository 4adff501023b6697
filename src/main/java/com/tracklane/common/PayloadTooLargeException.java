package com.tracklane.common;

/** A request body over the accepted size: answered with 413. */
public class PayloadTooLargeException extends RuntimeException {
    public PayloadTooLargeException(long size, long limit) {
        super("The body has " + size + " bytes; the limit is " + limit + " bytes (" + JsonBodies.describe(limit) + ").");
    }
}
