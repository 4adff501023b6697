package com.tracklane.ruleadmin.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tracklane.common.ConflictException;
import com.tracklane.common.InvalidInputException;
import com.tracklane.common.NotFoundException;
import com.tracklane.common.PreconditionException;
import com.tracklane.track.service.RuleLimits;
import com.tracklane.track.service.RuleSetCompiler;
import com.tracklane.track.model.RuleSetLoadException;
import com.tracklane.track.model.RuleSetProblem;
import com.tracklane.track.service.RuleSetJson;
import com.tracklane.track.service.RuleSetSync;
import com.tracklane.track.model.RuleSetSpec;
import com.tracklane.track.model.VersionSpec;
import com.tracklane.track.repository.RuleCatalogRevision;
import com.tracklane.track.repository.RuleSetEvent;
import com.tracklane.track.repository.RuleSetEventRepository;
import com.tracklane.track.repository.RuleSetRecord;
import com.tracklane.track.repository.RuleSetRepository;
import com.tracklane.track.repository.RuleVersionRecord;
import com.tracklane.track.repository.RuleVersionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule administration: drafts (one open draft per rule set, numbered after the last published version), validation,
 * publication and suspension, each recorded in the rule set's history. Every change first locks the catalogue's
 * revision row, so changes to rule sets are serialised across instances and a poll never sees half of one.
 */
@ApplicationScoped
public class RuleAdminService {

    private static final Pattern VERSION_PATH = Pattern.compile("^versions\\[(\\d+)\\]\\.?");

    private final EntityManager em;
    private final Clock clock;
    private final RuleSetSync sync;
    private final RuleSetRepository ruleSets;
    private final RuleVersionRepository versions;
    private final RuleSetEventRepository events;
    /** Refuses, in the version being drafted or published, what is over the cost and size limits. */
    private final RuleSetCompiler compiler;

    public RuleAdminService(EntityManager em, Clock clock, RuleSetSync sync, RuleLimits limits, RuleSetRepository ruleSets,
                            RuleVersionRepository versions, RuleSetEventRepository events) {
        this.ruleSets = ruleSets;
        this.versions = versions;
        this.events = events;
        this.em = em;
        this.clock = clock;
        this.sync = sync;
        this.compiler = new RuleSetCompiler(limits.limits());
    }

    public List<RuleVersionRecord> versions(String ruleSetId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ruleSet(ruleSetId);
            return versions.ofRuleSet(ruleSetId);
        });
    }

    public RuleVersionRecord version(String ruleSetId, int number) {
        return QuarkusTransaction.requiringNew().call(() -> find(ruleSetId, number));
    }

    public List<RuleSetEvent> history(String ruleSetId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ruleSet(ruleSetId);
            return events.history(ruleSetId);
        });
    }

    /** A new draft, validated; 409 when the rule set already has one. */
    public RuleVersionRecord createDraft(String ruleSetId, JsonNode body, String actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RuleCatalogRevision.lock(em);
            RuleSetRecord set = ruleSet(ruleSetId);
            List<RuleVersionRecord> all = versions.ofRuleSet(ruleSetId);
            all.stream().filter(v -> v.state == RuleVersionRecord.State.DRAFT).findFirst().ifPresent(d -> {
                throw new ConflictException("Rule set '" + ruleSetId + "' already has a draft, version " + d.number()
                        + ": change it (PUT), publish it or delete it first.");
            });
            List<RuleVersionRecord> published = published(all);
            ObjectNode version = versionDocument(ruleSetId, body);
            VersionSpec spec = validate(set, published, version);
            Instant now = now();
            RuleVersionRecord r = new RuleVersionRecord();
            r.key = new RuleVersionRecord.Key(ruleSetId, spec.number());
            r.state = RuleVersionRecord.State.DRAFT;
            r.createdAt = now;
            r.createdBy = actor;
            r.etag = 1;
            apply(r, version, spec);
            versions.persist(r);
            events.record(ruleSetId, r.number(), RuleSetEvent.Action.DRAFTED, now, actor, null, summary(spec));
            return r;
        });
    }

    public RuleVersionRecord updateDraft(String ruleSetId, int number, JsonNode body, long etag, String actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RuleCatalogRevision.lock(em);
            RuleSetRecord set = ruleSet(ruleSetId);
            RuleVersionRecord r = draft(ruleSetId, number, "changed");
            matches(r, etag);
            ObjectNode version = versionDocument(ruleSetId, body);
            VersionSpec spec = validate(set, published(versions.ofRuleSet(ruleSetId)), version);
            apply(r, version, spec);
            r.etag++;
            events.record(ruleSetId, number, RuleSetEvent.Action.DRAFT_UPDATED, now(), actor, null, summary(spec));
            return r;
        });
    }

    /** Deletes a draft; {@code etag} null means unconditional. */
    public void deleteDraft(String ruleSetId, int number, Long etag, String actor) {
        QuarkusTransaction.requiringNew().run(() -> {
            RuleCatalogRevision.lock(em);
            RuleVersionRecord r = draft(ruleSetId, number, "deleted");
            if (etag != null) {
                matches(r, etag);
            }
            versions.delete(r);
            events.record(ruleSetId, number, RuleSetEvent.Action.DRAFT_DELETED, now(), actor, null, null);
        });
    }

    /** Publishes a draft; this instance serves it when this returns, every other within the poll interval. */
    public RuleVersionRecord publish(String ruleSetId, int number, long etag, String actor) {
        RuleVersionRecord result = QuarkusTransaction.requiringNew().call(() -> {
            long revision = RuleCatalogRevision.lock(em);
            RuleSetRecord set = ruleSet(ruleSetId);
            RuleVersionRecord r = find(ruleSetId, number);
            if (r.state != RuleVersionRecord.State.DRAFT) {
                throw new ConflictException("Version " + number + " of '" + ruleSetId + "' is already published.");
            }
            matches(r, etag);
            return publishLocked(set, r, (ObjectNode) RuleSetJson.parse(r.document), revision, actor,
                    RuleSetEvent.Action.PUBLISHED, null);
        });
        sync.refresh();
        return result;
    }

    /** Creates and publishes, in one step, a SUSPENDED version effective {@code from} (the January 2021 case). */
    public RuleVersionRecord suspend(String ruleSetId, String from, String reason, JsonNode citation, String actor) {
        RuleVersionRecord result = QuarkusTransaction.requiringNew().call(() -> {
            long revision = RuleCatalogRevision.lock(em);
            RuleSetRecord set = ruleSet(ruleSetId);
            List<RuleVersionRecord> all = versions.ofRuleSet(ruleSetId);
            all.stream().filter(v -> v.state == RuleVersionRecord.State.DRAFT).findFirst().ifPresent(d -> {
                throw new ConflictException("Rule set '" + ruleSetId + "' has a draft, version " + d.number()
                        + ", which would take the suspension's number: publish or delete it first.");
            });
            ObjectNode version = JsonNodeFactory.instance.objectNode();
            version.put("effectiveFrom", from);
            version.put("status", "SUSPENDED");
            version.putObject("note").put("en", reason);
            version.set("citation", citation);
            VersionSpec spec = validate(set, published(all), version);
            RuleVersionRecord r = new RuleVersionRecord();
            r.key = new RuleVersionRecord.Key(ruleSetId, spec.number());
            r.createdAt = now();
            r.createdBy = actor;
            r.etag = 1;
            r.state = RuleVersionRecord.State.DRAFT;
            apply(r, version, spec);
            versions.persist(r);
            return publishLocked(set, r, version, revision, actor, RuleSetEvent.Action.SUSPENDED, reason);
        });
        sync.refresh();
        return result;
    }

    private RuleVersionRecord publishLocked(RuleSetRecord set, RuleVersionRecord r, ObjectNode version, long revision,
                                            String actor, RuleSetEvent.Action action, String detail) {
        // Stamped after the lock, one millisecond ahead: a poll that read the catalogue before this publication has
        // an asOf strictly before the stamp, and one that reads it after (it waits for the lock) has one at or after.
        Instant stamp = clock.instant().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
        version.put("publishedAt", stamp.toString());
        VersionSpec spec = validate(set, published(versions.ofRuleSet(set.id)), version);
        r.document = RuleSetJson.write(version);
        r.state = RuleVersionRecord.State.PUBLISHED;
        r.publishedAt = stamp;
        r.publishedBy = actor;
        r.contentHash = spec.contentHash();
        r.etag++;
        long next = RuleCatalogRevision.bump(em, revision);
        set.revision = next;
        events.record(set.id, r.number(), action, stamp, actor, spec.contentHash(),
                detail == null ? summary(spec) : detail);
        em.flush();
        long deadline = System.nanoTime() + 5_000_000;
        while (clock.instant().isBefore(stamp) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return r;
    }

    /**
     * Compiles the published versions plus {@code version} as the next one; any problem → 422 with every problem,
     * paths relative to the version document.
     */
    VersionSpec validate(RuleSetRecord set, List<RuleVersionRecord> published, ObjectNode version) {
        return compileWith(set, published, version).versions().get(published.size());
    }

    RuleSetSpec compileWith(RuleSetRecord set, List<RuleVersionRecord> published, ObjectNode version) {
        int index = published.size();
        try {
            return compiler.compile("version", RuleSetJson.document(set, published, version), index);
        } catch (RuleSetLoadException e) {
            List<RuleSetProblem> problems = new ArrayList<>();
            for (RuleSetProblem p : e.problems()) {
                Matcher m = VERSION_PATH.matcher(p.path());
                String path = p.path();
                if (m.find() && Integer.parseInt(m.group(1)) == index) {
                    path = path.substring(m.end());
                    path = path.isEmpty() ? "(version)" : path;
                }
                problems.add(new RuleSetProblem("version", path, p.ruleId(), p.line(), p.column(), p.message()));
            }
            throw new RuleSetInvalidException("The version has " + problems.size() + " problem(s); nothing was stored.", problems);
        }
    }

    /** The body as a version document: one entry of a rule-set file's {@code versions}, or a file holding just one. */
    static ObjectNode versionDocument(String ruleSetId, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("(body)", "expected a version document (YAML or JSON object), as one entry of a rule-set file's versions");
        }
        ObjectNode version = (ObjectNode) body.deepCopy();
        if (version.has("versions")) {
            if (version.hasNonNull("id") && !ruleSetId.equals(version.get("id").asText())) {
                throw InvalidInputException.of("id", "is '" + version.get("id").asText() + "' but the URL names '" + ruleSetId + "'");
            }
            JsonNode versions = version.get("versions");
            if (!versions.isArray() || versions.size() != 1 || !versions.get(0).isObject()) {
                throw InvalidInputException.of("versions", "a rule-set file sent as a draft must hold exactly one version");
            }
            version = (ObjectNode) versions.get(0);
        }
        if (version.has("publishedAt")) {
            throw new RuleSetInvalidException("The version has 1 problem(s); nothing was stored.", List.of(
                    new RuleSetProblem("version", "publishedAt", null, 0, 0, "is set when the version is published; leave it out")));
        }
        return version;
    }

    private static void apply(RuleVersionRecord r, ObjectNode version, VersionSpec spec) {
        r.document = RuleSetJson.write(version);
        r.status = spec.status().name();
        r.effectiveFrom = spec.effectiveFrom().toInstant();
    }

    private static String summary(VersionSpec spec) {
        return spec.status() + " from " + spec.effectiveFrom() + ", " + spec.rules().size() + " rules";
    }

    private static List<RuleVersionRecord> published(List<RuleVersionRecord> all) {
        return all.stream().filter(v -> v.state == RuleVersionRecord.State.PUBLISHED).toList();
    }

    private RuleSetRecord ruleSet(String id) {
        RuleSetRecord set = ruleSets.findById(id);
        if (set == null) {
            throw new NotFoundException("No rule set with id '" + id + "'.");
        }
        return set;
    }

    private RuleVersionRecord find(String ruleSetId, int number) {
        ruleSet(ruleSetId);
        RuleVersionRecord r = versions.find(ruleSetId, number);
        if (r == null) {
            throw new NotFoundException("Rule set '" + ruleSetId + "' has no version " + number + ".");
        }
        return r;
    }

    private RuleVersionRecord draft(String ruleSetId, int number, String verb) {
        RuleVersionRecord r = find(ruleSetId, number);
        if (r.state != RuleVersionRecord.State.DRAFT) {
            throw new ConflictException("Version " + number + " of '" + ruleSetId + "' is published and cannot be " + verb + ".");
        }
        return r;
    }

    private static void matches(RuleVersionRecord r, long etag) {
        if (r.etag != etag) {
            throw PreconditionException.failed("If-Match \"" + etag + "\" does not match the version's ETag \"" + r.etag
                    + "\": it changed since you read it.");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
