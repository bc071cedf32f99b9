package io.netform.cli;

import io.netform.plan.Action;
import io.netform.plan.ResourceChange;
import io.netform.value.Type;
import io.netform.value.Value;
import java.time.Duration;

/**
 * Apply progress as Terraform prints it: {@code addr: Creating...}, {@code addr: Still creating...
 * [10s elapsed]} and {@code addr: Creation complete after 2s [id=…]}. The phrases are shared with the
 * machine-readable UI, whose messages carry the same text.
 */
final class TextApplyView implements ApplyView {

    private final Ui ui;

    TextApplyView(Ui ui) {
        this.ui = ui;
    }

    @Override
    public void started(ResourceChange change) {
        ui.out().println(ui.bold(startedText(change)));
    }

    @Override
    public void stillRunning(ResourceChange change, Duration elapsed) {
        ui.out().println(ui.bold(stillRunningText(change, elapsed)));
    }

    @Override
    public void completed(ResourceChange change, Value newState, Duration elapsed) {
        ui.out().println(ui.bold(completedText(change, newState, elapsed)));
    }

    @Override
    public void failed(ResourceChange change, Duration elapsed) {
        // The diagnostics that follow say what went wrong.
    }

    static String startedText(ResourceChange change) {
        String id = idOf(change.before());
        return change.displayAddress() + ": " + words(change.action())[0]
                + (change.action() == Action.CREATE || id == null ? "" : " [id=" + id + "]");
    }

    static String stillRunningText(ResourceChange change, Duration elapsed) {
        return change.displayAddress() + ": " + words(change.action())[1] + " [" + seconds(elapsed) + " elapsed]";
    }

    static String completedText(ResourceChange change, Value newState, Duration elapsed) {
        String id = completedId(change, newState);
        return change.displayAddress() + ": " + words(change.action())[2] + " complete after " + seconds(elapsed)
                + (id == null ? "" : " [id=" + id + "]");
    }

    static String failedText(ResourceChange change, Duration elapsed) {
        return change.displayAddress() + ": " + words(change.action())[2] + " errored after " + seconds(elapsed);
    }

    /** The id of the object a completed operation left, or null (after a delete, say). */
    static String completedId(ResourceChange change, Value newState) {
        return idOf(change.action() == Action.DELETE ? Value.nullOf(Type.DYNAMIC) : newState);
    }

    private static String[] words(Action action) {
        return switch (action) {
            case UPDATE -> new String[] {"Modifying...", "Still modifying...", "Modifications"};
            case DELETE -> new String[] {"Destroying...", "Still destroying...", "Destruction"};
            case READ -> new String[] {"Reading...", "Still reading...", "Read"};
            default -> new String[] {"Creating...", "Still creating...", "Creation"};
        };
    }

    private static String seconds(Duration d) {
        long s = d.toSeconds();
        return s < 60 ? s + "s" : (s / 60) + "m" + (s % 60) + "s";
    }

    /** The {@code id} attribute of an object, when it has a known, non-sensitive string one. */
    static String idOf(Value v) {
        if (v == null
                || !v.isKnown()
                || v.isNull()
                || !(v.type() instanceof Type.ObjectType o)
                || !o.hasAttribute("id")) {
            return null;
        }
        Value id = v.getAttr("id");
        return id.isKnown() && !id.isNull() && !id.isSensitive() && id.type() == Type.STRING ? id.asString() : null;
    }
}
