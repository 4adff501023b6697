package com.tracklane.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The rule-set version an answer was decided by, as application and compliance views show it: id and version, and the
 * version's content hash where the view has one (decision snapshots; a compliance report leaves it out). The engine's
 * decision carries its own, fuller reference ({@code eligibility.engine.Decision.RuleSetRef}, with the version's
 * status), since the engine stays free of JSON annotations.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleSetRef(String id, int version, String contentHash) {

    /** Without a content hash: {@code {"id", "version"}}. */
    public static RuleSetRef of(String id, int version) {
        return new RuleSetRef(id, version, null);
    }
}
