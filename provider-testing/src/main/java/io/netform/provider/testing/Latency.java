package io.netform.provider.testing;

import io.netform.provider.DiagnosticException;
import java.time.Duration;

/** The provider's {@code latency_ms}: how long every call waits, to imitate a slow API. */
final class Latency {

    private volatile Duration duration = Duration.ZERO;

    void set(Duration duration) {
        this.duration = duration;
    }

    /** True when calls do not wait: then validating and planning never block. */
    boolean isNone() {
        return duration.isZero();
    }

    /** Waits out the latency; StopProvider cuts it short with an error. */
    void pause() {
        Duration wait = duration;
        if (wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiagnosticException("Stopped", "The call was cancelled because Netform is stopping.");
        }
    }
}
