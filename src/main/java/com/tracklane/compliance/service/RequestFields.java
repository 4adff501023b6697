package com.tracklane.compliance.service;

import com.tracklane.common.FieldError;
import com.tracklane.common.Times;
import com.tracklane.reference.Airport;
import com.tracklane.reference.AirportDirectory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the contract's schemas cannot say about a field of a compliance request: that an instant is a real one (the
 * schema checks its shape) and that an airport code is known. Each problem goes to {@code errors} with the field's path.
 */
final class RequestFields {

    static final AirportDirectory AIRPORTS = AirportDirectory.standard();

    private RequestFields() {
    }

    static Instant instant(List<FieldError> errors, String field, String text) {
        if (text == null) {
            return null;
        }
        Optional<Instant> parsed = Times.parseWithOffset(text);
        if (parsed.isEmpty()) {
            errors.add(new FieldError(field, "expected an instant with an offset or Z, such as 2020-09-15T07:30:00+09:00"));
            return null;
        }
        return parsed.get();
    }

    static Optional<Airport> airport(List<FieldError> errors, String field, String code) {
        if (code == null) {
            return Optional.empty();
        }
        Optional<Airport> airport = AIRPORTS.find(code);
        if (airport.isEmpty()) {
            errors.add(new FieldError(field, "unknown IATA airport code '" + code + "'"));
        }
        return airport;
    }
}
