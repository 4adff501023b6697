package com.tracklane.track.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A rule set: one track on one route, with its versions in effective order (numbered from 1).
 *
 * @param edition 1: texts rendered as they always were (stored decisions replay identically); 2: texts for people
 *                (see {@link Wording})
 */
public record RuleSetSpec(
        String id,
        Track track,
        String origin,
        String destination,
        Localized<String> title,
        List<VersionSpec> versions,
        int edition) {

    public RuleSetSpec(String id, Track track, String origin, String destination, Localized<String> title, List<VersionSpec> versions) {
        this(id, track, origin, destination, title, versions, 1);
    }

    /** Texts are rendered for people (edition 2 and later). */
    public boolean forPeople() {
        return edition >= 2;
    }

    /** The versions published by {@code knownAt} (all versions when it is null). */
    public List<VersionSpec> knownAt(Instant knownAt) {
        if (knownAt == null) {
            return versions;
        }
        return versions.stream().filter(v -> !v.publishedAt().isAfter(knownAt)).toList();
    }

    /**
     * The version in force at {@code at}, among those known at {@code knownAt}: the latest effective at or before
     * {@code at}; an instant before the first known version is answered by the first known version.
     */
    public Optional<VersionSpec> versionAt(Instant at, Instant knownAt) {
        // Loops rather than knownAt(...): this runs for every rule set of every check.
        VersionSpec first = null;
        VersionSpec found = null;
        for (VersionSpec v : versions) {
            if (!known(v, knownAt)) {
                continue;
            }
            if (first == null) {
                first = v;
            }
            if (!v.effectiveFrom().toInstant().isAfter(at)) {
                found = v;
            }
        }
        return Optional.ofNullable(found != null ? found : first);
    }

    /** The next known version after {@code current}, if any. */
    public Optional<VersionSpec> nextAfter(VersionSpec current, Instant knownAt) {
        for (VersionSpec v : versions) {
            if (known(v, knownAt) && v.number() > current.number()) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    private static boolean known(VersionSpec v, Instant knownAt) {
        return knownAt == null || !v.publishedAt().isAfter(knownAt);
    }
}
