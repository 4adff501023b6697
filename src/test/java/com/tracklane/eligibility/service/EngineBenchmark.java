package com.tracklane.eligibility.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.tracklane.eligibility.engine.Decision;
import com.tracklane.eligibility.engine.Facts;
import com.tracklane.eligibility.engine.FactsCalculator;
import com.tracklane.eligibility.engine.Journey;
import com.tracklane.eligibility.engine.JourneyAnalyzer;
import com.tracklane.reference.AirportDirectory;
import com.tracklane.track.service.RuleSetCatalog;
import com.tracklane.track.service.RuleSetCompiler;
import com.tracklane.track.service.RuleSetConfig;
import com.tracklane.track.service.ShippedRuleSets;
import com.tracklane.track.model.Expression;
import com.tracklane.track.model.ObligationSpec;
import com.tracklane.track.model.RuleOutcome;
import com.tracklane.track.model.RuleSetSpec;
import com.tracklane.track.model.RuleSpec;
import com.tracklane.track.model.Template;
import com.tracklane.track.model.VersionSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The engine in process (bench/engine/run; not a test). {@code check}: one complete check of a bound request, as
 * {@link EligibilityService#check(EligibilityRequest, String)} does it — airports and times resolved, journey and
 * facts derived, every rule of every rule set of the route evaluated with its message, obligations, decision.
 * {@code floor}: only the compiled CEL programs (and message placeholders) that very check evaluates, on inputs
 * prepared beforehand (one flat map of facts and {@code params.*}). The difference is the engine's own overhead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class EngineBenchmark {

    /** Requests under bench/requests (the same mix the HTTP benchmark posts). */
    @Param({"01-kh-jp-both-tracks.json", "02-kh-jp-resident-ja.json", "03-jp-kh-business-lane.json",
            "04-kh-jp-via-bkk-stopover.json", "05-kh-jp-after-suspension.json", "06-jp-kh-resident-open-ended.json"})
    public String request;

    private EligibilityService service;
    private EligibilityRequest bound;
    private String language;
    private final List<Expression> floorExpressions = new ArrayList<>();
    private final List<Expression.Bindings> floorBindings = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        ObjectMapper mapper = JsonMapper.builder().findAndAddModules()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        RuleSetConfig config = new RuleSetConfig() {
            @Override
            public List<String> resources() {
                return List.of("rulesets/resident-kh-jp.yaml", "rulesets/business-kh-jp.yaml",
                        "rulesets/resident-jp-kh.yaml", "rulesets/business-jp-kh.yaml");
            }

            @Override
            public Optional<String> directory() {
                return Optional.empty();
            }

            @Override
            public String refreshEvery() {
                return "1s";
            }

            @Override
            public boolean prepared() {
                return true;
            }
        };
        // The shipped files, compiled as the service compiles them, installed as one snapshot (no database needed).
        RuleSetCompiler compiler = new RuleSetCompiler();
        Map<String, RuleSetSpec> specs = new HashMap<>();
        ShippedRuleSets.read(config).values()
                .forEach(source -> specs.put(source.id(), compiler.compile(source.file(), source.document())));
        RuleSetCatalog catalog = new RuleSetCatalog();
        catalog.install(new RuleSetCatalog.Snapshot(Map.copyOf(specs), Map.of(), -1, Instant.now(), false));
        // A time budget as in production (so each expression runs with its deadline clock), but long enough that the
        // first, cold checks on a loaded machine do not fail the set-up.
        service = new EligibilityService(catalog, mapper, Clock.systemUTC(),
                com.tracklane.track.service.RuleLimits.of(java.time.Duration.ofSeconds(10)));

        Path dir = Path.of(System.getProperty("bench.requests", "bench/requests"));
        JsonNode body = mapper.readTree(Files.readString(dir.resolve(request)));
        bound = service.parse(body);
        language = request.endsWith("-ja.json") ? "ja" : "en";

        // The floor: exactly the expressions the check evaluates, found by walking the same path once.
        TripResolver.Resolved resolved = new TripResolver(AirportDirectory.standard()).resolve(bound, Clock.systemUTC().instant());
        Journey journey = JourneyAnalyzer.analyze(resolved.trip().legs(), resolved.trip().leavesAirportAt());
        Facts facts = FactsCalculator.compute(resolved.trip(), journey);
        for (RuleSetSpec ruleSet : catalog.forRoute(journey.origin(), journey.destination())) {
            if (bound.track() != null && ruleSet.track() != bound.track()) {
                continue;
            }
            Optional<VersionSpec> version = ruleSet.versionAt(journey.entryInstant(), resolved.knownAt());
            if (version.isEmpty()) {
                continue;
            }
            Map<String, Object> prepared = new HashMap<>(facts.values());
            version.get().values().forEach((k, v) -> prepared.put("params." + k, v));
            Expression.Bindings bindings = prepared::get;
            for (RuleSpec rule : version.get().rules()) {
                RuleOutcome outcome;
                if (rule.applicableWhen() != null && !add(rule.applicableWhen(), bindings)) {
                    outcome = RuleOutcome.NOT_APPLICABLE;
                } else if (rule.pendingWhen() != null && add(rule.pendingWhen(), bindings)) {
                    outcome = RuleOutcome.PENDING;
                } else {
                    outcome = add(rule.condition(), bindings) ? RuleOutcome.PASS : RuleOutcome.FAIL;
                }
                addTemplate(rule.messages().get(outcome).in(language), bindings);
            }
            for (ObligationSpec obligation : version.get().obligations()) {
                if (obligation.when() == null || add(obligation.when(), bindings)) {
                    addTemplate(obligation.detail().in(language), bindings);
                }
            }
        }
        Decision check = check();
        if (check == null || floorExpressions.isEmpty()) {
            throw new IllegalStateException("nothing to measure for " + request);
        }
        System.out.println("\n[" + request + "] " + check.outcome() + " " + check.track() + ", "
                + (1 + check.alternatives().size()) + " rule set(s); floor evaluates " + floorExpressions.size() + " expressions");
    }

    private boolean add(Expression expression, Expression.Bindings bindings) {
        floorExpressions.add(expression);
        floorBindings.add(bindings);
        return expression.test(bindings);
    }

    private void addTemplate(Template template, Expression.Bindings bindings) {
        for (Template.Part part : template.parts()) {
            if (part instanceof Template.Value value) {
                floorExpressions.add(value.expression());
                floorBindings.add(bindings);
            }
        }
    }

    @Benchmark
    public Decision check() {
        return service.check(bound, language);
    }

    @Benchmark
    public void floor(Blackhole blackhole) {
        for (int i = 0; i < floorExpressions.size(); i++) {
            blackhole.consume(floorExpressions.get(i).evaluate(floorBindings.get(i)));
        }
    }
}
