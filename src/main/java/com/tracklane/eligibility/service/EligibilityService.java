package com.tracklane.eligibility.service;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracklane.common.EvaluationException;
import com.tracklane.common.FieldError;
import com.tracklane.common.InputChecks;
import com.tracklane.common.InvalidInputException;
import com.tracklane.common.JsonSchemaCheck;
import com.tracklane.common.UnprocessableException;
import com.tracklane.eligibility.engine.Decision;
import com.tracklane.eligibility.engine.Evaluator;
import com.tracklane.eligibility.engine.Facts;
import com.tracklane.eligibility.engine.FactsCalculator;
import com.tracklane.eligibility.engine.Journey;
import com.tracklane.eligibility.engine.JourneyAnalyzer;
import com.tracklane.eligibility.engine.Judgement;
import com.tracklane.reference.AirportDirectory;
import com.tracklane.track.service.RuleLimits;
import com.tracklane.track.service.RuleSetCatalog;
import com.tracklane.track.model.RuleSetSpec;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Answers eligibility checks from the rule sets in memory: validate, resolve, derive facts once, evaluate every
 * candidate rule set, decide. Nothing is stored and no database is used.
 */
@ApplicationScoped
public class EligibilityService {

    public static final String OPENAPI_RESOURCE = "openapi/openapi.yaml";

    private static final JsonSchemaCheck REQUEST_SCHEMA =
            JsonSchemaCheck.of(OPENAPI_RESOURCE, "/components/schemas/EligibilityRequest");

    private final RuleSetCatalog catalog;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final RuleLimits limits;
    private final TripResolver resolver = new TripResolver(AirportDirectory.standard());

    public EligibilityService(RuleSetCatalog catalog, ObjectMapper mapper, Clock clock, RuleLimits limits) {
        this.catalog = catalog;
        this.mapper = mapper;
        this.clock = clock;
        this.limits = limits;
    }

    /** Checks one request given as JSON. */
    public Decision check(JsonNode body, String language) {
        return check(parse(body), language);
    }

    public Decision check(EligibilityRequest request, String language) {
        return check(request, language, catalog.snapshot());
    }

    /**
     * Checks one request against the given rule sets. {@code knownAt} defaults to, and is capped at, the instant up to
     * which the snapshot holds every published version, so that the answer can be replayed exactly later. Traced as
     * {@code EligibilityService.check} with the route, the decided rule set, version and outcome as attributes.
     */
    @WithSpan("EligibilityService.check")
    public Decision check(EligibilityRequest request, String language, RuleSetCatalog.Snapshot snapshot) {
        java.time.Instant asOf = snapshot.asOf();
        TripResolver.Resolved resolved = resolver.resolve(request, asOf);
        if (resolved.knownAt().isAfter(asOf)) {
            resolved = new TripResolver.Resolved(resolved.trip(), asOf);
        }
        Journey journey = JourneyAnalyzer.analyze(resolved.trip());
        checkTransits(request, journey);
        List<RuleSetSpec> route = snapshot.forRoute(journey.origin(), journey.destination());
        Facts facts = FactsCalculator.compute(resolved.trip(), journey, route, resolved.knownAt());

        List<RuleSetSpec> candidates = route;
        if (request.track() != null) {
            candidates = new ArrayList<>(route.size());
            for (RuleSetSpec r : route) {
                if (r.track() == request.track()) {
                    candidates.add(r);
                }
            }
        }
        if (candidates.isEmpty()) {
            throw new UnprocessableException("no-rule-set", "No " + (request.track() == null ? "" : request.track() + " ")
                    + "rule set covers the route " + journey.origin() + " → " + journey.destination() + ".");
        }
        // Every candidate's rules are judged; only the answered one's texts are rendered (alternatives show ids).
        List<Judgement> judgements = new ArrayList<>(candidates.size());
        long deadline = limits.deadlineFromNow(); // the time budget of the check's rules (every candidate rule set)
        for (RuleSetSpec ruleSet : candidates) {
            Evaluator.judge(ruleSet, facts, resolved.knownAt(), deadline).ifPresent(judgements::add);
        }
        if (judgements.isEmpty()) {
            throw new UnprocessableException("no-rule-set", "No version of " + candidates.stream().map(RuleSetSpec::id)
                    .collect(Collectors.joining(", ")) + " was published by knownAt " + resolved.knownAt() + ".");
        }
        Decision decision = Decision.decide(journey, resolved.knownAt(), judgements, language);
        Span span = Span.current();
        if (span.isRecording()) { // the attributes are built only for a span that keeps them
            span.setAttribute("tracklane.route", journey.origin() + "-" + journey.destination())
                    .setAttribute("tracklane.rule_set", decision.ruleSet().id())
                    .setAttribute("tracklane.rule_set.version", decision.ruleSet().version())
                    .setAttribute("tracklane.outcome", decision.outcome().name());
        }
        return decision;
    }

    /** The facts of a stored request (an application's), for obligations with a condition ({@code when}). */
    public Facts facts(JsonNode body) {
        TripResolver.Resolved resolved = resolver.resolve(parse(body), clock.instant());
        Journey journey = JourneyAnalyzer.analyze(resolved.trip());
        return FactsCalculator.compute(resolved.trip(), journey);
    }

    /** Validates a request against the contract's schema, then binds it. */
    public EligibilityRequest parse(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw InvalidInputException.of("(body)", "a JSON object is required");
        }
        // Numbers a double cannot hold (1e400) are refused first, with their paths: the schema validator and the
        // binding would otherwise turn them into Infinity.
        List<FieldError> errors = InputChecks.numbersOutOfRange(body, "");
        if (errors.isEmpty()) {
            errors = REQUEST_SCHEMA.validate(body);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The eligibility request has " + errors.size() + " invalid field(s).", errors);
        }
        try {
            return mapper.treeToValue(body, EligibilityRequest.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
            throw InvalidInputException.of(field.isEmpty() ? "(body)" : field, "is not a valid value (a date must be a real YYYY-MM-DD date)");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw InvalidInputException.of("(body)", "invalid value: " + com.tracklane.common.Messages.sanitize(e.getOriginalMessage()));
        }
    }

    private static void checkTransits(EligibilityRequest request, Journey journey) {
        if (request.transits() == null) {
            return;
        }
        List<String> connections = JourneyAnalyzer.connectionAirports(journey);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.transits().size(); i++) {
            String airport = request.transits().get(i).airport();
            Integer afterLeg = request.transits().get(i).afterLeg();
            if (afterLeg != null) {
                java.util.Optional<com.tracklane.eligibility.engine.Journey.Connection> at = JourneyAnalyzer.connectionAfter(journey, afterLeg);
                if (at.isEmpty()) {
                    errors.add(new FieldError("transits[" + i + "].afterLeg", "leg " + afterLeg + " does not arrive at a connection"
                            + " of the itinerary" + (journey.connections().isEmpty() ? " (it has none)" : " (connections after legs: "
                            + journey.connections().stream().map(c -> c.afterLeg() + " at " + c.airport())
                                    .collect(Collectors.joining(", ")) + ")")));
                } else if (!at.get().airport().equals(airport)) {
                    errors.add(new FieldError("transits[" + i + "].afterLeg", "leg " + afterLeg + " arrives at "
                            + at.get().airport() + ", not at " + airport));
                }
            } else if (!connections.contains(airport)) {
                errors.add(new FieldError("transits[" + i + "].airport", airport + " is not a connection of the itinerary"
                        + (connections.isEmpty() ? " (it has none)" : " (connections: " + String.join(", ", connections) + ")")));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("A transit does not match the itinerary.", errors);
        }
    }

    /**
     * Batch: one entry per check, in order; a bad check gives its problem (field paths within that check) at its index.
     * The checks are independent and CPU-bound, so they are spread over the cores (parallel stream, order kept).
     */
    @WithSpan("EligibilityService.checkAll")
    public List<Object> checkAll(List<JsonNode> checks, String language, java.util.function.Function<RuntimeException, Object> problemOf) {
        return java.util.stream.IntStream.range(0, checks.size()).parallel()
                .mapToObj(i -> checkOne(i, checks.get(i), language, problemOf))
                .toList();
    }

    private Object checkOne(int i, JsonNode check, String language, java.util.function.Function<RuntimeException, Object> problemOf) {
        try {
            return check(parse(check), language);
        } catch (InvalidInputException | UnprocessableException | EvaluationException e) {
            return problemOf.apply(e);
        } catch (RuntimeException e) {
            // A defect in one check must not fail the others: log it, and answer a problem at its index.
            org.jboss.logging.Logger.getLogger(EligibilityService.class).errorf(e, "Batch check %d failed", i);
            return problemOf.apply(new IllegalStateException("internal"));
        }
    }
}
