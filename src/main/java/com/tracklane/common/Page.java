package com.tracklane.common;

import java.util.List;

/**
 * One page of a list answer: the items, the page number (from 0), the page size and how many match in all.
 *
 * @param <T> the items' view
 */
public record Page<T>(List<T> items, int page, int size, long total) {
}
