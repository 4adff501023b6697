package com.tracklane.track.model;

/** Where a rule comes from: the source's title, date, address and, where useful, the paragraph. */
public record Citation(String title, String date, String url, String paragraph) {
}
