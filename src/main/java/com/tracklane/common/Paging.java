package com.tracklane.common;

import jakarta.ws.rs.core.UriInfo;

/**
 * The {@code page} and {@code size} query parameters of a list, read as text: anything that is not an integer in
 * range ({@code page=abc}, {@code page=1.5}, {@code page=}) is a 400 naming the parameter, never the 404 JAX-RS gives
 * a query parameter it cannot convert.
 *
 * @param page from 0 (default 0, at most 1,000,000)
 * @param size from 1 to 100 (default 20)
 */
public record Paging(int page, int size) {

    public static Paging of(String page, String size, UriInfo uri) {
        // "page=" (present, empty) is not an integer either: JAX-RS may hand it over as null, so ask the query itself.
        return new Paging(
                integer("page", page == null && uri.getQueryParameters().containsKey("page") ? "" : page, 0, 0, 1_000_000),
                integer("size", size == null && uri.getQueryParameters().containsKey("size") ? "" : size, 20, 1, 100));
    }

    /** A query parameter that must be an integer in [min, max]: anything else is a 400 naming it. */
    static int integer(String name, String text, int absent, int min, int max) {
        if (text == null) {
            return absent;
        }
        if (!text.matches("-?[0-9]{1,10}")) {
            throw InvalidInputException.of(name, "must be an integer between " + min + " and " + max);
        }
        long value = Long.parseLong(text);
        if (value < min || value > max) {
            throw InvalidInputException.of(name, "must be between " + min + " and " + max);
        }
        return (int) value;
    }
}
