package io.netform.cli;

import io.netform.apply.ApplyHooks;
import io.netform.plan.ResourceChange;
import io.netform.value.Value;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Follows the operations of an apply and tells an {@link ApplyView} when each starts, completes or
 * fails, and, every ten seconds as Terraform does, which are still running.
 */
final class ApplyProgress implements ApplyHooks, AutoCloseable {

    private final ApplyView view;
    private final Map<String, Running> inFlight = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "netform-progress");
        t.setDaemon(true);
        return t;
    });

    /** An operation in progress and when it started. */
    private record Running(ResourceChange change, long startNanos) {}

    ApplyProgress(ApplyView view) {
        this.view = view;
        ticker.scheduleAtFixedRate(this::tick, 10, 10, TimeUnit.SECONDS);
    }

    @Override
    public void started(ResourceChange change) {
        inFlight.put(change.displayAddress(), new Running(change, System.nanoTime()));
        view.started(change);
    }

    @Override
    public void completed(ResourceChange change, Value newState, Duration elapsed) {
        inFlight.remove(change.displayAddress());
        view.completed(change, newState, elapsed);
    }

    @Override
    public void failed(ResourceChange change, Duration elapsed) {
        inFlight.remove(change.displayAddress());
        view.failed(change, elapsed);
    }

    private void tick() {
        long now = System.nanoTime();
        inFlight.values().forEach(r -> view.stillRunning(r.change(), Duration.ofNanos(now - r.startNanos())));
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
