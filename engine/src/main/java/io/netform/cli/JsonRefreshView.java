package io.netform.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.addrs.ResourceInstance;
import io.netform.value.Value;
import io.netform.walk.RefreshHooks;

/** Objects read during a plan as the machine-readable UI's {@code refresh_start/complete} messages. */
final class JsonRefreshView implements RefreshHooks {

    private final JsonUiStream stream;

    JsonRefreshView(JsonUiStream stream) {
        this.stream = stream;
    }

    @Override
    public void refreshStarted(ResourceInstance address, Value stored) {
        String id = TextApplyView.idOf(stored);
        stream.hook("refresh_start", "info", address + ": Refreshing state..." + idSuffix(id), hook(address, id));
    }

    @Override
    public void refreshCompleted(ResourceInstance address, Value now) {
        String id = TextApplyView.idOf(now);
        stream.hook("refresh_complete", "info", address + ": Refresh complete" + idSuffix(id), hook(address, id));
    }

    private static String idSuffix(String id) {
        return id == null ? "" : " [id=" + id + "]";
    }

    private static ObjectNode hook(ResourceInstance address, String id) {
        ObjectNode hook = JsonNodeFactory.instance.objectNode();
        hook.set("resource", JsonUiStream.resource(address));
        if (id != null) {
            hook.put("id_key", "id");
            hook.put("id_value", id);
        }
        return hook;
    }
}
