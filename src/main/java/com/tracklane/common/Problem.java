package com.tracklane.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code errors} lists field-level validation errors. {@code traceId} (an extension
 * member) is the OpenTelemetry trace id of the request that got it, so that an operator finds its spans and log lines;
 * absent when tracing is off. It is filled here, in {@link #of}, for every problem the service answers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
                      String traceId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://tracklane.dev/problems/";

    public static Problem of(String typeSlug, String title, int status, String detail) {
        return new Problem(TYPE_BASE + typeSlug, title, status, detail, null, null, currentTraceId());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors, traceId);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors, traceId);
    }

    /** The trace id of the span current on this thread (the request's), or null when there is none (tracing off). */
    static String currentTraceId() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }
}
