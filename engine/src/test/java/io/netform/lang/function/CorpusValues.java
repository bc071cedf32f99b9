package io.netform.lang.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.netform.value.BigFloat;
import io.netform.value.CodecException;
import io.netform.value.CtyJson;
import io.netform.value.Mark;
import io.netform.value.Refinement;
import io.netform.value.Type;
import io.netform.value.TypeJson;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the values written in the function and expression corpora: plain JSON with its implied
 * type (arrays are tuples, objects are objects), and four wrappers — {@code {"type": T, "value":
 * V}} with T in cty's type JSON and V in cty's JSON for T, {@code {"type": "number", "text": S}}, a
 * number by its text (how an infinity, which JSON cannot hold, is written), {@code {"unknown": T}} (optionally with
 * {@code "refinement": {"not_null": true, "string_prefix": P, "lower_bound": N, "upper_bound": N}},
 * bounds inclusive) and {@code {"sensitive": X}}.
 */
public final class CorpusValues {
    private CorpusValues() {}

    /** An argument: a wrapper, or plain JSON with its implied type (arrays are tuples). */
    static Value argument(JsonNode node) {
        if (isWrapper(node)) {
            return wrapped(node);
        }
        if (node.isNull()) {
            return Value.nullOf(Type.DYNAMIC);
        }
        if (node.isTextual()) {
            return Value.string(node.textValue());
        }
        if (node.isNumber()) {
            return Value.number(node.decimalValue());
        }
        if (node.isBoolean()) {
            return Value.bool(node.booleanValue());
        }
        if (node.isArray()) {
            List<Value> elements = new ArrayList<>();
            node.forEach(e -> elements.add(argument(e)));
            return Value.tuple(elements);
        }
        Map<String, Value> attributes = new LinkedHashMap<>();
        node.properties().forEach(e -> attributes.put(e.getKey(), argument(e.getValue())));
        return Value.object(attributes);
    }

    /** An expected result: always a wrapper, so its type is explicit. */
    public static Value expected(JsonNode node) {
        if (!isWrapper(node)) {
            throw new IllegalArgumentException("an expected value needs its type: " + node);
        }
        return wrapped(node);
    }

    private static boolean isWrapper(JsonNode node) {
        if (!node.isObject()) {
            return false;
        }
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys.equals(List.of("type", "value"))
                || keys.equals(List.of("type", "text"))
                || keys.equals(List.of("unknown"))
                || keys.equals(List.of("unknown", "refinement"))
                || keys.equals(List.of("sensitive"));
    }

    private static Value wrapped(JsonNode node) {
        if (node.has("unknown")) {
            return Value.unknown(type(node.get("unknown")), refinement(node.path("refinement")));
        }
        if (node.has("sensitive")) {
            return argument(node.get("sensitive")).mark(Mark.SENSITIVE);
        }
        if (node.has("text")) {
            return Value.number(BigFloat.parse(node.get("text").asText()));
        }
        return value(node.get("value"), type(node.get("type")));
    }

    private static Refinement refinement(JsonNode node) {
        Refinement r = Refinement.NONE;
        if (node.path("not_null").asBoolean(false)) {
            r = r.withNotNull();
        }
        if (node.has("string_prefix")) {
            r = r.withStringPrefix(node.get("string_prefix").asText());
        }
        if (node.has("lower_bound")) {
            r = r.withLowerBound(node.get("lower_bound").decimalValue(), true);
        }
        if (node.has("upper_bound")) {
            r = r.withUpperBound(node.get("upper_bound").decimalValue(), true);
        }
        return r;
    }

    private static Type type(JsonNode node) {
        try {
            return TypeJson.fromNode(node);
        } catch (CodecException e) {
            throw new IllegalArgumentException("bad type " + node + ": " + e.getMessage(), e);
        }
    }

    /** A value in cty's JSON encoding for {@code type}. */
    private static Value value(JsonNode node, Type type) {
        try {
            return CtyJson.fromNode(node, type);
        } catch (CodecException e) {
            throw new IllegalArgumentException(
                    "bad " + type.friendlyName() + " value " + node + ": " + e.getMessage(), e);
        }
    }
}
