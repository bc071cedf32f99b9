package io.netform.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.value.AttributePath;
import java.util.ArrayList;
import java.util.List;

/**
 * Attribute paths in state's JSON form, as its {@code sensitive_attributes} hold them (and plan
 * files reuse): arrays of steps {@code {"type":"get_attr","value":"name"}} and
 * {@code {"type":"index","value":{"value":0,"type":"number"}}}.
 */
public final class AttributePathJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AttributePathJson() {}

    /** The paths in {@code paths}, each read as {@link #decodePath} reads it. */
    public static List<AttributePath> decode(JsonNode paths) {
        List<AttributePath> out = new ArrayList<>();
        for (JsonNode path : paths) {
            out.add(decodePath(path));
        }
        return out;
    }

    /**
     * The path {@code steps} spells; a step this reader does not know ends the path there, so that
     * everything under a place named sensitive stays sensitive.
     */
    public static AttributePath decodePath(JsonNode steps) {
        AttributePath current = AttributePath.root();
        for (JsonNode step : steps) {
            AttributePath next = step(current, step);
            if (next == null) {
                break;
            }
            current = next;
        }
        return current;
    }

    public static ArrayNode encode(AttributePath path) {
        ArrayNode steps = NODES.arrayNode();
        for (AttributePath.Step step : path.steps()) {
            ObjectNode s = steps.addObject();
            if (step instanceof AttributePath.AttributeName a) {
                s.put("type", "get_attr");
                s.put("value", a.name());
            } else if (step instanceof AttributePath.StringKey k) {
                s.put("type", "index");
                s.putObject("value").put("value", k.key()).put("type", "string");
            } else if (step instanceof AttributePath.IntKey i) {
                s.put("type", "index");
                s.putObject("value").put("value", i.index()).put("type", "number");
            }
        }
        return steps;
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
