package io.netform.nsxt.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Backoff delays stay within the configured bounds and grow with the attempt. */
class RetryPolicyTest {

    @Test
    void delaysStayBetweenTheMinimumAndTheMaximum() {
        RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(300), Set.of(429));
        for (int attempt = 1; attempt <= 10; attempt++) {
            for (int i = 0; i < 200; i++) {
                assertThat(policy.delayBefore(attempt)).isBetween(Duration.ofMillis(10), Duration.ofMillis(300));
            }
        }
    }

    @Test
    void theCapDoublesEachAttempt() {
        RetryPolicy policy = new RetryPolicy(8, Duration.ZERO, Duration.ofSeconds(10), Set.of(429));
        long firstMax = 0;
        long fifthMax = 0;
        for (int i = 0; i < 500; i++) {
            firstMax = Math.max(firstMax, policy.delayBefore(1).toMillis());
            fifthMax = Math.max(fifthMax, policy.delayBefore(5).toMillis());
        }
        assertThat(firstMax).isLessThanOrEqualTo(50);
        assertThat(fifthMax).isGreaterThan(50).isLessThanOrEqualTo(800);
    }

    @Test
    void aMinimumAboveTheMaximumIsAFixedDelay() {
        RetryPolicy policy = new RetryPolicy(1, Duration.ofMillis(700), Duration.ofMillis(500), Set.of());
        assertThat(policy.delayBefore(3)).isEqualTo(Duration.ofMillis(700));
    }

    @Test
    void theDefaultsAreTerraformProviderNsxts() {
        RetryPolicy defaults = RetryPolicy.defaults();
        assertThat(defaults.maxRetries()).isEqualTo(4);
        assertThat(defaults.statuses()).containsExactlyInAnyOrder(400, 409, 429, 500, 503, 504);
        assertThat(defaults.retries(404)).isFalse();
    }
}
