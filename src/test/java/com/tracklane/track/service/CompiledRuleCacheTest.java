package com.tracklane.track.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tracklane.eligibility.service.EligibilityService;
import com.tracklane.support.Examples;
import com.tracklane.track.model.Expression;
import com.tracklane.track.model.Localized;
import com.tracklane.track.model.ObligationSpec;
import com.tracklane.track.model.RuleSetSpec;
import com.tracklane.track.model.RuleSpec;
import com.tracklane.track.model.Template;
import com.tracklane.track.model.VersionSpec;
import com.tracklane.track.repository.CompiledRuleVersionRepository.Row;
import dev.cel.common.CelProtoAbstractSyntaxTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rule sets compiled from the compiled cache are the rule sets compiled afresh: the same checked expressions for every
 * expression of every shipped version, and the same decisions (as JSON) for the bench mix and the examples at every
 * version's publication, in every language. An entry that cannot be trusted (corrupt, another environment) is
 * compiled again and rewritten; a second load compiles nothing.
 */
class CompiledRuleCacheTest {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final List<String> IDS = List.of("resident-kh-jp", "business-kh-jp", "resident-jp-kh", "business-jp-kh");

    private static final Map<String, JsonNode> DOCUMENTS = new LinkedHashMap<>();
    private static final Map<String, RuleSetSpec> FRESH = new LinkedHashMap<>();
    /** The entries the first load writes. */
    private static final List<Row> ROWS = new ArrayList<>();

    @BeforeAll
    static void firstLoad() throws Exception {
        CompiledRuleCache empty = new CompiledRuleCache(List.of());
        for (String id : IDS) {
            DOCUMENTS.put(id, RuleSetCompiler.YAML.readTree(Files.readString(Path.of("src/main/resources/rulesets/" + id + ".yaml"))));
            RuleSetSpec spec = new RuleSetCompiler().compile(id + ".yaml", DOCUMENTS.get(id), empty);
            assertThat(empty.fromCache(spec)).as(id + " compiled on the first load").isFalse();
            FRESH.put(id, spec);
        }
        empty.writes().forEach(w -> ROWS.add(new Row(w.contentHash(), w.payload(), w.digest())));
        assertThat(empty.writes()).as("an entry per shipped version, none replacing anything")
                .hasSize(FRESH.values().stream().mapToInt(s -> s.versions().size()).sum())
                .noneMatch(CompiledRuleCache.Write::replace);
    }

    private static Map<String, RuleSetSpec> load(CompiledRuleCache cache) {
        Map<String, RuleSetSpec> specs = new LinkedHashMap<>();
        DOCUMENTS.forEach((id, document) -> specs.put(id, new RuleSetCompiler().compile(id + ".yaml", document, cache)));
        return specs;
    }

    @Test
    void shouldCompileNothingOnTheSecondLoad() {
        CompiledRuleCache cache = new CompiledRuleCache(ROWS);
        Map<String, RuleSetSpec> cached = load(cache);
        assertThat(cached.values().stream().filter(cache::fromCache).count()).as("rule sets from the cache").isEqualTo(IDS.size());
        assertThat(cache.writes()).as("nothing to write").isEmpty();
    }

    @Test
    void shouldGiveTheCheckedExpressionsOfAFreshCompileForEveryShippedVersion() {
        Map<String, RuleSetSpec> cached = load(new CompiledRuleCache(ROWS));
        int compared = 0;
        for (String id : IDS) {
            List<VersionSpec> fresh = FRESH.get(id).versions();
            List<VersionSpec> restored = cached.get(id).versions();
            assertThat(restored).hasSameSizeAs(fresh);
            for (int v = 0; v < fresh.size(); v++) {
                assertThat(restored.get(v).contentHash()).isEqualTo(fresh.get(v).contentHash());
                List<Expression> a = expressions(fresh.get(v));
                List<Expression> b = expressions(restored.get(v));
                assertThat(b).hasSameSizeAs(a);
                for (int i = 0; i < a.size(); i++) {
                    assertThat(String.valueOf(b.get(i))).isEqualTo(String.valueOf(a.get(i)));
                    assertThat(checked(b.get(i))).as(id + " v" + (v + 1) + ": " + a.get(i)).isEqualTo(checked(a.get(i)));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(200);
    }

    @Test
    void shouldAnswerTheBenchMixAndTheExamplesAsFreshlyCompiledRuleSets() throws Exception {
        assertThat(answers(load(new CompiledRuleCache(ROWS)))).isEqualTo(answers(FRESH));
    }

    @Test
    void shouldCompileACorruptEntryAgainAndRewriteIt() throws Exception {
        List<Row> rows = new ArrayList<>(ROWS);
        // One entry whose bytes changed (its digest no longer matches) and one whose bytes are no checked expressions,
        // written with a matching digest (as a defect of the writer would).
        int first = withExpressions(rows, 0);
        int last = withExpressions(rows, rows.size() - 1);
        Row flipped = rows.get(first);
        byte[] bytes = flipped.payload().clone();
        bytes[bytes.length / 2] ^= 0x5A;
        rows.set(first, new Row(flipped.contentHash(), bytes, flipped.digest()));
        Row garbled = rows.get(last);
        Map<String, byte[]> garbage = new LinkedHashMap<>();
        CompiledRuleCache.decode(garbled.payload()).orElseThrow().keySet().forEach(k -> garbage.put(k, new byte[] {1, 2, 3, 4}));
        byte[] payload = CompiledRuleCache.encode(garbage);
        rows.set(last, new Row(garbled.contentHash(), payload,
                CompiledRuleCache.digest(CompiledRuleCache.environment(), garbled.contentHash(), payload)));

        CompiledRuleCache cache = new CompiledRuleCache(rows);
        Map<String, RuleSetSpec> specs = load(cache);
        assertThat(cache.writes()).extracting(CompiledRuleCache.Write::contentHash)
                .containsExactlyInAnyOrder(flipped.contentHash(), garbled.contentHash());
        assertThat(cache.writes()).allMatch(CompiledRuleCache.Write::replace);
        assertThat(specs.values().stream().filter(cache::fromCache).count()).isLessThan(IDS.size());
        assertThat(answers(specs)).isEqualTo(answers(FRESH));
        // What is rewritten is what a fresh compile writes.
        Map<String, byte[]> rewritten = new LinkedHashMap<>();
        cache.writes().forEach(w -> rewritten.put(w.contentHash(), w.payload()));
        assertThat(CompiledRuleCache.decode(rewritten.get(garbled.contentHash())).orElseThrow())
                .containsOnlyKeys(CompiledRuleCache.decode(garbled.payload()).orElseThrow().keySet());
        assertThat(rewritten.get(flipped.contentHash())).isEqualTo(flipped.payload());
    }

    @Test
    void shouldNotTrustEntriesOfAnotherEnvironment() {
        CompiledRuleCache cache = new CompiledRuleCache(ROWS, "sha256:another-cel-or-other-functions");
        Map<String, RuleSetSpec> specs = load(cache);
        assertThat(specs.values()).noneMatch(cache::fromCache);
        assertThat(cache.writes()).hasSize(ROWS.size()).allMatch(CompiledRuleCache.Write::replace);
        assertThat(CompiledRuleCache.environment()).startsWith("sha256:").isNotEqualTo("sha256:another-cel-or-other-functions");
    }

    @Test
    void shouldNotTrustAnEntryThatLacksAnExpression() {
        Row first = ROWS.get(withExpressions(ROWS, 0));
        Map<String, byte[]> fewer = new LinkedHashMap<>(CompiledRuleCache.decode(first.payload()).orElseThrow());
        String dropped = fewer.keySet().iterator().next();
        fewer.remove(dropped);
        byte[] payload = CompiledRuleCache.encode(fewer);
        List<Row> rows = new ArrayList<>(ROWS);
        rows.set(ROWS.indexOf(first), new Row(first.contentHash(), payload, CompiledRuleCache.digest(CompiledRuleCache.environment(), first.contentHash(), payload)));
        CompiledRuleCache cache = new CompiledRuleCache(rows);
        load(cache);
        assertThat(cache.writes()).singleElement().satisfies(w -> {
            assertThat(w.contentHash()).isEqualTo(first.contentHash());
            assertThat(w.replace()).isTrue();
            assertThat(CompiledRuleCache.decode(w.payload()).orElseThrow()).containsKey(dropped);
        });
    }

    /** The index of the first (from 0) or last entry, from {@code from} on, that holds any expression. */
    private static int withExpressions(List<Row> rows, int from) {
        int step = from == 0 ? 1 : -1;
        for (int i = from; i >= 0 && i < rows.size(); i += step) {
            if (!CompiledRuleCache.decode(rows.get(i).payload()).orElseThrow().isEmpty()) {
                return i;
            }
        }
        throw new AssertionError("no entry holds an expression");
    }

    /** Every request of the bench mix and the examples, at every version's publication and as written, in every language. */
    private static List<String> answers(Map<String, RuleSetSpec> specs) throws Exception {
        RuleSetCatalog catalog = new RuleSetCatalog();
        catalog.install(new RuleSetCatalog.Snapshot(Map.copyOf(specs), Map.of(), -1, Instant.parse("2030-01-01T00:00:00Z"), false));
        EligibilityService service = new EligibilityService(catalog, JSON, Clock.systemUTC(), RuleLimits.of(Duration.ofSeconds(30)));
        TreeSet<Instant> knownAts = new TreeSet<>();
        specs.values().forEach(s -> s.versions().forEach(v -> knownAts.add(v.publishedAt())));
        List<JsonNode> requests = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("bench/requests"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("(\\d\\d-.*|eligibility.*)\\.json")).sorted().toList()) {
                requests.add(JSON.readTree(Files.readString(file)));
            }
        }
        requests.add(Examples.eligibility());
        assertThat(requests).hasSizeGreaterThanOrEqualTo(7);
        List<String> answers = new ArrayList<>();
        for (JsonNode request : requests) {
            List<JsonNode> variants = new ArrayList<>(List.of(request));
            knownAts.forEach(at -> variants.add(((ObjectNode) request.deepCopy()).put("knownAt", at.toString())));
            for (JsonNode variant : variants) {
                for (String language : Localized.LANGUAGES) {
                    try {
                        answers.add(JSON.writeValueAsString(service.check(variant, language)));
                    } catch (RuntimeException e) {
                        answers.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                }
            }
        }
        assertThat(answers.stream().filter(a -> a.startsWith("{"))).as("decisions among the answers").hasSizeGreaterThan(100);
        return answers;
    }

    private static List<Expression> expressions(VersionSpec version) {
        List<Expression> out = new ArrayList<>();
        for (RuleSpec rule : version.rules()) {
            Stream.of(rule.applicableWhen(), rule.pendingWhen(), rule.condition()).forEach(out::add);
            new java.util.TreeMap<>(rule.messages()).values().forEach(m -> templates(m, out));
        }
        for (ObligationSpec o : version.obligations()) {
            out.add(o.when());
            templates(o.detail(), out);
        }
        if (version.trackOpenGrace() != null) {
            out.add(version.trackOpenGrace().pendingWhen());
            out.add(version.trackOpenGrace().condition());
            new java.util.TreeMap<>(version.trackOpenGrace().messages()).values().forEach(m -> templates(m, out));
        }
        out.removeIf(Objects::isNull);
        return out;
    }

    private static void templates(Localized<Template> localized, List<Expression> out) {
        if (localized == null) {
            return;
        }
        new java.util.TreeMap<>(localized.byLanguage()).values().forEach(t -> t.parts().forEach(p -> {
            if (p instanceof Template.Value value) {
                out.add(value.expression());
            }
        }));
    }

    private static Optional<Object> checked(Expression expression) {
        return CelExpressions.ast(expression).map(ast -> CelProtoAbstractSyntaxTree.fromCelAst(ast).toCheckedExpr());
    }
}
