package com.tracklane.common.ratelimit;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/**
 * {@code tracklane.rate-limit.*}: the per-client token bucket on the public endpoints (see docs/operations.md). A client
 * is its address as the service sees it: the peer's, or the one a trusted proxy forwards when
 * {@code quarkus.http.proxy.*} says so.
 */
@ConfigMapping(prefix = "tracklane.rate-limit")
public interface RateLimitConfig {

    /** Off in the test profile (the tests of the limiter turn it on); on everywhere else. */
    @WithDefault("true")
    boolean enabled();

    /** The most requests (a batch counts its checks) one client may send at once, from a full bucket. */
    @WithDefault("2000")
    long capacity();

    /** Tokens given back every {@link #refillPeriod()}, gradually: the sustained rate. */
    @WithDefault("1000")
    long refillTokens();

    @WithDefault("1m")
    @WithConverter(DurationConverter.class)
    Duration refillPeriod();

    /**
     * The limited paths: each entry covers the path itself and every path below it ({@code /tracks} covers
     * {@code /tracks/resident-kh-jp}); the root {@code /} covers only itself.
     */
    @WithDefault("/api/v1/eligibility,/api/v1/tracks,/api/v1/facts,/,/tracks")
    List<String> paths();

    /** At most this many clients are remembered (least recently seen are forgotten first): bounded memory. */
    @WithDefault("100000")
    long maxClients();
}
