package com.tracklane.track.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Where the rule sets come from. */
@ConfigMapping(prefix = "tracklane.rule-sets")
public interface RuleSetConfig {

    /** Classpath resources shipped in the jar. */
    @WithDefault("rulesets/resident-kh-jp.yaml,rulesets/business-kh-jp.yaml,rulesets/resident-jp-kh.yaml,rulesets/business-jp-kh.yaml")
    List<String> resources();

    /** An optional folder whose {@code *.yaml} files are loaded too; a file with a shipped id replaces it. */
    Optional<String> directory();

    /**
     * Whether the start uses what the build prepared for the shipped files ({@link ShippedIndex}: their parsed trees and
     * compiled expressions, each checked before use); false parses and compiles them as without it (to measure that).
     */
    @WithDefault("true")
    boolean prepared();

    /** How often every instance polls the database for newly published versions (a Quarkus duration, e.g. 1s). */
    @WithDefault("1s")
    String refreshEvery();
}
