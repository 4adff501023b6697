package com.tracklane.common;

/** The addressed resource does not exist: answered with 404. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String detail) {
        super(detail);
    }
}
