package io.netform.walk;

import io.netform.graph.Walker;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A request to stop a running plan or apply (Ctrl-C): the walks in progress start no new work,
 * the running providers are asked to stop theirs, and what finished is kept.
 */
public final class StopSignal {

    private final Set<Walker<?>> walkers = ConcurrentHashMap.newKeySet();
    private volatile Runnable stopProviders = () -> {};
    private volatile boolean stopped;

    /** Stops the walks and providers; safe to call from any thread, more than once. */
    public void stop() {
        stopped = true;
        walkers.forEach(Walker::cancel);
        stopProviders.run();
    }

    /** Registers a walk to cancel on stop; cancels it at once if a stop came first. */
    public void watch(Walker<?> walker) {
        walkers.add(walker);
        if (stopped) {
            walker.cancel();
        }
    }

    /** The walk has ended. */
    public void forget(Walker<?> walker) {
        walkers.remove(walker);
    }

    /** What asks the running providers to stop (StopProvider). */
    void onStopProviders(Runnable action) {
        stopProviders = action;
    }
}
