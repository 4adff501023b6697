package com.tracklane.track;

import com.tracklane.eligibility.engine.RuleSetSpec;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The rule sets in memory: the eligibility path reads only from here, never from a database.
 * Loaded at start-up; a rule set with any problem stops the start with every problem listed.
 */
@Startup
@ApplicationScoped
public class RuleSetCatalog {

    private static final Logger LOG = Logger.getLogger(RuleSetCatalog.class);

    private final RuleSetConfig config;
    private final RuleSetCompiler compiler = new RuleSetCompiler();
    private final AtomicReference<Map<String, RuleSetSpec>> ruleSets = new AtomicReference<>(Map.of());

    public RuleSetCatalog(RuleSetConfig config) {
        this.config = config;
    }

    @PostConstruct
    void load() {
        long started = System.nanoTime();
        Map<String, RuleSetSpec> loaded = new LinkedHashMap<>();
        List<RuleSetProblem> problems = new ArrayList<>();
        // Compiling is CPU-bound and the files are independent: compile them in parallel, keep their order.
        List<String> resources = config.resources();
        List<Object> results = resources.parallelStream().map(resource -> {
            try {
                return (Object) compiler.compile(resource, readResource(resource));
            } catch (RuleSetLoadException e) {
                return e;
            }
        }).toList();
        for (Object result : results) {
            if (result instanceof RuleSetSpec spec) {
                loaded.put(spec.id(), spec);
            } else {
                problems.addAll(((RuleSetLoadException) result).problems());
            }
        }
        config.directory().map(Path::of).ifPresent(dir -> {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
                    compileInto(loaded, problems, file.toString(), Files.readString(file, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read rule-set directory " + dir, e);
            }
        });
        if (!problems.isEmpty()) {
            throw new RuleSetLoadException(problems);
        }
        ruleSets.set(Map.copyOf(loaded));
        LOG.infof("Loaded %d rule sets in %d ms: %s", loaded.size(), (System.nanoTime() - started) / 1_000_000,
                String.join(", ", loaded.keySet()));
    }

    private void compileInto(Map<String, RuleSetSpec> loaded, List<RuleSetProblem> problems, String file, String text) {
        try {
            RuleSetSpec spec = compiler.compile(file, text);
            loaded.put(spec.id(), spec);
        } catch (RuleSetLoadException e) {
            problems.addAll(e.problems());
        }
    }

    private static String readResource(String resource) {
        try (InputStream in = RuleSetCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("rule-set resource not found: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<RuleSetSpec> all() {
        return ruleSets.get().values().stream().sorted(Comparator.comparing(RuleSetSpec::id)).toList();
    }

    public Optional<RuleSetSpec> find(String id) {
        return Optional.ofNullable(ruleSets.get().get(id));
    }

    /** The rule sets of a route, RESIDENT before BUSINESS. */
    public List<RuleSetSpec> forRoute(String origin, String destination) {
        return ruleSets.get().values().stream()
                .filter(r -> r.origin().equals(origin) && r.destination().equals(destination))
                .sorted(Comparator.comparing(RuleSetSpec::track))
                .toList();
    }
}
