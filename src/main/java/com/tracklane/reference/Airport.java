package com.tracklane.reference;

import java.time.ZoneId;

/** An airport by IATA code, with its country (ISO 3166-1 alpha-2) and IANA time zone. */
public record Airport(String iata, String country, ZoneId zone, String name, String city) {
}
