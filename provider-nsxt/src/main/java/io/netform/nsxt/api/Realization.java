package io.netform.nsxt.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading NSX's realized entities: their overall state, errors, and extended attributes. */
public final class Realization {

    private Realization() {}

    /** REALIZED when every entity is, ERROR when any is, otherwise the first pending state (UNREALIZED when none). */
    static String stateOf(List<ObjectNode> entities) {
        if (entities.isEmpty()) {
            return "UNREALIZED";
        }
        String pending = null;
        for (ObjectNode entity : entities) {
            String state = entity.path("state").asText("UNKNOWN");
            if (state.equals("ERROR")) {
                return state;
            }
            if (!state.equals("REALIZED") && pending == null) {
                pending = state;
            }
        }
        return pending == null ? "REALIZED" : pending;
    }

    /** The first value of an extended attribute (e.g. {@code allocation_ip}) of any entity. */
    public static Optional<String> extendedAttribute(List<ObjectNode> entities, String key) {
        for (ObjectNode entity : entities) {
            for (JsonNode attribute : entity.path("extended_attributes")) {
                if (attribute.path("key").asText().equals(key)
                        && attribute.path("values").size() > 0) {
                    return Optional.of(attribute.path("values").get(0).asText());
                }
            }
        }
        return Optional.empty();
    }

    static NsxApiException failed(String intentPath, List<ObjectNode> entities) {
        List<String> alarms = new ArrayList<>();
        for (ObjectNode entity : entities) {
            for (JsonNode alarm : entity.path("alarms")) {
                alarms.add(alarm.path("message").asText());
            }
        }
        return NsxApiException.realization(
                intentPath, "realization failed" + (alarms.isEmpty() ? "" : ": " + String.join("; ", alarms)));
    }

    static NsxApiException timedOut(String intentPath, String state, Duration timeout) {
        return NsxApiException.realization(
                intentPath, "not realized after " + timeout.toSeconds() + " s (state " + state + ")");
    }
}
