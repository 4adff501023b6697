package com.tracklane.support;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The span exporter of the test build: spans stay in memory for {@code TracingTest} to read (a SpanExporter bean
 * replaces the OTLP exporter). Tracing is off in the test profile (no OTLP endpoint), so other tests record nothing.
 */
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
