package io.netform.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.netform.value.AttributePath;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the paths of state's {@code sensitive_attributes}: arrays of steps
 * {@code {"type":"get_attr","value":"name"}} and {@code {"type":"index","value":{"value":0,"type":"number"}}}.
 */
final class SensitivePathJson {

    private SensitivePathJson() {}

    /**
     * The paths in {@code paths}; a step this reader does not know ends its path there, so that
     * everything under a place named sensitive stays sensitive.
     */
    static List<AttributePath> decode(JsonNode paths) {
        List<AttributePath> out = new ArrayList<>();
        for (JsonNode path : paths) {
            AttributePath current = AttributePath.root();
            for (JsonNode step : path) {
                AttributePath next = step(current, step);
                if (next == null) {
                    break;
                }
                current = next;
            }
            out.add(current);
        }
        return out;
    }

    private static AttributePath step(AttributePath path, JsonNode step) {
        String type = step.path("type").asText();
        JsonNode value = step.path("value");
        if (type.equals("get_attr") && value.isTextual()) {
            return path.attr(value.asText());
        }
        if (type.equals("index")) {
            JsonNode key = value.path("value");
            if (key.isIntegralNumber()) {
                return path.index(key.asLong());
            }
            if (key.isTextual()) {
                return path.key(key.asText());
            }
        }
        return null;
    }
}
