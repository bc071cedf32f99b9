package io.netform.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The caller's request to stop an operation (Ctrl-C, say): the engine starts no new work once it is
 * cancelled, asks providers to stop theirs, and still records what was done.
 */
public final class Cancellation {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    /** Cancels; every listener runs once, on the caller's thread. */
    public void cancel() {
        cancelled = true;
        listeners.forEach(Runnable::run);
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code listener} on cancellation, or now if that already happened. */
    public void onCancel(Runnable listener) {
        listeners.add(listener);
        if (cancelled) {
            listener.run();
        }
    }
}
