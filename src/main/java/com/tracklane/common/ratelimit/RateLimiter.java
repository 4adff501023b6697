package com.tracklane.common.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * One Bucket4j token bucket per client address, kept in a Caffeine cache that is bounded in size
 * ({@code max-clients}) and forgets a client once its bucket would be full again anyway (no request for the time a full
 * refill takes), so that memory stays bounded whatever the number of addresses. {@link RateLimitFilter} charges one
 * token per request on the limited paths; the batch check charges one more per check beyond the first
 * ({@link #chargeBatch}).
 */
@ApplicationScoped
public class RateLimiter {

    private final RateLimitConfig config;
    private final List<String> paths;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(RateLimitConfig config) {
        if (config.capacity() < 1 || config.refillTokens() < 1 || config.refillPeriod().isZero() || config.refillPeriod().isNegative()) {
            throw new IllegalArgumentException("tracklane.rate-limit: capacity and refill-tokens must be at least 1, refill-period positive");
        }
        this.config = config;
        this.paths = config.paths().stream().map(String::trim).filter(p -> !p.isEmpty()).toList();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(config.maxClients())
                .expireAfterAccess(fullRefill())
                .build();
    }

    /** The time an empty bucket takes to be full again. */
    Duration fullRefill() {
        long nanos = config.refillPeriod().toNanos();
        return Duration.ofNanos(Math.max(1, (long) Math.ceil((double) nanos * config.capacity() / config.refillTokens())));
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Whether this path is limited: equal to a configured path, or below one (the root covers only itself). */
    public boolean covers(String path) {
        if (path == null) {
            return false;
        }
        for (String p : paths) {
            if (path.equals(p) || (!p.equals("/") && path.startsWith(p.endsWith("/") ? p : p + "/"))) {
                return true;
            }
        }
        return false;
    }

    /** The client a request counts against: its address (the forwarded one when a trusted proxy forwards it). */
    public static String clientOf(HttpServerRequest request) {
        SocketAddress address = request.remoteAddress();
        return address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
    }

    /**
     * Charges a batch of {@code checks} to the request's client when its path is limited: the filter took one token for
     * the request, this takes the rest. Throws {@link TooManyRequestsException} (nothing more taken) when the bucket does
     * not hold them, or when the batch is larger than a full bucket.
     */
    public void chargeBatch(HttpServerRequest request, int checks) {
        if (!config.enabled() || checks <= 1 || !covers(request.path())) {
            return;
        }
        Long wait = checks > config.capacity() ? Long.valueOf(fullRefillSeconds()) : tryTake(clientOf(request), checks - 1L);
        if (wait != null) {
            throw refusal(checks, wait);
        }
    }

    private long fullRefillSeconds() {
        return Math.max(1, (fullRefill().toNanos() + 999_999_999L) / 1_000_000_000L);
    }

    /** Takes the tokens; null when taken, else the seconds until the bucket holds them (at least 1). */
    Long tryTake(String client, long tokens) {
        Bucket bucket = buckets.get(client, k -> newBucket());
        if (tokens > config.capacity()) {
            return fullRefillSeconds();
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(tokens);
        if (probe.isConsumed()) {
            return null;
        }
        return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }

    /** The refusal for a request of {@code tokens} checks, retryable after {@code seconds}. */
    TooManyRequestsException refusal(long tokens, long seconds) {
        String limit = "at most " + config.capacity() + " at once and " + config.refillTokens() + " more every "
                + describe(config.refillPeriod());
        String detail = tokens > config.capacity()
                ? "A batch of " + tokens + " checks is more than one client may send at once (" + limit + "): split it."
                : "Too many requests from this client: " + limit + " (a batch counts as its number of checks). Retry in "
                        + seconds + (seconds == 1 ? " second." : " seconds.");
        return new TooManyRequestsException(detail, seconds);
    }

    /** Clients currently remembered (for tests and metrics). */
    public long clients() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(config.capacity()).refillGreedy(config.refillTokens(), config.refillPeriod()))
                .build();
    }

    static String describe(Duration d) {
        long s = d.toSeconds();
        if (s % 3600 == 0 && s > 0) {
            return s == 3600 ? "hour" : (s / 3600) + " hours";
        }
        if (s % 60 == 0 && s > 0) {
            return s == 60 ? "minute" : (s / 60) + " minutes";
        }
        return s == 1 ? "second" : s + " seconds";
    }
}
