package com.tracklane.track.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Uses the start's idle core: as soon as the CDI container is up, and while Flyway and Hibernate ORM start on the main
 * thread, a background thread loads the shipped rule sets from what the build prepared ({@link ShippedIndex}), the way
 * {@link RuleSetSync} will: that loads and initialises the classes of CEL, protobuf, the rule-set schema and the
 * compiler, and leaves the restored expressions in the compiling environments' memory (reused only for the very same
 * bytes, see {@link CelExpressions#restore}). The result itself is dropped: the catalogue is still loaded from the
 * database, with every check, by {@link RuleSetSync}. A failure here only means a slower load.
 */
@ApplicationScoped
public class RuleSetWarmUp {

    private static final Logger LOG = Logger.getLogger(RuleSetWarmUp.class);

    static void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        // JVM mode only: this event is what comes before Flyway and Hibernate ORM there (Quarkus warns at build that a
        // native image delivers it at image build time, where no thread may be started).
        // The configuration is not read here (this is static init); -Dtracklane.rule-sets.prepared=false turns it off.
        if (io.quarkus.runtime.ImageMode.current() != io.quarkus.runtime.ImageMode.JVM
                || "false".equals(System.getProperty("tracklane.rule-sets.prepared"))) {
            return;
        }
        Thread thread = new Thread(RuleSetWarmUp::run, "rule-set-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        thread.start();
    }

    static void run() {
        long started = System.nanoTime();
        try {
            CompiledRuleCache cache = CompiledRuleCache.withShipped(List.of());
            RuleSetCompiler compiler = new RuleSetCompiler();
            var index = ShippedIndex.documents();
            for (String resource : ShippedIndex.shippedResources()) {
                byte[] bytes = resourceBytes(resource);
                Optional<JsonNode> document = bytes == null ? Optional.empty() : ShippedIndex.document(index, resource, bytes);
                if (document.isPresent()) {
                    compiler.compile(resource, document.get(), cache);
                }
            }
            warmHqlParser();
            LOG.debugf("Rule-set warm-up done in %d ms", (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException | LinkageError e) {
            LOG.debugf("Rule-set warm-up stopped (%s)", e.getClass().getSimpleName());
        }
    }

    /**
     * The load reads the rule sets with Panache (HQL) queries, the start's first: parsing one HQL text here loads and
     * initialises Hibernate's HQL grammar (ANTLR), which is what their first parse spends most on. Parsing only; nothing
     * of Hibernate ORM's state is touched.
     */
    private static void warmHqlParser() {
        var lexer = new org.hibernate.grammars.hql.HqlLexer(org.antlr.v4.runtime.CharStreams.fromString(
                "from RuleVersionRecord where key.ruleSetId = ?1 and state = ?2 order by key.number"));
        var parser = new org.hibernate.grammars.hql.HqlParser(new org.antlr.v4.runtime.CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.statement();
    }

    private static byte[] resourceBytes(String resource) {
        try (var in = RuleSetWarmUp.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
