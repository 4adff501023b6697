package com.tracklane.compliance.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracklane.common.ConflictException;
import com.tracklane.common.FieldError;
import com.tracklane.common.InvalidInputException;
import com.tracklane.common.RequestSchema;
import com.tracklane.compliance.model.Monitoring;
import com.tracklane.compliance.repository.CheckInRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Records the departure of a monitored traveller (once; the same departure again is answered as recorded): a departure
 * before release is an EARLY_EXIT, and nothing is required after it. One transaction holding the monitoring's row lock.
 */
@ApplicationScoped
public class DepartureService {

    private static final RequestSchema<DepartureRequest> REQUEST = RequestSchema.of("DepartureRequest", DepartureRequest.class);

    private final Monitorings monitorings;
    private final CheckInRepository checkIns;
    private final ViolationDetector detector;
    private final ObjectMapper mapper;
    private final Clock clock;

    public DepartureService(Monitorings monitorings, CheckInRepository checkIns, ComplianceConfig config, ObjectMapper mapper,
                            Clock clock) {
        this.monitorings = monitorings;
        this.checkIns = checkIns;
        this.detector = new ViolationDetector(config.radiusMeters());
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional
    public ArrivalService.Registered depart(String applicationId, JsonNode body) {
        Monitoring m = monitorings.locked(applicationId);
        RequestSchema.Checked<DepartureRequest> checked = REQUEST.check(mapper, body);
        List<FieldError> errors = new ArrayList<>(checked.errors());
        DepartureRequest r = checked.value();
        Instant departedAt = RequestFields.instant(errors, "departedAt", r.departedAt());
        String airport = r.airport();
        RequestFields.airport(errors, "airport", airport);
        if (departedAt != null && departedAt.isAfter(clock.instant())) {
            errors.add(new FieldError("departedAt", "is in the future"));
        } else if (departedAt != null && departedAt.isBefore(m.arrivedAt)) {
            errors.add(new FieldError("departedAt", "is before the arrival at " + m.arrivedAt));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The departure has " + errors.size() + " invalid field(s).", errors);
        }
        if (m.departedAt != null) {
            if (m.departedAt.equals(departedAt) && Objects.equals(m.departureAirport, airport)) {
                return new ArrivalService.Registered(m, false);
            }
            throw new ConflictException("A departure is already recorded for this monitoring (at " + m.departedAt + ").");
        }
        if (checkIns.anyAfter(m.id, departedAt)) {
            throw InvalidInputException.of("departedAt", "is before a check-in already recorded");
        }
        LocalDate date = departedAt.atZone(m.zoneId()).toLocalDate();
        int day = (int) ChronoUnit.DAYS.between(m.arrivalDate, date);
        m.departedAt = departedAt;
        m.departureAirport = airport;
        detector.departure(departedAt, airport, m.plan(), m.zoneId()).ifPresent(f -> monitorings.record(m, null, f));
        // Nothing is required after leaving: no check-in from the departure day, no re-test after it.
        if (m.reportUntilDay != null && m.reportUntilDay >= day) {
            m.reportUntilDay = day - 1;
        }
        if (m.retestDay != null && m.retestDay >= day) {
            m.retestDay = null;
        }
        if (m.endsOn.isAfter(date)) {
            m.endsOn = date;
        }
        return new ArrivalService.Registered(m, true);
    }
}
