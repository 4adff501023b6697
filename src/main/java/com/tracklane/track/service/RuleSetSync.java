package com.tracklane.track.service;

import com.tracklane.track.model.RuleSetLoadException;
import com.tracklane.track.model.RuleSetProblem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tracklane.track.service.RuleSetCatalog.Snapshot;
import com.tracklane.track.model.RuleSetSpec;
import com.tracklane.track.model.VersionSpec;
import com.tracklane.track.repository.RuleCatalogRevision;
import com.tracklane.track.repository.RuleSetEvent;
import com.tracklane.track.repository.RuleSetEventRepository;
import com.tracklane.track.repository.RuleSetRecord;
import com.tracklane.track.repository.RuleSetRepository;
import com.tracklane.track.repository.RuleVersionRecord;
import com.tracklane.track.repository.RuleVersionRepository;
import com.tracklane.track.repository.SupersededVersionRecord;
import com.tracklane.track.repository.SupersededVersionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Keeps the in-memory {@link RuleSetCatalog} equal to the database. At start-up it imports the shipped rule-set files
 * that the database does not hold yet (the database is the source of truth from then on) and loads every rule set;
 * then it polls the one-row revision counter every {@code tracklane.rule-sets.refresh-every} (1 s) and reloads the
 * rule sets whose revision changed. The poll reads the counter with {@code SELECT … FOR UPDATE}, which waits for a
 * publication in progress: what it reads is a whole publication or none of it.
 *
 * <p>If the database cannot be reached at start-up, the shipped files are served (eligibility checks never need the
 * database) and the poll keeps trying.
 */
@ApplicationScoped
public class RuleSetSync {

    private static final Logger LOG = Logger.getLogger(RuleSetSync.class);

    private final RuleSetConfig config;
    private final RuleSetCatalog catalog;
    private final EntityManager em;
    private final Clock clock;
    private final RuleSetRepository ruleSets;
    private final RuleVersionRepository versions;
    private final RuleSetEventRepository events;
    private final SupersededVersionRepository superseded;
    private final CompiledRuleCache.Store cacheStore;
    private final RuleSetCompiler compiler = new RuleSetCompiler();
    /** Compiled rule sets by their document: the import and the first load compile each shipped file once. */
    private final Map<JsonNode, Compiled> compiled = new ConcurrentHashMap<>();

    /** A compiled rule set, and whether its every version came from the compiled cache. */
    private record Compiled(RuleSetSpec spec, boolean fromCache) {
    }
    private volatile boolean databaseDown;
    /** The poll waits for the start-up load (which imports the shipped files) to finish. */
    private volatile boolean loaded;

    public RuleSetSync(RuleSetConfig config, RuleSetCatalog catalog, EntityManager em, Clock clock, RuleSetRepository ruleSets,
                       RuleVersionRepository versions, RuleSetEventRepository events, SupersededVersionRepository superseded,
                       CompiledRuleCache.Store cacheStore) {
        this.cacheStore = cacheStore;
        this.ruleSets = ruleSets;
        this.versions = versions;
        this.events = events;
        this.superseded = superseded;
        this.config = config;
        this.catalog = catalog;
        this.em = em;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        long started = System.nanoTime();
        long cpu = processCpuNanos();
        Map<String, ShippedRuleSets.Source> shipped = ShippedRuleSets.read(config);
        try {
            Loaded loaded = refresh(shipped);
            // The process's CPU time as well: on a busy machine the wall time mostly measures the other processes.
            LOG.infof("Loaded %d rule sets from the database in %d ms (%d from the compiled cache, %d compiled): %s; %d ms of CPU",
                    catalog.all().size(), (System.nanoTime() - started) / 1_000_000, loaded.fromCache(), loaded.compiled(),
                    String.join(", ", catalog.snapshot().ruleSets().keySet()), (processCpuNanos() - cpu) / 1_000_000);
        } catch (RuleSetLoadException e) {
            throw e;
        } catch (RuntimeException e) {
            databaseDown = true;
            LOG.warnf("The database cannot be read (%s): serving the shipped rule sets until it can", causes(e));
            Map<String, RuleSetSpec> specs = new LinkedHashMap<>();
            shipped.values().parallelStream().map(s -> compile(s.file(), s.document(), null).spec()).toList()
                    .forEach(spec -> specs.put(spec.id(), spec));
            catalog.install(new Snapshot(Map.copyOf(specs), Map.of(), -1, clock.instant().truncatedTo(ChronoUnit.MILLIS), false));
        }
        loaded = true;
    }

    @Scheduled(every = "${tracklane.rule-sets.refresh-every:1s}", delayed = "${tracklane.rule-sets.refresh-every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!loaded) {
            return;
        }
        try {
            refresh(catalog.snapshot().synced() ? null : ShippedRuleSets.read(config));
            if (databaseDown) {
                databaseDown = false;
                LOG.info("The database is reachable again: rule sets are synchronised");
            }
        } catch (RuntimeException e) {
            if (!databaseDown) {
                databaseDown = true;
                LOG.warnf("Cannot synchronise rule sets (%s); still serving the ones in memory", causes(e));
            }
        }
    }

    /** Imports the given shipped files as the start-up does (absent rule sets, and later editions of unchanged ones). */
    public void importShipped(Map<String, ShippedRuleSets.Source> files) {
        refresh(files);
    }

    /** Loads what was published since the last load, now; called by the poll and right after a publication. */
    public void refresh() {
        refresh(null);
    }

    /** What a load compiled: rule sets wholly from the compiled cache, and the others. */
    record Loaded(int fromCache, int compiled) {
    }

    private synchronized Loaded refresh(Map<String, ShippedRuleSets.Source> shipped) {
        Snapshot before = catalog.snapshot();
        // What the import compiles is recorded for the compiled cache; the load reads the stored one (apart from the
        // lock's transaction: a cache that cannot be read only makes the load slower).
        CompiledRuleCache imported = config.prepared() ? CompiledRuleCache.withShipped(List.of()) : new CompiledRuleCache(List.of());
        Read read = QuarkusTransaction.requiringNew().call(() -> read(before, shipped, imported));
        CompiledRuleCache cache = read.changed().isEmpty() ? imported : cacheStore.read(config.prepared());
        Map<String, RuleSetSpec> specs = new HashMap<>(before.synced() ? before.ruleSets() : Map.of());
        Map<String, Long> revisions = new HashMap<>(before.synced() ? before.revisions() : Map.of());
        List<Map.Entry<String, JsonNode>> changed = List.copyOf(read.changed().entrySet());
        List<Object> results = changed.parallelStream().map(e -> {
            try {
                return (Object) compile("database:" + e.getKey(), e.getValue(), cache);
            } catch (RuleSetLoadException problem) {
                return problem;
            }
        }).toList();
        int fromCache = 0;
        for (int i = 0; i < changed.size(); i++) {
            String id = changed.get(i).getKey();
            if (results.get(i) instanceof Compiled c) {
                RuleSetSpec spec = c.spec();
                fromCache += c.fromCache() ? 1 : 0;
                specs.put(id, spec);
                revisions.put(id, read.revisions().get(id));
            } else if (shipped != null && !before.synced()) {
                throw (RuleSetLoadException) results.get(i);
            } else {
                // Published versions were compiled before they were accepted; this is a defect, not bad input.
                // Located only (path, rule id, position): neither expressions nor messages, which quote what authors wrote.
                LOG.errorf("Rule set %s in the database does not compile; keeping the version in memory: %s", id,
                        ((RuleSetLoadException) results.get(i)).problems().stream().map(RuleSetProblem::located).toList());
            }
        }
        catalog.install(new Snapshot(Map.copyOf(specs), Map.copyOf(revisions), read.revision(), read.asOf(), true));
        cacheStore.write(imported);
        if (cache != imported) {
            cacheStore.write(cache);
        }
        return new Loaded(fromCache, changed.size() - fromCache);
    }

    private record Read(long revision, Instant asOf, Map<String, JsonNode> changed, Map<String, Long> revisions) {
    }

    private Read read(Snapshot before, Map<String, ShippedRuleSets.Source> shipped, CompiledRuleCache cache) {
        long revision = RuleCatalogRevision.lock(em);
        // Taken while holding the lock: every publication stamped at or before this instant has committed.
        Instant asOf = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // The rule sets the import found as shipped: read once, loaded as read.
        Map<String, JsonNode> asShipped = new HashMap<>();
        if (shipped != null && importAbsent(shipped, asOf, revision, cache, asShipped)) {
            revision = RuleCatalogRevision.bump(em, revision);
        }
        if (before.synced() && revision == before.revision()) {
            return new Read(revision, asOf, Map.of(), before.revisions());
        }
        Map<String, JsonNode> changed = new LinkedHashMap<>();
        Map<String, Long> revisions = new HashMap<>();
        for (RuleSetRecord set : ruleSets.listAll()) {
            revisions.put(set.id, set.revision);
            Long known = before.synced() ? before.revisions().get(set.id) : null;
            if (known == null || known != set.revision) {
                JsonNode unchanged = asShipped.get(set.id);
                changed.put(set.id, unchanged != null ? unchanged : RuleSetJson.document(set, versions.publishedOf(set.id), null));
            }
        }
        return new Read(revision, asOf, changed, revisions);
    }

    /**
     * Imports the shipped rule sets the database does not hold, and the new edition of those it holds unchanged since
     * their import; tells whether it imported any.
     */
    private boolean importAbsent(Map<String, ShippedRuleSets.Source> shipped, Instant now, long revision, CompiledRuleCache cache,
                                 Map<String, JsonNode> asShipped) {
        List<ShippedRuleSets.Source> absent = new java.util.ArrayList<>();
        boolean superseded = false;
        for (ShippedRuleSets.Source source : shipped.values()) {
            RuleSetRecord existing = ruleSets.findById(source.id());
            ObjectNode stored = existing == null ? null : RuleSetJson.document(existing, versions.publishedOf(existing.id), null);
            if (existing == null) {
                absent.add(source);
            } else if (stored.equals(source.document())) {
                asShipped.put(existing.id, stored);
            } else if (supersede(existing, source, now, revision + 1, cache)) {
                superseded = true;
            } else {
                LOG.infof("Rule set %s in the database differs from %s: the database is the source of truth", source.id(), source.file());
            }
        }
        // Compiling is CPU-bound and the files are independent: compile them in parallel (the load reuses the result).
        absent.parallelStream().forEach(source -> compile(source.file(), source.document(), cache));
        for (ShippedRuleSets.Source source : absent) {
            RuleSetSpec spec = compile(source.file(), source.document(), cache).spec();
            ObjectNode header = source.document().deepCopy();
            ArrayNode documents = (ArrayNode) header.remove("versions");
            RuleSetRecord set = new RuleSetRecord();
            set.id = spec.id();
            set.track = spec.track().name();
            set.origin = spec.origin();
            set.destination = spec.destination();
            set.headerJson = RuleSetJson.write(header);
            set.revision = 0;
            set.createdAt = now;
            ruleSets.persist(set);
            Iterator<JsonNode> docs = documents.elements();
            for (VersionSpec v : spec.versions()) {
                persistShipped(spec.id(), v, docs.next(), source.file(), now);
            }
            events.record(spec.id(), spec.versions().size(), RuleSetEvent.Action.IMPORTED, now, "system",
                    spec.versions().get(spec.versions().size() - 1).contentHash(),
                    "Imported versions 1–" + spec.versions().size() + " from " + source.file());
        }
        return !absent.isEmpty() || superseded;
    }

    private static int edition(JsonNode document) {
        return document.path("edition").asInt(1);
    }

    /**
     * Replaces a rule set imported from a shipped file, and never changed since, by the file's later edition. The
     * replaced versions move, unchanged, to {@link SupersededVersionRecord} so that stored decisions still replay
     * against exactly what decided them. A rule set an administrator has drafted in or published to is left alone:
     * its owner publishes the corrections.
     */
    private boolean supersede(RuleSetRecord set, ShippedRuleSets.Source source, Instant now, long newRevision,
                              CompiledRuleCache cache) {
        JsonNode header = RuleSetJson.parse(set.headerJson);
        if (edition(source.document()) <= edition(header)) {
            return false;
        }
        List<RuleVersionRecord> rows = versions.ofRuleSet(set.id);
        if (rows.stream().anyMatch(r -> r.state != RuleVersionRecord.State.PUBLISHED || r.publishedBy == null
                || !r.publishedBy.startsWith("shipped:"))) {
            LOG.warnf("Rule set %s has versions made by an administrator: edition %d of %s is not imported; publish its"
                    + " corrections as new versions", set.id, edition(source.document()), source.file());
            return false;
        }
        RuleSetSpec spec = compile(source.file(), source.document(), cache).spec();
        for (RuleVersionRecord r : rows) {
            SupersededVersionRecord old = new SupersededVersionRecord();
            old.key = new SupersededVersionRecord.Key(set.id, now, r.number());
            old.contentHash = r.contentHash;
            old.headerJson = set.headerJson;
            old.document = r.document;
            old.status = r.status;
            old.effectiveFrom = r.effectiveFrom;
            old.publishedAt = r.publishedAt;
            old.publishedBy = r.publishedBy;
            this.superseded.persist(old);
            versions.delete(r);
        }
        em.flush();
        ObjectNode newHeader = source.document().deepCopy();
        ArrayNode documents = (ArrayNode) newHeader.remove("versions");
        set.headerJson = RuleSetJson.write(newHeader);
        set.revision = newRevision;
        Iterator<JsonNode> docs = documents.elements();
        for (VersionSpec v : spec.versions()) {
            persistShipped(spec.id(), v, docs.next(), source.file(), now);
        }
        events.record(spec.id(), spec.versions().size(), RuleSetEvent.Action.IMPORTED, now, "system",
                spec.versions().get(spec.versions().size() - 1).contentHash(),
                "Imported edition " + edition(source.document()) + " (versions 1–" + spec.versions().size() + ") from "
                        + source.file() + "; the " + rows.size() + " versions of edition " + edition(header)
                        + " are kept as superseded, for replay");
        LOG.infof("Rule set %s: edition %d imported from %s; %d earlier versions kept as superseded", set.id,
                edition(source.document()), source.file(), rows.size());
        return true;
    }

    private void persistShipped(String ruleSetId, VersionSpec v, JsonNode document, String file, Instant now) {
        RuleVersionRecord r = new RuleVersionRecord();
        r.key = new RuleVersionRecord.Key(ruleSetId, v.number());
        r.state = RuleVersionRecord.State.PUBLISHED;
        r.status = v.status().name();
        r.effectiveFrom = v.effectiveFrom().toInstant();
        r.document = RuleSetJson.write(document);
        r.etag = 1;
        r.contentHash = v.contentHash();
        r.publishedAt = v.publishedAt();
        r.publishedBy = "shipped:" + file;
        r.createdAt = now;
        r.createdBy = "system";
        versions.persist(r);
    }

    /**
     * The rule set, as it was, whose version with this content hash was superseded by a later edition; empty when no
     * superseded version has it. Stored decisions replay against it.
     */
    public java.util.Optional<RuleSetSpec> superseded(String ruleSetId, String contentHash) {
        List<SupersededVersionRecord> edition = QuarkusTransaction.requiringNew()
                .call(() -> this.superseded.editionHolding(ruleSetId, contentHash));
        if (edition.isEmpty()) {
            return java.util.Optional.empty();
        }
        ObjectNode doc = (ObjectNode) RuleSetJson.parse(edition.get(0).headerJson);
        ArrayNode documents = doc.putArray("versions");
        edition.forEach(v -> documents.add(RuleSetJson.parse(v.document)));
        return java.util.Optional.of(compile("superseded:" + ruleSetId, doc, null).spec());
    }

    /** Compiles a rule set once per document, with the compiled cache when one is given. */
    private Compiled compile(String file, JsonNode document, CompiledRuleCache cache) {
        Compiled hit = compiled.get(document);
        if (hit != null) {
            return hit;
        }
        RuleSetSpec spec = cache == null ? compiler.compile(file, document) : compiler.compile(file, document, cache);
        Compiled result = new Compiled(spec, cache != null && cache.fromCache(spec));
        if (compiled.size() > 64) {
            compiled.clear();
        }
        compiled.put(document.deepCopy(), result);
        return result;
    }

    /** The CPU time of the whole process so far (all threads, the JIT compiler's included); 0 where unknown. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    private static String causes(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null && s.length() < 300; t = t.getCause()) {
            s.append(s.length() == 0 ? "" : " ← ").append(t.getClass().getSimpleName());
        }
        return s.toString();
    }
}
