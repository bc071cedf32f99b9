package io.netform.cli;

import io.netform.apply.ApplyHooks;
import io.netform.plan.Action;
import io.netform.plan.ResourceChange;
import io.netform.value.Type;
import io.netform.value.Value;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints what an apply is doing, as Terraform does: {@code addr: Creating...}, a
 * {@code Still creating... [10s elapsed]} line every ten seconds, and {@code Creation complete after 2s [id=…]}.
 */
final class ApplyProgress implements ApplyHooks, AutoCloseable {

    private final Ui ui;
    private final Map<String, Long> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Action> actions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "netform-progress");
        t.setDaemon(true);
        return t;
    });

    ApplyProgress(Ui ui) {
        this.ui = ui;
        ticker.scheduleAtFixedRate(this::tick, 10, 10, TimeUnit.SECONDS);
    }

    private static String[] words(Action action) {
        return switch (action) {
            case CREATE -> new String[] {"Creating...", "Still creating...", "Creation complete"};
            case UPDATE -> new String[] {"Modifying...", "Still modifying...", "Modifications complete"};
            case DELETE -> new String[] {"Destroying...", "Still destroying...", "Destruction complete"};
            case READ -> new String[] {"Reading...", "Still reading...", "Read complete"};
            default -> new String[] {"Creating...", "Still creating...", "Creation complete"};
        };
    }

    @Override
    public void started(ResourceChange change) {
        String address = change.displayAddress();
        inFlight.put(address, System.nanoTime());
        actions.put(address, change.action());
        String id = idOf(change.before());
        ui.out().println(ui.bold(address + ": " + words(change.action())[0])
                + (change.action() == Action.CREATE || id == null ? "" : " [id=" + id + "]"));
    }

    @Override
    public void completed(ResourceChange change, Value newState, Duration elapsed) {
        String address = change.displayAddress();
        inFlight.remove(address);
        String id = idOf(change.action() == Action.DELETE ? Value.nullOf(Type.DYNAMIC) : newState);
        ui.out().println(ui.bold(address + ": " + words(change.action())[2] + " after " + seconds(elapsed))
                + (id == null ? "" : " [id=" + id + "]"));
    }

    @Override
    public void failed(ResourceChange change, Duration elapsed) {
        inFlight.remove(change.displayAddress());
    }

    private void tick() {
        long now = System.nanoTime();
        inFlight.forEach((address, start) -> ui.out().println(ui.bold(address + ": "
                + words(actions.get(address))[1] + " [" + seconds(Duration.ofNanos(now - start)) + " elapsed]")));
    }

    private static String seconds(Duration d) {
        long s = d.toSeconds();
        return s < 60 ? s + "s" : (s / 60) + "m" + (s % 60) + "s";
    }

    private static String idOf(Value v) {
        if (v == null || !v.isKnown() || v.isNull() || !(v.type() instanceof Type.ObjectType o) || !o.hasAttribute("id")) {
            return null;
        }
        Value id = v.getAttr("id");
        return id.isKnown() && !id.isNull() && !id.isSensitive() && id.type() == Type.STRING ? id.asString() : null;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
