package io.netform.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.value.CodecException;
import io.netform.value.CtyJson;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Values as the JSON of Terraform's plan and state documents: the known part of a value, and the
 * mirror trees that say where a value is unknown ({@code after_unknown}) or sensitive
 * ({@code sensitive_values}, {@code *_sensitive}). A mirror has {@code true} where the whole
 * value at that place is unknown or sensitive; objects leave out what is neither, sequences keep
 * {@code false} so positions still line up.
 */
public final class ValueJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ValueJson() {}

    /**
     * The value without marks as plain JSON, leaving out what is not known yet: an unknown object
     * attribute or map element is omitted, an unknown sequence element becomes null, and a value
     * that is unknown as a whole becomes null.
     */
    public static JsonNode known(Value value) {
        Value v = value.unmark();
        if (!v.isKnown() || v.isNull()) {
            return NODES.nullNode();
        }
        if (v.isWhollyKnown()) {
            return encode(v.unmarkDeep());
        }
        if (v.type() instanceof Type.MapType || v.type() instanceof Type.ObjectType) {
            ObjectNode out = NODES.objectNode();
            for (Map.Entry<String, Value> e : v.asMap().entrySet()) {
                if (e.getValue().isKnown()) {
                    out.set(e.getKey(), known(e.getValue()));
                }
            }
            return out;
        }
        ArrayNode out = NODES.arrayNode();
        v.elements().forEach(e -> out.add(known(e)));
        return out;
    }

    /** The mirror of where {@code value} is unknown: {@code true} for an unknown value. */
    public static JsonNode unknownMirror(Value value) {
        Value v = value.unmark();
        if (v.isNull()) {
            return BooleanNode.FALSE;
        }
        if (!v.isKnown()) {
            return BooleanNode.TRUE;
        }
        return mirror(v, false);
    }

    /** The mirror of where {@code value} is marked sensitive: {@code true} for a sensitive value. */
    public static JsonNode sensitiveMirror(Value value) {
        if (value.isSensitive()) {
            return BooleanNode.TRUE;
        }
        Value v = value.unmark();
        if (v.isNull()) {
            return BooleanNode.FALSE;
        }
        if (!v.isKnown()) {
            // Nothing can be said yet about what an unknown collection will hold.
            return isSequence(v.type())
                    ? NODES.arrayNode()
                    : v.type().isPrimitive() ? BooleanNode.FALSE : NODES.objectNode();
        }
        return mirror(v, true);
    }

    private static JsonNode mirror(Value v, boolean sensitive) {
        if (v.type().isPrimitive()) {
            return BooleanNode.FALSE;
        }
        if (v.type() instanceof Type.MapType || v.type() instanceof Type.ObjectType) {
            ObjectNode out = NODES.objectNode();
            for (Map.Entry<String, Value> e : v.asMap().entrySet()) {
                JsonNode child = sensitive ? sensitiveMirror(e.getValue()) : unknownMirror(e.getValue());
                if (!child.equals(BooleanNode.FALSE)) {
                    out.set(e.getKey(), child);
                }
            }
            return out;
        }
        ArrayNode out = NODES.arrayNode();
        v.elements().forEach(e -> out.add(sensitive ? sensitiveMirror(e) : unknownMirror(e)));
        return out;
    }

    /**
     * The type a JSON document has on its face: objects as object types, arrays as tuples, and
     * null as the dynamic type; for reading JSON whose schema is not known.
     */
    public static Type impliedType(JsonNode node) {
        if (node.isObject()) {
            Map<String, Type> attributes = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                attributes.put(field.getKey(), impliedType(field.getValue()));
            }
            return Type.object(attributes);
        }
        if (node.isArray()) {
            List<Type> elements = new ArrayList<>();
            node.forEach(e -> elements.add(impliedType(e)));
            return Type.tuple(elements);
        }
        if (node.isNumber()) {
            return Type.NUMBER;
        }
        if (node.isBoolean()) {
            return Type.BOOL;
        }
        return node.isNull() ? Type.DYNAMIC : Type.STRING;
    }

    private static boolean isSequence(Type type) {
        return type instanceof Type.ListType || type instanceof Type.SetType || type instanceof Type.TupleType;
    }

    private static JsonNode encode(Value wholeKnownUnmarked) {
        try {
            return CtyJson.toNode(wholeKnownUnmarked, wholeKnownUnmarked.type());
        } catch (CodecException e) {
            // a known value without marks encodes unless it holds an infinity, which JSON cannot
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
