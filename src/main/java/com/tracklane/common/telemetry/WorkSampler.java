package com.tracklane.common.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Where traces start: at a request (a server span) or at one of Tracklane's own units of work (a {@code @WithSpan}
 * method of {@code com.tracklane}, such as a scheduled sweep); inside them, everything is traced (parent-based).
 * The statements and connections of background work outside both — the rule-set poll, every second on every instance —
 * start no trace of their own.
 */
@ApplicationScoped
public class WorkSampler {

    static final AttributeKey<String> CODE_FUNCTION = AttributeKey.stringKey("code.function.name");

    @Produces
    @Singleton
    Sampler sampler() {
        return Sampler.parentBased(new RootSampler());
    }

    /** The decision for a span without a parent. */
    static final class RootSampler implements Sampler {

        @Override
        public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
                                           Attributes attributes, List<LinkData> parentLinks) {
            String function = attributes.get(CODE_FUNCTION);
            boolean starts = spanKind == SpanKind.SERVER || spanKind == SpanKind.CONSUMER
                    || (function != null && function.startsWith("com.tracklane."));
            return starts ? SamplingResult.recordAndSample() : SamplingResult.drop();
        }

        @Override
        public String getDescription() {
            return "TracklaneWork";
        }
    }
}
