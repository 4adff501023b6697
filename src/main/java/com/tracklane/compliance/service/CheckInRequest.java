package com.tracklane.compliance.service;

import com.tracklane.compliance.model.TestResult;
import com.tracklane.compliance.model.Transport;
import java.util.List;

/** {@code POST /applications/{id}/check-ins}: the contract's {@code CheckInRequest}, checked against it before binding. */
public record CheckInRequest(String at, Double temperatureC, List<String> symptoms, Location location, Transport transport,
                             TestResult testResult) {

    public record Location(Double lat, Double lon) {
    }
}
