package io.netform.nsxt.api;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before sending a failed call again: on the configured HTTP statuses
 * and on connection failures, at most {@code maxRetries} times, with exponential backoff and full
 * jitter between {@code minDelay} and {@code maxDelay}.
 */
public record RetryPolicy(int maxRetries, Duration minDelay, Duration maxDelay, Set<Integer> statuses) {

    /** terraform-provider-nsxt's defaults: 4 retries, 0–500 ms, and these statuses. */
    public static final List<Integer> DEFAULT_STATUSES = List.of(400, 409, 429, 500, 503, 504);

    /** The smallest backoff step, so that a zero minimum still backs off. */
    private static final Duration STEP = Duration.ofMillis(50);

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("max_retries cannot be negative: " + maxRetries);
        }
        if (minDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("retry delays cannot be negative");
        }
        statuses = Set.copyOf(statuses);
    }

    /** terraform-provider-nsxt's defaults. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ZERO, Duration.ofMillis(500), Set.copyOf(DEFAULT_STATUSES));
    }

    /** Whether an answer with this status is worth sending again. */
    public boolean retries(int status) {
        return statuses.contains(status);
    }

    /**
     * How long to wait before retry number {@code attempt} (1 for the first retry): a random time
     * between the minimum and a cap that doubles each attempt, never above the maximum.
     */
    public Duration delayBefore(int attempt) {
        long min = minDelay.toMillis();
        long max = Math.max(min, maxDelay.toMillis());
        long step = Math.max(min, STEP.toMillis());
        long cap = Math.min(max, step << Math.min(attempt - 1, 20));
        long millis = cap <= min ? min : ThreadLocalRandom.current().nextLong(min, cap + 1);
        return Duration.ofMillis(millis);
    }
}
