package com.tracklane.compliance.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.tracklane.common.ConflictException;
import com.tracklane.common.FieldError;
import com.tracklane.common.Hashing;
import com.tracklane.common.InvalidInputException;
import com.tracklane.common.RequestSchema;
import com.tracklane.compliance.model.CheckIn;
import com.tracklane.compliance.model.Monitoring;
import com.tracklane.compliance.repository.CheckInRepository;
import com.tracklane.compliance.repository.ViolationRepository;
import com.tracklane.track.service.RuleSetCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Records check-ins and what they show. One transaction holding the monitoring's row lock; an Idempotency-Key makes a
 * retry answer the check-in already recorded (a different body with the same key is a conflict).
 */
@ApplicationScoped
public class CheckInService {

    private static final RequestSchema<CheckInRequest> REQUEST = RequestSchema.of("CheckInRequest", CheckInRequest.class);

    private final Monitorings monitorings;
    private final CheckInRepository checkIns;
    private final ViolationRepository violations;
    private final RuleSetCatalog catalog;
    private final ComplianceConfig config;
    private final ViolationDetector detector;
    private final ObjectMapper mapper;
    private final ObjectMapper canonical;
    private final Clock clock;

    public CheckInService(Monitorings monitorings, CheckInRepository checkIns, ViolationRepository violations,
                          RuleSetCatalog catalog, ComplianceConfig config, ObjectMapper mapper, Clock clock) {
        this.monitorings = monitorings;
        this.checkIns = checkIns;
        this.violations = violations;
        this.catalog = catalog;
        this.config = config;
        this.detector = new ViolationDetector(config.radiusMeters());
        this.mapper = mapper;
        this.canonical = mapper.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        this.clock = clock;
    }

    /** @param violations the codes the check-in shows (recorded now or already recorded that day) */
    public record Recorded(Monitoring monitoring, CheckIn checkIn, List<String> violations, boolean created) {
    }

    @Transactional
    public Recorded checkIn(String applicationId, JsonNode body, String idempotencyKey, String subject) {
        Monitoring m = monitorings.locked(applicationId);
        RequestSchema.Checked<CheckInRequest> checked = REQUEST.check(mapper, body);
        String hash = "sha256:" + Hashing.sha256Hex(canonical(body));
        if (idempotencyKey != null) {
            Optional<CheckIn> existing = checkIns.byIdempotencyKey(m.id, idempotencyKey);
            if (existing.isPresent()) {
                if (!existing.get().requestHash.equals(hash)) {
                    throw new ConflictException("Idempotency-Key '" + idempotencyKey + "' was already used for a different check-in.");
                }
                return new Recorded(m, existing.get(), violations.ofCheckIn(existing.get().id).stream().map(v -> v.code).toList(), false);
            }
        }
        List<FieldError> errors = new ArrayList<>(checked.errors());
        CheckInRequest r = checked.value();
        Instant at = RequestFields.instant(errors, "at", r.at());
        if (at != null) {
            LocalDate day = at.atZone(m.zoneId()).toLocalDate();
            if (at.isAfter(clock.instant())) {
                errors.add(new FieldError("at", "is in the future"));
            } else if (at.isBefore(m.arrivedAt)) {
                errors.add(new FieldError("at", "is before the arrival at " + m.arrivedAt));
            } else if (m.departedAt != null && at.isAfter(m.departedAt)) {
                errors.add(new FieldError("at", "is after the departure at " + m.departedAt));
            } else if (day.isAfter(m.endsOn)) {
                errors.add(new FieldError("at", "is after the monitoring window, which ends on " + m.endsOn + " (" + m.zone + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The check-in has " + errors.size() + " invalid field(s).", errors);
        }
        if (Monitoring.COMPLETED.equals(m.status)) {
            throw new ConflictException("The monitoring is completed (closed at " + m.closedAt + "); it takes no more check-ins.");
        }
        List<String> symptoms = r.symptoms() == null ? List.of() : r.symptoms().stream().distinct().toList();

        CheckIn c = new CheckIn();
        c.id = UUID.randomUUID().toString();
        c.monitoringId = m.id;
        c.at = at;
        c.localDate = at.atZone(m.zoneId()).toLocalDate();
        c.temperatureC = r.temperatureC();
        c.symptoms = String.join(",", symptoms);
        c.lat = r.location().lat();
        c.lon = r.location().lon();
        c.transport = r.transport();
        c.testResult = r.testResult();
        c.receivedAt = clock.instant();
        c.submittedBy = subject;
        c.idempotencyKey = idempotencyKey;
        c.requestHash = hash;
        checkIns.persist(c);

        ViolationDetector.Reading reading = new ViolationDetector.Reading(c.id, c.at, c.temperatureC, symptoms, c.lat, c.lon,
                c.transport, c.testResult);
        List<String> found = new ArrayList<>();
        for (ViolationDetector.Finding f : detector.checkIn(reading, m.plan(), m.zoneId(), m.places, feverThreshold(m))) {
            monitorings.record(m, c.id, f);
            found.add(f.code().name());
        }
        return new Recorded(m, c, found, true);
    }

    /** The rule-set version's {@code feverThresholdC}, else the configured one. */
    private double feverThreshold(Monitoring m) {
        return catalog.find(m.ruleSetId)
                .flatMap(r -> r.versions().stream().filter(v -> v.number() == m.ruleSetVersion).findFirst())
                .map(v -> v.values().get("feverThresholdC"))
                .filter(Number.class::isInstance).map(v -> ((Number) v).doubleValue())
                .orElse(config.feverThresholdC());
    }

    /** The body with its keys in order: the same check-in, however its fields are ordered, has the same hash. */
    private String canonical(JsonNode body) {
        try {
            return canonical.writeValueAsString(mapper.treeToValue(body, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
