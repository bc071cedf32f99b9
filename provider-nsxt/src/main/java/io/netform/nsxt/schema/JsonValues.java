package io.netform.nsxt.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.netform.value.Type;
import io.netform.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Conversions between primitive values (and collections of them) and JSON nodes. */
public final class JsonValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {}

    /** The JSON for a known, non-null primitive or collection of primitives. */
    public static JsonNode toJson(Value value) {
        Type type = value.type();
        if (type.equals(Type.STRING)) {
            return NODES.textNode(value.asString());
        }
        if (type.equals(Type.NUMBER)) {
            BigDecimal number = value.asBigDecimal();
            // NSX fields are mostly integers; send 5, not 5.0.
            return number.stripTrailingZeros().scale() <= 0
                    ? NODES.numberNode(number.toBigInteger())
                    : NODES.numberNode(number);
        }
        if (type.equals(Type.BOOL)) {
            return NODES.booleanNode(value.asBoolean());
        }
        ArrayNode array = NODES.arrayNode();
        value.elements().forEach(e -> array.add(toJson(e)));
        return array;
    }

    /** The value of a type from JSON; null of the type when the node is missing or null. */
    public static Value fromJson(JsonNode node, Type type) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return Value.nullOf(type);
        }
        if (type.equals(Type.STRING)) {
            return Value.string(node.asText());
        }
        if (type.equals(Type.NUMBER)) {
            return node.isNumber() ? Value.number(node.decimalValue()) : Value.number(new BigDecimal(node.asText()));
        }
        if (type.equals(Type.BOOL)) {
            return Value.bool(node.asBoolean());
        }
        Type element = type.elementType();
        List<Value> items = new ArrayList<>();
        node.forEach(item -> items.add(fromJson(item, element)));
        if (type instanceof Type.SetType) {
            return Value.set(element, items);
        }
        return Value.list(element, items);
    }
}
