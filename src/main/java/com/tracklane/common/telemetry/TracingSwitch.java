package com.tracklane.common.telemetry;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * Tracing is off unless an OTLP endpoint is configured: {@code quarkus.otel.sdk.disabled}, when no configuration sets
 * it, is {@code true} without {@code quarkus.otel.exporter.otlp.endpoint} (or {@code .traces.endpoint}) and
 * {@code false} with one. A value set in application.properties, a profile, the environment or a system property wins
 * (values from the built-in defaults, ordinal below 100, do not count as set). Registered in
 * {@code META-INF/services/io.smallrye.config.ConfigSourceInterceptor}.
 */
public class TracingSwitch implements ConfigSourceInterceptor {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final String[] ENDPOINTS = {"quarkus.otel.exporter.otlp.traces.endpoint", "quarkus.otel.exporter.otlp.endpoint"};
    /** microprofile-config.properties has 100, application.properties 250; the defaults are far below. */
    static final int LOWEST_SET_ORDINAL = 100;

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!SDK_DISABLED.equals(name) || isSet(value)) {
            return value;
        }
        boolean endpoint = false;
        for (String key : ENDPOINTS) {
            endpoint |= isSet(context.proceed(key));
        }
        return ConfigValue.builder().withName(name).withValue(String.valueOf(!endpoint))
                .withConfigSourceName(TracingSwitch.class.getSimpleName()).withConfigSourceOrdinal(LOWEST_SET_ORDINAL - 1)
                .build();
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank()
                && value.getConfigSourceOrdinal() >= LOWEST_SET_ORDINAL;
    }
}
