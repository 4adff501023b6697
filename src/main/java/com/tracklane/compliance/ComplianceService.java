package com.tracklane.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tracklane.common.ConflictException;
import com.tracklane.common.FieldError;
import com.tracklane.common.InvalidInputException;
import com.tracklane.common.NotFoundException;
import com.tracklane.common.Times;
import com.tracklane.common.UnprocessableException;
import com.tracklane.eligibility.engine.Expression;
import com.tracklane.eligibility.engine.Facts;
import com.tracklane.eligibility.engine.RuleBindings;
import com.tracklane.eligibility.engine.RuleSetSpec;
import com.tracklane.eligibility.engine.VersionSpec;
import com.tracklane.eligibility.service.EligibilityService;
import com.tracklane.intake.ApplicationStatus;
import com.tracklane.intake.TravelApplication;
import com.tracklane.reference.Airport;
import com.tracklane.reference.AirportDirectory;
import com.tracklane.track.RuleSetCatalog;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Arrivals, check-ins, departures and reports. Each change is one transaction holding the row lock of the
 * application (arrival) or of the monitoring (check-in, departure), so retries and concurrent posts cannot record
 * anything twice; the unique constraint on violations is the backstop.
 */
@ApplicationScoped
public class ComplianceService {

    static final List<String> TRANSPORTS = List.of("NONE", "WALK", "PRIVATE_VEHICLE", "PUBLIC_TRANSPORT");
    static final List<String> TEST_RESULTS = List.of("NEGATIVE", "POSITIVE");
    private static final Pattern SYMPTOM = Pattern.compile("^[A-Za-z][A-Za-z0-9_ -]{0,63}$");
    private static final TypeReference<List<MonitoringPlan.Window>> WINDOWS = new TypeReference<>() {
    };
    private static final TypeReference<List<ComplianceViews.Place>> PLACES = new TypeReference<>() {
    };

    private final RuleSetCatalog catalog;
    private final EligibilityService eligibility;
    private final ComplianceConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final AirportDirectory airports = AirportDirectory.standard();

    public ComplianceService(RuleSetCatalog catalog, EligibilityService eligibility, ComplianceConfig config,
                             ObjectMapper mapper, Clock clock) {
        this.catalog = catalog;
        this.eligibility = eligibility;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    // ---- arrival ---------------------------------------------------------------------------------------------

    public record Registered(Monitoring monitoring, boolean created) {
    }

    @Transactional
    public Registered arrive(String applicationId, JsonNode body, String subject) {
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("(body)", "expected {\"arrivedAt\": instant, \"airport\": \"NRT\", \"quarantineAddress\": {\"address\", \"lat\", \"lon\"}}");
        }
        List<FieldError> errors = new ArrayList<>();
        Instant arrivedAt = instant(errors, body, "arrivedAt", true);
        String airportCode = text(errors, body, "airport", true, 3);
        Optional<Airport> airport = Optional.empty();
        if (airportCode != null) {
            airport = airports.find(airportCode);
            if (airport.isEmpty()) {
                errors.add(new FieldError("airport", "unknown IATA airport code '" + airportCode + "'"));
            }
        }
        JsonNode q = body.get("quarantineAddress");
        String address = null;
        Double lat = null;
        Double lon = null;
        if (q == null || !q.isObject()) {
            errors.add(new FieldError("quarantineAddress", "is required: {\"address\", \"lat\", \"lon\"}"));
        } else {
            address = text(errors, q, "address", true, 500, "quarantineAddress.address");
            lat = coordinate(errors, q, "lat", 90, "quarantineAddress.lat");
            lon = coordinate(errors, q, "lon", 180, "quarantineAddress.lon");
        }
        if (arrivedAt != null && arrivedAt.isAfter(clock.instant())) {
            errors.add(new FieldError("arrivedAt", "is in the future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The arrival has " + errors.size() + " invalid field(s).", errors);
        }

        TravelApplication a = TravelApplication.findById(applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw new NotFoundException("No application with id '" + applicationId + "'.");
        }
        if (!airport.get().country().equals(a.destination)) {
            throw InvalidInputException.of("airport", airportCode + " is in " + airport.get().country()
                    + ", not in the application's destination " + a.destination);
        }
        String hash = hash(arrivedAt + "|" + airportCode + "|" + address + "|" + lat + "|" + lon);
        Monitoring existing = Monitoring.ofApplication(applicationId);
        if (existing != null) {
            if (existing.arrivalHash.equals(hash)) {
                return new Registered(existing, false);
            }
            throw new ConflictException("An arrival is already registered for this application (at " + existing.arrivedAt
                    + " at " + existing.airport + "); a different arrival cannot replace it.");
        }
        if (a.status != ApplicationStatus.APPROVED) {
            throw new ConflictException("Only an APPROVED application can register an arrival; this one is " + a.status + ".");
        }
        RuleSetSpec ruleSet = catalog.find(a.ruleSetId).orElseThrow(() -> new UnprocessableException("no-rule-set",
                "The application's rule set '" + a.ruleSetId + "' is not known."));
        VersionSpec version = ruleSet.versionAt(arrivedAt, null).orElseThrow(() -> new UnprocessableException("no-rule-set",
                "No version of " + a.ruleSetId + " is in force at " + arrivedAt + "."));

        ZoneId zone = airport.get().zone();
        LocalDate arrivalDate = arrivedAt.atZone(zone).toLocalDate();
        JsonNode request = readTree(a.requestJson);
        Facts facts = factsOf(request);
        checkPlausible(arrivedAt, facts);
        LocalDate exitDate = null;
        if (facts != null && facts.get("exitDate") instanceof String s && !s.isEmpty()) {
            exitDate = LocalDate.parse(s);
        }
        MonitoringPlan plan = MonitoringPlan.of(a.ruleSetId, version, arrivalDate, exitDate, bindings(facts, version, arrivalDate));

        Monitoring m = new Monitoring();
        m.id = UUID.randomUUID().toString();
        m.applicationId = a.id;
        m.ruleSetId = a.ruleSetId;
        m.ruleSetVersion = version.number();
        m.zone = zone.getId();
        m.airport = airportCode;
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
            m.reportCitation = write(w.citation());
        });
        plan.retestWindow().ifPresent(w -> {
            m.retestDay = w.fromDay();
            m.retestCitation = write(w.citation());
        });
        m.endsOn = plan.endsOn();
        m.status = Monitoring.ACTIVE;
        m.windowsJson = write(plan.windows());
        m.placesJson = write(allowedPlaces(address, lat, lon, request));
        m.createdBy = subject;
        m.createdAt = clock.instant();
        m.persist();
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

    private static List<ComplianceViews.Place> allowedPlaces(String address, double lat, double lon, JsonNode request) {
        List<ComplianceViews.Place> places = new ArrayList<>();
        places.add(new ComplianceViews.Place("Quarantine address", address, lat, lon));
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

    private static void place(List<ComplianceViews.Place> places, String name, JsonNode p) {
        if (p != null && p.path("lat").isNumber() && p.path("lon").isNumber()) {
            places.add(new ComplianceViews.Place(name, p.path("address").asText(null), p.get("lat").asDouble(), p.get("lon").asDouble()));
        }
    }

    // ---- check-ins -------------------------------------------------------------------------------------------

    public record Recorded(CheckIn checkIn, List<String> violations, boolean created) {
    }

    @Transactional
    public Recorded checkIn(String applicationId, JsonNode body, String idempotencyKey, String subject) {
        Monitoring m = lockedMonitoring(applicationId);
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("(body)", "expected {\"at\", \"temperatureC\", \"symptoms\", \"location\", \"transport\", \"testResult\"}");
        }
        String hash = hash(canonical(body));
        if (idempotencyKey != null) {
            CheckIn existing = CheckIn.find("monitoringId = ?1 and idempotencyKey = ?2", m.id, idempotencyKey).firstResult();
            if (existing != null) {
                if (!existing.requestHash.equals(hash)) {
                    throw new ConflictException("Idempotency-Key '" + idempotencyKey + "' was already used for a different check-in.");
                }
                return new Recorded(existing, violationsOf(existing), false);
            }
        }
        List<FieldError> errors = new ArrayList<>();
        Instant at = instant(errors, body, "at", true);
        Double temperature = null;
        JsonNode t = body.get("temperatureC");
        if (t == null || t.isNull()) {
            errors.add(new FieldError("temperatureC", "is required"));
        } else if (!t.isNumber()) {
            errors.add(new FieldError("temperatureC", "must be a number (°C)"));
        } else if (t.asDouble() < 30 || t.asDouble() > 45) {
            errors.add(new FieldError("temperatureC", "must be between 30 and 45 °C"));
        } else {
            temperature = t.asDouble();
        }
        List<String> symptoms = new ArrayList<>();
        JsonNode s = body.get("symptoms");
        if (s != null && !s.isNull()) {
            if (!s.isArray() || s.size() > 20) {
                errors.add(new FieldError("symptoms", "must be a list of at most 20 words, e.g. [\"COUGH\"]"));
            } else {
                for (int i = 0; i < s.size(); i++) {
                    JsonNode one = s.get(i);
                    if (!one.isTextual() || !SYMPTOM.matcher(one.asText()).matches()) {
                        errors.add(new FieldError("symptoms[" + i + "]", "must be a word of 1 to 64 letters, digits, spaces, '_' or '-'"));
                    } else if (!symptoms.contains(one.asText())) {
                        symptoms.add(one.asText());
                    }
                }
            }
        }
        JsonNode loc = body.get("location");
        Double lat = null;
        Double lon = null;
        if (loc == null || !loc.isObject()) {
            errors.add(new FieldError("location", "is required: {\"lat\", \"lon\"}"));
        } else {
            lat = coordinate(errors, loc, "lat", 90, "location.lat");
            lon = coordinate(errors, loc, "lon", 180, "location.lon");
        }
        String transport = oneOf(errors, body, "transport", TRANSPORTS, true);
        String testResult = oneOf(errors, body, "testResult", TEST_RESULTS, false);
        if (at != null) {
            LocalDate day = at.atZone(ZoneId.of(m.zone)).toLocalDate();
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

        CheckIn c = new CheckIn();
        c.id = UUID.randomUUID().toString();
        c.monitoringId = m.id;
        c.at = at;
        c.localDate = at.atZone(ZoneId.of(m.zone)).toLocalDate();
        c.temperatureC = temperature;
        c.symptoms = String.join(",", symptoms);
        c.lat = lat;
        c.lon = lon;
        c.transport = transport;
        c.testResult = testResult;
        c.receivedAt = clock.instant();
        c.submittedBy = subject;
        c.idempotencyKey = idempotencyKey;
        c.requestHash = hash;
        c.persist();
        List<String> found = detect(m, c);
        return new Recorded(c, found, true);
    }

    /** Records what a check-in shows; returns the codes it shows (recorded now or already recorded that day). */
    private List<String> detect(Monitoring m, CheckIn c) {
        MonitoringPlan plan = planOf(m);
        int day = (int) ChronoUnit.DAYS.between(m.arrivalDate, c.localDate);
        ZoneId zone = ZoneId.of(m.zone);
        String localTime = c.at.atZone(zone).toOffsetDateTime().toString();
        List<String> found = new ArrayList<>();

        double threshold = feverThreshold(m);
        if (c.temperatureC >= threshold) {
            ObjectNode e = evidence(c, localTime, day, "Temperature " + c.temperatureC + " °C at " + localTime
                    + " is at or above the fever threshold of " + threshold + " °C.");
            e.put("temperatureC", c.temperatureC).put("thresholdC", threshold);
            record(m, c, ViolationCode.FEVER, day, e, plan.citationFor(List.of("DAILY_HEALTH_REPORT", "QUARANTINE", "RESTRICTED_MOVEMENT")), found);
        }
        if (!c.symptomList().isEmpty()) {
            ObjectNode e = evidence(c, localTime, day, "Symptoms reported at " + localTime + ": " + String.join(", ", c.symptomList()) + ".");
            e.set("symptoms", mapper.valueToTree(c.symptomList()));
            record(m, c, ViolationCode.SYMPTOMS, day, e, plan.citationFor(List.of("DAILY_HEALTH_REPORT", "QUARANTINE", "RESTRICTED_MOVEMENT")), found);
        }
        if ("POSITIVE".equals(c.testResult)) {
            ObjectNode e = evidence(c, localTime, day, "Positive test reported at " + localTime + ".");
            e.put("testResult", c.testResult);
            record(m, c, ViolationCode.POSITIVE_TEST, day, e, plan.citationFor(List.of("RETEST", "ARRIVAL_TEST", "QUARANTINE", "DAILY_HEALTH_REPORT")), found);
        }
        List<MonitoringPlan.Window> travel = plan.covering(MonitoringPlan.TRAVEL_RESTRICTIONS, day);
        if ("PUBLIC_TRANSPORT".equals(c.transport) && !travel.isEmpty()) {
            ObjectNode e = evidence(c, localTime, day, "Public transport used at " + localTime + " (day " + day + "), during "
                    + travel.get(0).code() + " (" + travel.get(0).from() + " to " + travel.get(0).until() + ").");
            e.put("transport", c.transport);
            record(m, c, ViolationCode.PUBLIC_TRANSPORT, day, e, travel.get(0).citation(), found);
        }
        List<MonitoringPlan.Window> place = plan.covering(MonitoringPlan.PLACE_RESTRICTIONS, day);
        if (!place.isEmpty()) {
            boolean movement = place.stream().anyMatch(w -> w.code().equals("RESTRICTED_MOVEMENT"));
            List<ComplianceViews.Place> allowed = read(m.placesJson, PLACES);
            if (!movement) {
                allowed = allowed.subList(0, 1); // QUARANTINE: the registered address only
            }
            ComplianceViews.Place nearest = null;
            double distance = Double.MAX_VALUE;
            for (ComplianceViews.Place p : allowed) {
                double d = Geo.distanceMeters(c.lat, c.lon, p.lat(), p.lon());
                if (d < distance) {
                    distance = d;
                    nearest = p;
                }
            }
            if (nearest != null && distance > config.radiusMeters()) {
                MonitoringPlan.Window w = movement ? place.stream().filter(x -> x.code().equals("RESTRICTED_MOVEMENT")).findFirst().orElseThrow() : place.get(0);
                ObjectNode e = evidence(c, localTime, day, "Checked in at " + localTime + " " + Math.round(distance) + " m from the nearest allowed place ("
                        + nearest.name() + "), farther than " + Math.round(config.radiusMeters()) + " m, during " + w.code() + ".");
                e.put("distanceMeters", Math.round(distance)).put("radiusMeters", config.radiusMeters()).put("nearestPlace", nearest.name());
                record(m, c, ViolationCode.OUTSIDE_ALLOWED_PLACE, day, e, w.citation(), found);
            }
        }
        return found;
    }

    private double feverThreshold(Monitoring m) {
        return catalog.find(m.ruleSetId)
                .flatMap(r -> r.versions().stream().filter(v -> v.number() == m.ruleSetVersion).findFirst())
                .map(v -> v.values().get("feverThresholdC"))
                .filter(Number.class::isInstance).map(v -> ((Number) v).doubleValue())
                .orElse(config.feverThresholdC());
    }

    private ObjectNode evidence(CheckIn c, String localTime, int day, String summary) {
        ObjectNode e = mapper.createObjectNode();
        e.put("summary", summary);
        e.put("checkInId", c.id);
        e.put("at", localTime);
        e.put("day", day);
        e.putObject("location").put("lat", c.lat).put("lon", c.lon);
        return e;
    }

    private void record(Monitoring m, CheckIn c, ViolationCode code, int day, ObjectNode evidence,
                        MonitoringPlan.RuleCitation citation, List<String> found) {
        found.add(code.name());
        LocalDate date = m.arrivalDate.plusDays(day);
        if (Violation.count("monitoringId = ?1 and code = ?2 and localDate = ?3", m.id, code.name(), date) > 0) {
            return; // already recorded for that day: once, however often it is seen
        }
        Violation v = new Violation();
        v.monitoringId = m.id;
        v.applicationId = m.applicationId;
        v.code = code.name();
        v.localDate = date;
        v.dayNumber = day;
        v.checkInId = c == null ? null : c.id;
        v.detectedAt = clock.instant();
        v.evidence = write(evidence);
        v.citation = write(citation);
        v.persist();
    }

    private List<String> violationsOf(CheckIn c) {
        return Violation.<Violation>list("checkInId", c.id).stream().map(v -> v.code).toList();
    }

    // ---- departure -------------------------------------------------------------------------------------------

    @Transactional
    public Registered depart(String applicationId, JsonNode body) {
        Monitoring m = lockedMonitoring(applicationId);
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("(body)", "expected {\"departedAt\": instant, \"airport\": \"NRT\"}");
        }
        List<FieldError> errors = new ArrayList<>();
        Instant departedAt = instant(errors, body, "departedAt", true);
        String airport = text(errors, body, "airport", false, 3);
        if (airport != null && airports.find(airport).isEmpty()) {
            errors.add(new FieldError("airport", "unknown IATA airport code '" + airport + "'"));
        }
        if (departedAt != null && departedAt.isAfter(clock.instant())) {
            errors.add(new FieldError("departedAt", "is in the future"));
        } else if (departedAt != null && departedAt.isBefore(m.arrivedAt)) {
            errors.add(new FieldError("departedAt", "is before the arrival at " + m.arrivedAt));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The departure has " + errors.size() + " invalid field(s).", errors);
        }
        if (m.departedAt != null) {
            if (m.departedAt.equals(departedAt) && java.util.Objects.equals(m.departureAirport, airport)) {
                return new Registered(m, false);
            }
            throw new ConflictException("A departure is already recorded for this monitoring (at " + m.departedAt + ").");
        }
        if (CheckIn.count("monitoringId = ?1 and at > ?2", m.id, departedAt) > 0) {
            throw InvalidInputException.of("departedAt", "is before a check-in already recorded");
        }
        MonitoringPlan plan = planOf(m);
        LocalDate date = departedAt.atZone(ZoneId.of(m.zone)).toLocalDate();
        int day = (int) ChronoUnit.DAYS.between(m.arrivalDate, date);
        m.departedAt = departedAt;
        m.departureAirport = airport;
        Optional<Integer> lastRestricted = plan.lastRestrictedDay();
        if (lastRestricted.isPresent() && day <= lastRestricted.get()) {
            LocalDate release = plan.releaseDate().orElseThrow();
            MonitoringPlan.Window w = plan.windows().stream()
                    .filter(x -> MonitoringPlan.EXIT_RESTRICTIONS.contains(x.code()) && x.covers(day)).findFirst()
                    .orElse(plan.window("NO_EXIT").or(() -> plan.window("QUARANTINE")).orElseThrow());
            ObjectNode e = mapper.createObjectNode();
            String local = departedAt.atZone(ZoneId.of(m.zone)).toOffsetDateTime().toString();
            e.put("summary", "Departure recorded at " + local + " (day " + day + "), before release on " + release + ".");
            e.put("departedAt", local).put("day", day).put("releaseOn", release.toString());
            if (airport != null) {
                e.put("airport", airport);
            }
            record(m, null, ViolationCode.EARLY_EXIT, day, e, w.citation(), new ArrayList<>());
        }
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
        return new Registered(m, true);
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    public ComplianceViews.Report report(String applicationId) {
        Monitoring m = monitoring(applicationId);
        return report(m);
    }

    public ComplianceViews.Report report(Monitoring m) {
        MonitoringPlan plan = planOf(m);
        List<CheckIn> checkIns = CheckIn.ofMonitoring(m.id);
        List<Violation> violations = Violation.ofMonitoring(m.id);
        int expected = 0;
        int received = 0;
        LocalDate from = null;
        LocalDate until = null;
        if (m.reportFromDay != null && m.reportUntilDay >= m.reportFromDay) {
            from = m.arrivalDate.plusDays(m.reportFromDay);
            until = m.arrivalDate.plusDays(m.reportUntilDay);
            expected = m.reportUntilDay - m.reportFromDay + 1;
            Set<LocalDate> days = new LinkedHashSet<>();
            for (CheckIn c : checkIns) {
                if (!c.localDate.isBefore(from) && !c.localDate.isAfter(until)) {
                    days.add(c.localDate);
                }
            }
            received = days.size();
        }
        boolean compliant = violations.isEmpty();
        String status = (Monitoring.ACTIVE.equals(m.status) ? "ACTIVE_" : "COMPLETED_") + (compliant ? "COMPLIANT" : "NON_COMPLIANT");
        List<ComplianceViews.Place> places = read(m.placesJson, PLACES);
        ComplianceViews.Departure departure = m.departedAt == null ? null : new ComplianceViews.Departure(m.departedAt,
                m.departureAirport, m.departedAt.atZone(ZoneId.of(m.zone)).toLocalDate(),
                (int) ChronoUnit.DAYS.between(m.arrivalDate, m.departedAt.atZone(ZoneId.of(m.zone)).toLocalDate()));
        boolean movement = plan.window("RESTRICTED_MOVEMENT").isPresent();
        return new ComplianceViews.Report(m.applicationId, m.id, status,
                new ComplianceViews.RuleSetRef(m.ruleSetId, m.ruleSetVersion),
                new ComplianceViews.Arrival(m.arrivedAt, m.airport, m.zone, m.arrivalDate, places.get(0)),
                plan.windows(), from, until, m.retestDate(), plan.releaseDate().orElse(null), m.endsOn,
                new ComplianceViews.CheckInCounts(expected, received, checkIns.size()), departure,
                movement ? places : places.subList(0, 1),
                violations.stream().map(this::view).toList(), m.closedAt);
    }

    public ComplianceViews.CheckInView view(Monitoring m, CheckIn c, List<String> violations) {
        return new ComplianceViews.CheckInView(c.id, m.applicationId, c.at, c.localDate,
                (int) ChronoUnit.DAYS.between(m.arrivalDate, c.localDate), c.temperatureC, c.symptomList(),
                new ComplianceViews.Location(c.lat, c.lon), c.transport, c.testResult, c.receivedAt, violations);
    }

    public ComplianceViews.ViolationView view(Violation v) {
        return new ComplianceViews.ViolationView(v.id, v.applicationId, v.code, v.localDate, v.dayNumber, v.detectedAt,
                v.checkInId, readTree(v.evidence), readTree(v.citation));
    }

    public record Found(List<Violation> items, long total) {
    }

    /** @param since a local date (violations of that day or later) or an instant (detected at or after it) */
    public Found violations(LocalDate sinceDate, Instant sinceInstant, ViolationCode code, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (sinceDate != null) {
            query.append(" and localDate >= :sinceDate");
            params.put("sinceDate", sinceDate);
        }
        if (sinceInstant != null) {
            query.append(" and detectedAt >= :sinceInstant");
            params.put("sinceInstant", sinceInstant);
        }
        if (code != null) {
            query.append(" and code = :code");
            params.put("code", code.name());
        }
        var found = Violation.<Violation>find(query.toString(), Sort.ascending("id"), params);
        return new Found(found.page(Page.of(page, size)).list(), found.count());
    }

    public Monitoring monitoring(String applicationId) {
        Monitoring m = Monitoring.ofApplication(applicationId);
        if (m == null) {
            if (TravelApplication.findById(applicationId) == null) {
                throw new NotFoundException("No application with id '" + applicationId + "'.");
            }
            throw new NotFoundException("No arrival is registered for application '" + applicationId + "'.");
        }
        return m;
    }

    private Monitoring lockedMonitoring(String applicationId) {
        Monitoring m = Monitoring.<Monitoring>find("applicationId", applicationId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (m == null) {
            if (TravelApplication.findById(applicationId) == null) {
                throw new NotFoundException("No application with id '" + applicationId + "'.");
            }
            throw new ConflictException("No arrival is registered for this application: POST …/arrival first.");
        }
        return m;
    }

    MonitoringPlan planOf(Monitoring m) {
        return new MonitoringPlan(m.ruleSetId, m.ruleSetVersion, m.arrivalDate, read(m.windowsJson, WINDOWS));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static Instant instant(List<FieldError> errors, JsonNode body, String field, boolean required) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                errors.add(new FieldError(field, "is required: an instant with an offset or Z, such as 2020-09-15T07:30:00+09:00"));
            }
            return null;
        }
        Optional<Instant> parsed = n.isTextual() ? Times.parseWithOffset(n.asText()) : Optional.empty();
        if (parsed.isEmpty()) {
            errors.add(new FieldError(field, "expected an instant with an offset or Z, such as 2020-09-15T07:30:00+09:00"));
            return null;
        }
        return parsed.get();
    }

    private static String text(List<FieldError> errors, JsonNode body, String field, boolean required, int max) {
        return text(errors, body, field, required, max, field);
    }

    private static String text(List<FieldError> errors, JsonNode body, String field, boolean required, int max, String name) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                errors.add(new FieldError(name, "is required"));
            }
            return null;
        }
        if (!n.isTextual() || n.asText().isBlank() || n.asText().length() > max) {
            errors.add(new FieldError(name, "must be a text of 1 to " + max + " characters"));
            return null;
        }
        return n.asText();
    }

    private static Double coordinate(List<FieldError> errors, JsonNode body, String field, double bound, String name) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            errors.add(new FieldError(name, "is required"));
            return null;
        }
        if (!n.isNumber() || Math.abs(n.asDouble()) > bound) {
            errors.add(new FieldError(name, "must be a number between -" + (int) bound + " and " + (int) bound));
            return null;
        }
        return n.asDouble();
    }

    private static String oneOf(List<FieldError> errors, JsonNode body, String field, List<String> values, boolean required) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                errors.add(new FieldError(field, "is required: one of " + values));
            }
            return null;
        }
        if (!n.isTextual() || !values.contains(n.asText())) {
            errors.add(new FieldError(field, "must be one of " + values));
            return null;
        }
        return n.asText();
    }

    private String canonical(JsonNode body) {
        try {
            return mapper.copy().enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsString(mapper.treeToValue(body, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hash(String text) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode readTree(String json) {
        try {
            return json == null ? null : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
