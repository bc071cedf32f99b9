package io.netform.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A step a user waits on, such as taking or releasing the state lock, that says so once it has taken longer
 * than a moment, as Terraform's "This may take a few moments..." lines do, and says nothing when it is quick.
 */
final class SlowStep {

    /** How long a step may take before it is announced: Terraform's threshold. */
    static final Duration THRESHOLD = Duration.ofMillis(400);

    private SlowStep() {}

    /**
     * Runs {@code step} and returns its result; calls {@code announce} once, on another thread, if the step is
     * still running after {@code after}. A step that ends first is never announced, and the announcement, once
     * begun, ends before this returns.
     */
    static <T> T run(Duration after, Runnable announce, Supplier<T> step) {
        Object gate = new Object();
        boolean[] done = {false};
        CompletableFuture.delayedExecutor(after.toNanos(), TimeUnit.NANOSECONDS).execute(() -> {
            synchronized (gate) {
                if (!done[0]) {
                    announce.run();
                }
            }
        });
        try {
            return step.get();
        } finally {
            synchronized (gate) {
                done[0] = true;
            }
        }
    }
}
