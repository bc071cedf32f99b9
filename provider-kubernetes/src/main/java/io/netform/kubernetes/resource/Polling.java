package io.netform.kubernetes.resource;

import io.netform.provider.DiagnosticException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits on the API server's view of an object by asking again at an interval, up to a timeout. */
record Polling(Duration interval) {

    /** Whether {@code done} became true within {@code timeout}; asks at least once. */
    boolean until(Duration timeout, BooleanSupplier done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (done.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(interval.toMillis(), (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DiagnosticException("Interrupted", "The wait was interrupted (Netform is stopping).");
            }
        }
    }
}
