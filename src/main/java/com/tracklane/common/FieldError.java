package com.tracklane.common;

/** One invalid field of a request, named by its path in the body (e.g. {@code itinerary[0].from}). */
public record FieldError(String field, String message) {
}
