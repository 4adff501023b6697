package com.tracklane.compliance.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracklane.common.ConflictException;
import com.tracklane.common.FieldError;
import com.tracklane.common.Hashing;
import com.tracklane.common.InvalidInputException;
import com.tracklane.common.NotFoundException;
import com.tracklane.common.RequestSchema;
import com.tracklane.common.UnprocessableException;
import com.tracklane.compliance.model.Monitoring;
import com.tracklane.compliance.model.MonitoringPlan;
import com.tracklane.compliance.model.Place;
import com.tracklane.compliance.repository.MonitoringRepository;
import com.tracklane.eligibility.engine.Facts;
import com.tracklane.eligibility.engine.RuleBindings;
import com.tracklane.eligibility.service.EligibilityService;
import com.tracklane.intake.model.ApplicationStatus;
import com.tracklane.intake.service.ApplicationForMonitoring;
import com.tracklane.intake.service.ApplicationLookup;
import com.tracklane.reference.Airport;
import com.tracklane.track.service.RuleSetCatalog;
import com.tracklane.track.model.Expression;
import com.tracklane.track.model.RuleSetSpec;
import com.tracklane.track.model.VersionSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Registers the arrival of an approved application: the monitoring starts, with the windows of the obligations of the
 * rule-set version in force at the actual arrival. One transaction holding the application's row lock, so retries and
 * concurrent posts register one arrival; the unique constraint on the application is the backstop.
 */
@ApplicationScoped
public class ArrivalService {

    private static final RequestSchema<ArrivalRequest> REQUEST = RequestSchema.of("ArrivalRequest", ArrivalRequest.class);

    private final RuleSetCatalog catalog;
    private final EligibilityService eligibility;
    private final ApplicationLookup applications;
    private final MonitoringRepository monitorings;
    private final ComplianceConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ArrivalService(RuleSetCatalog catalog, EligibilityService eligibility, ApplicationLookup applications,
                          MonitoringRepository monitorings, ComplianceConfig config, ObjectMapper mapper, Clock clock) {
        this.catalog = catalog;
        this.eligibility = eligibility;
        this.applications = applications;
        this.monitorings = monitorings;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    public record Registered(Monitoring monitoring, boolean created) {
    }

    @Transactional
    public Registered arrive(String applicationId, JsonNode body, String subject) {
        RequestSchema.Checked<ArrivalRequest> checked = REQUEST.check(mapper, body);
        List<FieldError> errors = new ArrayList<>(checked.errors());
        ArrivalRequest r = checked.value();
        Instant arrivedAt = RequestFields.instant(errors, "arrivedAt", r.arrivedAt());
        Optional<Airport> airport = RequestFields.airport(errors, "airport", r.airport());
        if (arrivedAt != null && arrivedAt.isAfter(clock.instant())) {
            errors.add(new FieldError("arrivedAt", "is in the future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The arrival has " + errors.size() + " invalid field(s).", errors);
        }
        String address = r.quarantineAddress().address();
        double lat = r.quarantineAddress().lat();
        double lon = r.quarantineAddress().lon();

        ApplicationForMonitoring a = applications.lockForArrival(applicationId)
                .orElseThrow(() -> new NotFoundException("No application with id '" + applicationId + "'."));
        if (!airport.get().country().equals(a.destination())) {
            throw InvalidInputException.of("airport", r.airport() + " is in " + airport.get().country()
                    + ", not in the application's destination " + a.destination());
        }
        String hash = "sha256:" + Hashing.sha256Hex(arrivedAt + "|" + r.airport() + "|" + address + "|" + lat + "|" + lon);
        Optional<Monitoring> existing = monitorings.ofApplication(applicationId);
        if (existing.isPresent()) {
            Monitoring m = existing.get();
            if (m.arrivalHash.equals(hash)) {
                return new Registered(m, false);
            }
            throw new ConflictException("An arrival is already registered for this application (at " + m.arrivedAt
                    + " at " + m.airport + "); a different arrival cannot replace it.");
        }
        if (a.status() != ApplicationStatus.APPROVED) {
            throw new ConflictException("Only an APPROVED application can register an arrival; this one is " + a.status() + ".");
        }
        RuleSetSpec ruleSet = catalog.find(a.ruleSetId()).orElseThrow(() -> new UnprocessableException("no-rule-set",
                "The application's rule set '" + a.ruleSetId() + "' is not known."));
        VersionSpec version = ruleSet.versionAt(arrivedAt, null).orElseThrow(() -> new UnprocessableException("no-rule-set",
                "No version of " + a.ruleSetId() + " is in force at " + arrivedAt + "."));

        ZoneId zone = airport.get().zone();
        LocalDate arrivalDate = arrivedAt.atZone(zone).toLocalDate();
        JsonNode request = readTree(a.requestJson());
        Facts facts = factsOf(request);
        checkPlausible(arrivedAt, facts);
        LocalDate exitDate = null;
        if (facts != null && facts.get("exitDate") instanceof String s && !s.isEmpty()) {
            exitDate = LocalDate.parse(s);
        }
        MonitoringPlan plan = MonitoringPlan.of(a.ruleSetId(), version, arrivalDate, exitDate, bindings(facts, version, arrivalDate));

        Monitoring m = new Monitoring();
        m.id = UUID.randomUUID().toString();
        m.applicationId = a.id();
        m.ruleSetId = a.ruleSetId();
        m.ruleSetVersion = version.number();
        m.zone = zone.getId();
        m.airport = r.airport();
        m.arrivedAt = arrivedAt;
        m.arrivalDate = arrivalDate;
        m.arrivalDay = (int) arrivalDate.toEpochDay();
        m.quarantineAddress = address;
        m.quarantineLat = lat;
        m.quarantineLon = lon;
        m.arrivalHash = hash;
        plan.reportWindow().ifPresent(w -> {
            m.reportFromDay = w.fromDay();
            m.reportUntilDay = w.untilDay();
            m.reportCitation = w.citation();
        });
        plan.retestWindow().ifPresent(w -> {
            m.retestDay = w.fromDay();
            m.retestCitation = w.citation();
        });
        m.endsOn = plan.endsOn();
        m.status = Monitoring.ACTIVE;
        m.windows = plan.windows();
        m.places = allowedPlaces(address, lat, lon, request);
        m.createdBy = subject;
        m.createdAt = clock.instant();
        monitorings.persist(m);
        return new Registered(m, true);
    }

    /** The arrival must lie in the configured window around the trip's scheduled entry (when the trip still parses). */
    private void checkPlausible(Instant arrivedAt, Facts facts) {
        if (facts == null || !(facts.get("entryAt") instanceof String entry) || entry.isEmpty()) {
            return;
        }
        OffsetDateTime scheduled = OffsetDateTime.parse(entry);
        Instant earliest = scheduled.toInstant().minus(config.arrivalWindow().early());
        Instant latest = scheduled.toInstant().plus(config.arrivalWindow().late());
        if (arrivedAt.isBefore(earliest) || arrivedAt.isAfter(latest)) {
            DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
            throw InvalidInputException.of("arrivedAt", "is not plausible for this application: its trip is scheduled to"
                    + " arrive on " + scheduled.format(local) + " (local time); an arrival is accepted from "
                    + scheduled.minus(config.arrivalWindow().early()).format(local) + " to "
                    + scheduled.plus(config.arrivalWindow().late()).format(local) + " (local time)");
        }
    }

    private Facts factsOf(JsonNode request) {
        try {
            return eligibility.facts(request);
        } catch (RuntimeException e) {
            return null; // a stored request that no longer parses: obligations without conditions still apply
        }
    }

    /** The application's facts with the actual arrival date, and the version's parameters. */
    private static Expression.Bindings bindings(Facts facts, VersionSpec version, LocalDate arrivalDate) {
        RuleBindings base = facts == null ? null : new RuleBindings(facts, version.values());
        return name -> {
            if (name.equals("entryDate")) {
                return arrivalDate.toString();
            }
            if (base != null) {
                return base.lookup(name);
            }
            return name.startsWith(RuleBindings.PARAMS_PREFIX) ? version.values().get(name.substring(RuleBindings.PARAMS_PREFIX.length())) : null;
        };
    }

    private static List<Place> allowedPlaces(String address, double lat, double lon, JsonNode request) {
        List<Place> places = new ArrayList<>();
        places.add(new Place("Quarantine address", address, lat, lon));
        JsonNode schedule = request == null ? null : request.get("activitySchedule");
        if (schedule != null && schedule.isObject()) {
            place(places, "Accommodation", schedule.get("accommodation"));
            JsonNode listed = schedule.get("places");
            if (listed != null && listed.isArray()) {
                for (JsonNode p : listed) {
                    place(places, p.path("name").isTextual() ? p.get("name").asText() : "Listed place", p);
                }
            }
        }
        return places;
    }

    private static void place(List<Place> places, String name, JsonNode p) {
        if (p != null && p.path("lat").isNumber() && p.path("lon").isNumber()) {
            places.add(new Place(name, p.path("address").asText(null), p.get("lat").asDouble(), p.get("lon").asDouble()));
        }
    }

    private JsonNode readTree(String json) {
        try {
            return json == null ? null : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored application request does not read as JSON", e);
        }
    }
}
