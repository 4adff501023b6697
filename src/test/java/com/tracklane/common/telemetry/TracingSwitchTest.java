package com.tracklane.common.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tracing is on exactly when an OTLP endpoint is configured, unless {@code quarkus.otel.sdk.disabled} is set. */
class TracingSwitchTest {

    /** A configuration with the extension's default (sdk.disabled=false) and the given application/environment values. */
    static SmallRyeConfig config(Map<String, String> application, Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withDefaultValue(TracingSwitch.SDK_DISABLED, "false")
                .withSources(new PropertiesConfigSource(application, "application.properties", 250))
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .withInterceptors(new TracingSwitch())
                .build();
    }

    static boolean disabled(SmallRyeConfig config) {
        return config.getValue(TracingSwitch.SDK_DISABLED, Boolean.class);
    }

    @Test
    void shouldDisableTracingWhenNoEndpointIsConfigured() {
        assertThat(disabled(config(Map.of(), Map.of()))).isTrue();
        assertThat(disabled(config(Map.of("quarkus.otel.exporter.otlp.endpoint", " "), Map.of()))).isTrue();
    }

    @Test
    void shouldEnableTracingWhenAnEndpointIsConfigured() {
        assertThat(disabled(config(Map.of(), Map.of("quarkus.otel.exporter.otlp.endpoint", "http://collector:4317")))).isFalse();
        assertThat(disabled(config(Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://collector:4317"), Map.of()))).isFalse();
    }

    @Test
    void shouldLetAnExplicitSettingWinWhenSdkDisabledIsSet() {
        assertThat(disabled(config(Map.of(), Map.of("quarkus.otel.exporter.otlp.endpoint", "http://collector:4317",
                TracingSwitch.SDK_DISABLED, "true")))).isTrue();
        assertThat(disabled(config(Map.of(TracingSwitch.SDK_DISABLED, "false"), Map.of()))).isFalse();
    }
}
