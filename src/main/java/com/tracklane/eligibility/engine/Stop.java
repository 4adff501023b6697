package com.tracklane.eligibility.engine;

import java.time.ZoneId;

/** An airport as the engine needs it: its code, country (ISO 3166-1 alpha-2) and time zone. */
public record Stop(String airport, String country, ZoneId zone) {
}
