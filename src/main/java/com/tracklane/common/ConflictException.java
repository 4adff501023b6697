package com.tracklane.common;

/** The request conflicts with the resource's current state (illegal transition, reused key): answered with 409. */
public class ConflictException extends RuntimeException {
    public ConflictException(String detail) {
        super(detail);
    }
}
