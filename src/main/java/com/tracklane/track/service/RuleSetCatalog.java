package com.tracklane.track.service;

import com.tracklane.track.model.RuleSetSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rule sets in memory: the eligibility path reads only from here, never from a database. {@link RuleSetSync}
 * fills it at start-up and replaces it, whole, whenever a version is published (on any instance): a check sees
 * either the rule sets before a publication or after it, never half of one.
 */
@ApplicationScoped
public class RuleSetCatalog {

    /**
     * What this instance knows.
     *
     * @param revisions the catalogue revision each rule set was loaded at
     * @param revision  the catalogue revision of the whole snapshot (-1 when not read from the database)
     * @param asOf      every version published at or before this instant is in the snapshot; checks use it as their
     *                  default (and latest) {@code knownAt}, so that any answer can be replayed exactly
     * @param synced    false while the database could not be read (the shipped files are served meanwhile)
     */
    public record Snapshot(Map<String, RuleSetSpec> ruleSets, Map<String, Long> revisions, long revision, Instant asOf,
                           boolean synced) {

        public Snapshot withAsOf(Instant instant) {
            return new Snapshot(ruleSets, revisions, revision, instant, synced);
        }

        /** The rule sets of a route, RESIDENT before BUSINESS. */
        public List<RuleSetSpec> forRoute(String origin, String destination) {
            return ruleSets.values().stream()
                    .filter(r -> r.origin().equals(origin) && r.destination().equals(destination))
                    .sorted(Comparator.comparing(RuleSetSpec::track))
                    .toList();
        }

        /** The same snapshot with one rule set replaced (a dry run's "what if"). */
        public Snapshot with(RuleSetSpec replacement) {
            Map<String, RuleSetSpec> copy = new java.util.HashMap<>(ruleSets);
            copy.put(replacement.id(), replacement);
            return new Snapshot(Map.copyOf(copy), revisions, revision, asOf, synced);
        }
    }

    private final AtomicReference<Snapshot> current =
            new AtomicReference<>(new Snapshot(Map.of(), Map.of(), -1, Instant.EPOCH, false));

    public Snapshot snapshot() {
        return current.get();
    }

    /** Replaces everything at once. */
    public void install(Snapshot snapshot) {
        current.set(snapshot);
    }

    public List<RuleSetSpec> all() {
        return current.get().ruleSets().values().stream().sorted(Comparator.comparing(RuleSetSpec::id)).toList();
    }

    public Optional<RuleSetSpec> find(String id) {
        return Optional.ofNullable(current.get().ruleSets().get(id));
    }

    /** The rule sets of a route, RESIDENT before BUSINESS. */
    public List<RuleSetSpec> forRoute(String origin, String destination) {
        return current.get().forRoute(origin, destination);
    }

    /** The latest knowledge time this instance can answer for exactly (see {@link Snapshot#asOf()}). */
    public Instant asOf() {
        return current.get().asOf();
    }
}
