package com.tracklane.track.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule-set file as written (YAML or JSON), before inheritance and compilation; the format is defined by
 * {@code openapi/ruleset.schema.json}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleSetDocument(
        String id,
        String track,
        String origin,
        String destination,
        Map<String, String> title,
        Integer edition,
        List<VersionDocument> versions) {

    /**
     * One version. {@code rules} and {@code obligations} left out are taken from the previous version;
     * {@code parameters} are merged over the previous version's.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VersionDocument(
            Integer version,
            String effectiveFrom,
            String publishedAt,
            String status,
            Map<String, String> note,
            CitationDocument citation,
            LinkedHashMap<String, ParameterDocument> parameters,
            List<RuleDocument> rules,
            List<ObligationDocument> obligations,
            GraceDocument trackOpenGrace) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GraceDocument(String until, String pendingWhen, String condition, MessagesDocument messages,
                                CitationDocument citation) {
    }

    public record ParameterDocument(String type, Object value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RuleDocument(
            String id,
            String severity,
            Map<String, String> title,
            String applicableWhen,
            String pendingWhen,
            String condition,
            MessagesDocument messages,
            CitationDocument citation) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MessagesDocument(
            Map<String, String> pass,
            Map<String, String> fail,
            Map<String, String> pending,
            Map<String, String> notApplicable) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ObligationDocument(
            String code,
            Integer fromDay,
            Integer untilDay,
            String when,
            Boolean warnWhenCutShort,
            Map<String, String> detail,
            CitationDocument citation) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CitationDocument(String title, String date, String url, String paragraph) {
    }
}
