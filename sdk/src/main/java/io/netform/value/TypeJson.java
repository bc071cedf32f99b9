package io.netform.value;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.json.ExactJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cty type JSON of the plugin protocol and state: {@code "string"}, {@code ["list","string"]},
 * {@code ["object",{"a":"number"},["a"]]}, {@code ["tuple",["bool"]]}, {@code "dynamic"}.
 */
public final class TypeJson {
    private static final ObjectMapper MAPPER = ExactJson.MAPPER;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TypeJson() {}

    /** The compact JSON text of {@code type}; object attributes and optional names sorted. */
    public static String encode(Type type) {
        try {
            return MAPPER.writeValueAsString(toNode(type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a type tree always serializes", e);
        }
    }

    public static Type decode(String json) throws CodecException {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CodecException(AttributePath.root(), "the type is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null) {
            throw new CodecException(AttributePath.root(), "the type JSON is empty");
        }
        return fromNode(node);
    }

    public static Type decode(byte[] json) throws CodecException {
        return decode(new String(json, StandardCharsets.UTF_8));
    }

    /** The type as a Jackson tree, for embedding in a larger document. */
    public static JsonNode toNode(Type type) {
        if (type.isPrimitive() || type == Type.DYNAMIC) {
            return NODES.textNode(type.friendlyName());
        }
        ArrayNode array = NODES.arrayNode();
        if (type instanceof Type.ListType || type instanceof Type.SetType || type instanceof Type.MapType) {
            String kind = type instanceof Type.ListType ? "list" : type instanceof Type.SetType ? "set" : "map";
            return array.add(kind).add(toNode(type.elementType()));
        }
        if (type instanceof Type.TupleType t) {
            ArrayNode elements = array.add("tuple").addArray();
            t.elementTypes().forEach(e -> elements.add(toNode(e)));
            return array;
        }
        Type.ObjectType o = (Type.ObjectType) type;
        array.add("object");
        ObjectNode attributes = array.addObject();
        o.attributeTypes().forEach((name, t) -> attributes.set(name, toNode(t)));
        if (!o.optionalAttributes().isEmpty()) {
            ArrayNode optional = array.addArray();
            o.optionalAttributes().forEach(optional::add);
        }
        return array;
    }

    /** Reads a type from a Jackson tree. */
    public static Type fromNode(JsonNode node) throws CodecException {
        if (node.isTextual()) {
            return switch (node.asText()) {
                case "string" -> Type.STRING;
                case "number" -> Type.NUMBER;
                case "bool" -> Type.BOOL;
                case "dynamic" -> Type.DYNAMIC;
                default -> throw invalid("unknown type name " + Value.quote(node.asText()));
            };
        }
        if (!node.isArray() || node.isEmpty() || !node.get(0).isTextual()) {
            throw invalid("a type is a name or an array starting with a kind, not " + node);
        }
        String kind = node.get(0).asText();
        return switch (kind) {
            case "list", "set", "map" -> collection(kind, node);
            case "tuple" -> tuple(node);
            case "object" -> object(node);
            default -> throw invalid("unknown type kind " + Value.quote(kind));
        };
    }

    private static Type collection(String kind, JsonNode node) throws CodecException {
        if (node.size() != 2) {
            throw invalid("a " + kind + " type is [\"" + kind + "\", element type], not " + node);
        }
        Type element = fromNode(node.get(1));
        return kind.equals("list") ? Type.list(element) : kind.equals("set") ? Type.set(element) : Type.map(element);
    }

    private static Type tuple(JsonNode node) throws CodecException {
        if (node.size() != 2 || !node.get(1).isArray()) {
            throw invalid("a tuple type is [\"tuple\", [element types...]], not " + node);
        }
        List<Type> elements = new ArrayList<>();
        for (JsonNode element : node.get(1)) {
            elements.add(fromNode(element));
        }
        return Type.tuple(elements);
    }

    private static Type object(JsonNode node) throws CodecException {
        if ((node.size() != 2 && node.size() != 3) || !node.get(1).isObject()) {
            throw invalid("an object type is [\"object\", {attribute types}, [optional names]], not " + node);
        }
        Map<String, Type> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.get(1).properties()) {
            attributes.put(field.getKey(), fromNode(field.getValue()));
        }
        Set<String> optional = new LinkedHashSet<>();
        if (node.size() == 3) {
            if (!node.get(2).isArray()) {
                throw invalid("the optional attributes of an object type are an array of names");
            }
            for (JsonNode name : node.get(2)) {
                if (!name.isTextual() || !attributes.containsKey(name.asText())) {
                    throw invalid("optional attribute " + name + " is not an attribute of the object type");
                }
                optional.add(name.asText());
            }
        }
        return Type.object(attributes, optional);
    }

    private static CodecException invalid(String reason) {
        return new CodecException(AttributePath.root(), "invalid type: " + reason);
    }
}
