package com.tracklane.intake.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Period;

/** {@code tracklane.retention.*} in application.properties: how long personal data is kept after an application ends. */
@ConfigMapping(prefix = "tracklane.retention")
public interface RetentionConfig {

    /**
     * How long the applicant's identity is kept after the application's end (rejected, withdrawn, or its compliance
     * monitoring closed), as an ISO-8601 period such as {@code P1Y} or {@code P6M}.
     */
    @WithDefault("P1Y")
    Period personalData();

    /** The scheduled retention run; off in tests (runs there are requested with an explicit instant). */
    @WithDefault("true")
    boolean enabled();

    /** How often the retention run looks for applications to erase, e.g. {@code 1h}. */
    @WithDefault("1h")
    String every();

    /** How long after start-up the first run waits, e.g. {@code 1m}. */
    @WithDefault("1m")
    String delayed();

    /** At most this many applications are erased per run (one transaction); the next run takes the rest. */
    @WithDefault("500")
    int batchSize();
}
