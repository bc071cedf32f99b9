package io.netform.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.plan.Action;
import io.netform.plan.ResourceChange;
import io.netform.value.Value;
import java.time.Duration;

/** Apply progress as the machine-readable UI's {@code apply_start/progress/complete/errored} messages. */
final class JsonApplyView implements ApplyView {

    private final JsonUiStream stream;

    JsonApplyView(JsonUiStream stream) {
        this.stream = stream;
    }

    @Override
    public void started(ResourceChange change) {
        ObjectNode hook = hook(change);
        String id = change.action() == Action.CREATE ? null : TextApplyView.idOf(change.before());
        withId(hook, id);
        stream.hook("apply_start", "info", TextApplyView.startedText(change), hook);
    }

    @Override
    public void stillRunning(ResourceChange change, Duration elapsed) {
        ObjectNode hook = hook(change);
        hook.put("elapsed_seconds", elapsed.toSeconds());
        stream.hook("apply_progress", "info", TextApplyView.stillRunningText(change, elapsed), hook);
    }

    @Override
    public void completed(ResourceChange change, Value newState, Duration elapsed) {
        ObjectNode hook = hook(change);
        withId(hook, TextApplyView.completedId(change, newState));
        hook.put("elapsed_seconds", elapsed.toSeconds());
        stream.hook("apply_complete", "info", TextApplyView.completedText(change, newState, elapsed), hook);
    }

    @Override
    public void failed(ResourceChange change, Duration elapsed) {
        ObjectNode hook = hook(change);
        hook.put("elapsed_seconds", elapsed.toSeconds());
        stream.hook("apply_errored", "error", TextApplyView.failedText(change, elapsed), hook);
    }

    private static ObjectNode hook(ResourceChange change) {
        ObjectNode hook = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        hook.set("resource", JsonUiStream.resource(change.address()));
        hook.put("action", change.action().uiName());
        return hook;
    }

    private static void withId(ObjectNode hook, String id) {
        if (id != null) {
            hook.put("id_key", "id");
            hook.put("id_value", id);
        }
    }
}
