package io.netform.nsxsim.server;

import io.netform.nsxsim.policy.ApiException;
import io.netform.nsxsim.policy.NsxError;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * NSX's per-user API limits: a request rate (token bucket refilled continuously, 429 with
 * error_code "102" above it) and a number of requests in flight (503 above it). Zero disables a limit.
 */
public final class RequestLimits {

    /** NSX's default rate: 100 requests per second per user. */
    public static final int DEFAULT_RATE = 100;
    /** NSX's default concurrency: 40 requests in flight per user. */
    public static final int DEFAULT_CONCURRENCY = 40;

    /** The user's bucket and in-flight counter. */
    private static final class UserBudget {
        private final Semaphore inFlight;
        private double tokens;
        private long refilledAt = System.nanoTime();

        UserBudget(int rate, int concurrency) {
            this.tokens = rate;
            this.inFlight = new Semaphore(Math.max(concurrency, 1));
        }

        synchronized boolean takeToken(int rate) {
            long now = System.nanoTime();
            tokens = Math.min(rate, tokens + (now - refilledAt) * rate / 1e9);
            refilledAt = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }

    private final int rate;
    private final int concurrency;
    private final Map<String, UserBudget> budgets = new ConcurrentHashMap<>();

    /** Limits of {@code rate} requests/s and {@code concurrency} requests in flight per user. */
    public RequestLimits(int rate, int concurrency) {
        this.rate = rate;
        this.concurrency = concurrency;
    }

    /** Admits one request of the user or throws the NSX error; close the permit when the request ends. */
    Permit admit(String user) {
        UserBudget budget = budgets.computeIfAbsent(user, u -> new UserBudget(rate, concurrency));
        if (rate > 0 && !budget.takeToken(rate)) {
            throw new ApiException(NsxError.rateLimited(user, rate));
        }
        if (concurrency > 0 && !budget.inFlight.tryAcquire()) {
            throw new ApiException(NsxError.tooManyConcurrent(user, concurrency));
        }
        return concurrency > 0 ? budget.inFlight::release : () -> {};
    }

    /** Marks the end of an admitted request. */
    @FunctionalInterface
    interface Permit {
        /** Releases the in-flight slot. */
        void close();
    }
}
