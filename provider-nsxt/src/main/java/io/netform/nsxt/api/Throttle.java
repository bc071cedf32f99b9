package io.netform.nsxt.api;

import java.util.concurrent.Semaphore;

/**
 * Keeps one client inside NSX Manager's per-client limits, so that a parallel apply is never
 * answered 429 or 503 by its own doing: at most {@code perSecond} requests started per second
 * (evenly spaced) and at most {@code concurrent} in flight.
 */
public final class Throttle {

    /** NSX's defaults: 100 requests per second and 40 outstanding requests per client. */
    public static final Throttle NSX_DEFAULTS = new Throttle(100, 40);
    /** No limits, for the embedded simulator. */
    public static final Throttle NONE = new Throttle(0, 0);

    private final long spacingNanos;
    private final Semaphore inFlight;
    private long nextStart;

    /** A limit of 0 disables that limit. */
    public Throttle(int perSecond, int concurrent) {
        this.spacingNanos = perSecond <= 0 ? 0 : 1_000_000_000L / perSecond;
        this.inFlight = concurrent <= 0 ? null : new Semaphore(concurrent, true);
        this.nextStart = System.nanoTime();
    }

    /** Waits until a request may start; pair each call with {@link #release()}. */
    public void acquire() throws InterruptedException {
        if (inFlight != null) {
            inFlight.acquire();
        }
        if (spacingNanos == 0) {
            return;
        }
        long start;
        synchronized (this) {
            long now = System.nanoTime();
            start = Math.max(now, nextStart);
            nextStart = start + spacingNanos;
        }
        long wait = start - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                release();
                throw e;
            }
        }
    }

    /** The request has finished. */
    public void release() {
        if (inFlight != null) {
            inFlight.release();
        }
    }
}
