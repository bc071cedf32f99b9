package io.netform.value;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.json.ExactJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * cty's JSON encoding of a value against a type (DynamicValue.json, state attributes): the natural
 * JSON shapes, and {@code {"value":…,"type":…}} where the type is dynamic. JSON cannot hold an
 * unknown value, so encoding one is an error.
 *
 * <p>Numbers are cty's text: reading keeps every digit, and writing emits plain decimals. A caller
 * that reads or writes {@link #toNode} trees itself should use {@link io.netform.json.ExactJson}.
 */
public final class CtyJson {
    /** Why a number cannot be written, in ctyjson's words: JSON has no infinity. */
    public static final String NO_INFINITY = "cannot serialize infinity as JSON";

    private static final ObjectMapper MAPPER = ExactJson.MAPPER;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CtyJson() {}

    public static String encode(Value value, Type type) throws CodecException {
        try {
            return MAPPER.writeValueAsString(toNode(value, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    public static byte[] encodeToBytes(Value value, Type type) throws CodecException {
        return encode(value, type).getBytes(StandardCharsets.UTF_8);
    }

    public static Value decode(String json, Type type) throws CodecException {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CodecException(AttributePath.root(), "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null) {
            throw new CodecException(AttributePath.root(), "the JSON document is empty");
        }
        return fromNode(node, type);
    }

    public static Value decode(byte[] json, Type type) throws CodecException {
        return decode(new String(json, StandardCharsets.UTF_8), type);
    }

    /**
     * The value as a Jackson tree, for embedding in a larger document such as the state file.
     *
     * @throws CodecException if the value does not conform to the type, or holds an unknown or a
     *     mark anywhere
     */
    public static JsonNode toNode(Value value, Type type) throws CodecException {
        if (!value.type().conformsTo(type)) {
            throw new CodecException(
                    AttributePath.root(),
                    "the value is " + value.type().friendlyName() + ", which does not conform to "
                            + type.friendlyName());
        }
        return write(value, type, AttributePath.root());
    }

    private static JsonNode write(Value value, Type type, AttributePath path) throws CodecException {
        if (value.isMarked()) {
            throw new CodecException(
                    path,
                    "the value is marked " + value.marks()
                            + ", and marked values cannot be serialized; unmark it first and keep its paths");
        }
        if (!value.isKnown()) {
            throw new CodecException(path, "the value is not known yet, and JSON cannot express an" + " unknown value");
        }
        if (type == Type.DYNAMIC && value.type() != Type.DYNAMIC) {
            ObjectNode wrapper = NODES.objectNode();
            wrapper.set("value", write(value, value.type(), path));
            wrapper.set("type", TypeJson.toNode(value.type()));
            return wrapper;
        }
        if (value.isNull()) {
            return NODES.nullNode();
        }
        if (type == Type.STRING) {
            return NODES.textNode(value.asString());
        }
        if (type == Type.NUMBER) {
            return number(value.asBigFloat(), path);
        }
        if (type == Type.BOOL) {
            return NODES.booleanNode(value.asBoolean());
        }
        if (type instanceof Type.MapType || type instanceof Type.ObjectType) {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<String, Value> e : value.asMap().entrySet()) {
                String key = e.getKey();
                object.set(
                        key,
                        type instanceof Type.ObjectType o
                                ? write(e.getValue(), o.attributeType(key), path.attr(key))
                                : write(e.getValue(), type.elementType(), path.key(key)));
            }
            return object;
        }
        ArrayNode array = NODES.arrayNode();
        List<Value> elements = value.elements();
        for (int i = 0; i < elements.size(); i++) {
            Type element = type instanceof Type.TupleType t ? t.elementTypes().get(i) : type.elementType();
            array.add(write(elements.get(i), element, path.index(i)));
        }
        return array;
    }

    /**
     * A JSON number as cty reads it, with 512 bits: whole numbers and exact decimals as they are, a
     * double (from a mapper that reads them so) by its shortest text rather than its binary value.
     */
    private static BigFloat number(JsonNode node) {
        return node.isIntegralNumber() || node.isBigDecimal()
                ? BigFloat.of(node.decimalValue())
                : BigFloat.parse(node.asText());
    }

    /** A number as cty writes it, its shortest text; JSON has no infinity. */
    private static JsonNode number(BigFloat n, AttributePath path) throws CodecException {
        if (n.isInfinite()) {
            throw new CodecException(path, NO_INFINITY);
        }
        // the text's own digits (a float64 result is 0.1, not its 55-digit binary value), whole
        // numbers as integers so that no writer puts them as 1E+2 (not the exact value: 2^60 from pow
        // prints 1152921504606847000); -0 becomes 0 (a tree has no -0)
        BigDecimal shown = n.toBigDecimal();
        if (!n.isInteger()) {
            return NODES.numberNode(shown);
        }
        return shown.precision() < 19
                ? NODES.numberNode(shown.longValueExact())
                : NODES.numberNode(shown.toBigIntegerExact());
    }

    /**
     * Reads a value of {@code type} from a Jackson tree. Absent object attributes are null; a number
     * or bool may be given as a string and a string as a number or bool, as cty allows.
     */
    public static Value fromNode(JsonNode node, Type type) throws CodecException {
        return read(node, type, AttributePath.root());
    }

    private static Value read(JsonNode node, Type type, AttributePath path) throws CodecException {
        if (node.isNull()) {
            return Value.nullOf(type);
        }
        if (type == Type.DYNAMIC) {
            return readDynamic(node, path);
        }
        if (type.isPrimitive()) {
            return readPrimitive(node, type, path);
        }
        if (type instanceof Type.MapType || type instanceof Type.ObjectType) {
            if (!node.isObject()) {
                throw mismatch(type, node, path);
            }
            return readKeyed(node, type, path);
        }
        if (!node.isArray()) {
            throw mismatch(type, node, path);
        }
        return readSequence(node, type, path);
    }

    private static Value readPrimitive(JsonNode node, Type type, AttributePath path) throws CodecException {
        if (!node.isValueNode()) {
            throw mismatch(type, node, path);
        }
        Value scalar = node.isTextual()
                ? Value.string(node.textValue())
                : node.isNumber()
                        ? Value.number(number(node))
                        : node.isBoolean() ? Value.bool(node.booleanValue()) : null;
        if (scalar == null) {
            throw mismatch(type, node, path);
        }
        try {
            return Conversion.convert(scalar, type, path);
        } catch (ConversionException e) {
            throw new CodecException(path, e.reason());
        }
    }

    private static Value readDynamic(JsonNode node, AttributePath path) throws CodecException {
        if (!node.isObject() || node.size() != 2 || !node.has("value") || !node.has("type")) {
            throw new CodecException(
                    path,
                    "a value of dynamic type is an object with exactly the" + " attributes \"value\" and \"type\"");
        }
        Type type;
        try {
            type = TypeJson.fromNode(node.get("type"));
        } catch (CodecException e) {
            throw new CodecException(path, e.reason());
        }
        return read(node.get("value"), type, path);
    }

    private static Value readSequence(JsonNode node, Type type, AttributePath path) throws CodecException {
        List<Value> elements = new ArrayList<>(node.size());
        if (type instanceof Type.TupleType t) {
            if (node.size() != t.elementTypes().size()) {
                throw new CodecException(
                        path,
                        "a tuple of " + t.elementTypes().size() + " elements is required, but the JSON array has "
                                + node.size());
            }
            for (int i = 0; i < node.size(); i++) {
                elements.add(read(node.get(i), t.elementTypes().get(i), path.index(i)));
            }
            return Value.tuple(elements);
        }
        for (int i = 0; i < node.size(); i++) {
            elements.add(read(node.get(i), type.elementType(), path.index(i)));
        }
        Type element = MsgpackCodec.commonType(type.elementType(), elements, path);
        return type instanceof Type.ListType ? Value.list(element, elements) : Value.set(element, elements);
    }

    private static Value readKeyed(JsonNode node, Type type, AttributePath path) throws CodecException {
        Map<String, Value> entries = new LinkedHashMap<>();
        Type.ObjectType object = type instanceof Type.ObjectType o ? o : null;
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            if (object != null && !object.hasAttribute(key)) {
                throw new CodecException(path, "unsupported attribute " + Value.quote(key));
            }
            entries.put(
                    key,
                    object != null
                            ? read(field.getValue(), object.attributeType(key), path.attr(key))
                            : read(field.getValue(), type.elementType(), path.key(key)));
        }
        if (object != null) {
            object.attributeTypes().forEach((name, t) -> entries.putIfAbsent(name, Value.nullOf(t)));
            return Value.object(entries);
        }
        List<Value> values = new ArrayList<>(entries.values());
        Type element = MsgpackCodec.commonType(type.elementType(), values, path);
        int i = 0;
        for (String key : entries.keySet()) {
            entries.put(key, values.get(i++));
        }
        return Value.map(element, entries);
    }

    private static CodecException mismatch(Type type, JsonNode node, AttributePath path) {
        return new CodecException(
                path,
                TypeMismatch.required(type) + ", but the JSON holds "
                        + node.getNodeType().name().toLowerCase(Locale.ROOT));
    }
}
