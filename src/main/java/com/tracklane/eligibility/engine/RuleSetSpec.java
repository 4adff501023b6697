package com.tracklane.eligibility.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A rule set: one track on one route, with its versions in effective order (numbered from 1). */
public record RuleSetSpec(
        String id,
        Track track,
        String origin,
        String destination,
        Localized<String> title,
        List<VersionSpec> versions) {

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
        List<VersionSpec> known = knownAt(knownAt);
        VersionSpec found = null;
        for (VersionSpec v : known) {
            if (!v.effectiveFrom().toInstant().isAfter(at)) {
                found = v;
            }
        }
        if (found == null && !known.isEmpty()) {
            found = known.get(0);
        }
        return Optional.ofNullable(found);
    }

    /** The next known version after {@code current}, if any. */
    public Optional<VersionSpec> nextAfter(VersionSpec current, Instant knownAt) {
        return knownAt(knownAt).stream().filter(v -> v.number() > current.number()).findFirst();
    }
}
