package com.tracklane.common.ratelimit;

/** A client is over its rate limit: answered 429 with {@code Retry-After} (see {@link RateLimitProblems}). */
public class TooManyRequestsException extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
