package io.netform.lang.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.netform.value.Mark;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the values written in the function corpus: cty's JSON type notation, cty JSON values of a
 * given type, plain JSON with its implied type, and three wrappers — {@code {"type": T, "value": V}},
 * {@code {"unknown": T}} and {@code {"sensitive": X}}.
 */
final class CorpusValues {
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
  static Value expected(JsonNode node) {
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
    return keys.equals(List.of("type", "value")) || keys.equals(List.of("unknown"))
        || keys.equals(List.of("sensitive"));
  }

  private static Value wrapped(JsonNode node) {
    if (node.has("unknown")) {
      return Value.unknown(type(node.get("unknown")));
    }
    if (node.has("sensitive")) {
      return argument(node.get("sensitive")).mark(Mark.SENSITIVE);
    }
    return value(node.get("value"), type(node.get("type")));
  }

  static Type type(JsonNode node) {
    if (node.isTextual()) {
      return switch (node.textValue()) {
        case "string" -> Type.STRING;
        case "number" -> Type.NUMBER;
        case "bool" -> Type.BOOL;
        case "dynamic" -> Type.DYNAMIC;
        default -> throw new IllegalArgumentException("unknown type " + node);
      };
    }
    String kind = node.get(0).textValue();
    JsonNode arg = node.get(1);
    return switch (kind) {
      case "list" -> Type.list(type(arg));
      case "set" -> Type.set(type(arg));
      case "map" -> Type.map(type(arg));
      case "tuple" -> {
        List<Type> types = new ArrayList<>();
        arg.forEach(t -> types.add(type(t)));
        yield Type.tuple(types);
      }
      case "object" -> {
        Map<String, Type> types = new LinkedHashMap<>();
        arg.properties().forEach(e -> types.put(e.getKey(), type(e.getValue())));
        yield Type.object(types);
      }
      default -> throw new IllegalArgumentException("unknown type " + node);
    };
  }

  /** A cty JSON value of a known type; elements may themselves be wrappers. */
  static Value value(JsonNode node, Type type) {
    if (isWrapper(node)) {
      return wrapped(node);
    }
    if (node.isNull()) {
      return Value.nullOf(type);
    }
    if (type == Type.STRING) {
      return Value.string(node.textValue());
    }
    if (type == Type.NUMBER) {
      return Value.number(node.decimalValue());
    }
    if (type == Type.BOOL) {
      return Value.bool(node.booleanValue());
    }
    if (type == Type.DYNAMIC) {
      return argument(node);
    }
    if (type instanceof Type.ListType || type instanceof Type.SetType) {
      List<Value> elements = new ArrayList<>();
      node.forEach(e -> elements.add(value(e, type.elementType())));
      return type instanceof Type.ListType
          ? Value.list(type.elementType(), elements)
          : Value.set(type.elementType(), elements);
    }
    if (type instanceof Type.MapType) {
      Map<String, Value> entries = new LinkedHashMap<>();
      node.properties().forEach(e -> entries.put(e.getKey(), value(e.getValue(), type.elementType())));
      return Value.map(type.elementType(), entries);
    }
    if (type instanceof Type.TupleType t) {
      List<Value> elements = new ArrayList<>();
      Iterator<JsonNode> it = ((ArrayNode) node).elements();
      for (Type et : t.elementTypes()) {
        elements.add(value(it.next(), et));
      }
      return Value.tuple(elements);
    }
    Type.ObjectType o = (Type.ObjectType) type;
    Map<String, Value> attributes = new LinkedHashMap<>();
    o.attributeTypes().forEach((name, at) -> attributes.put(name, value(node.get(name), at)));
    return Value.object(attributes);
  }
}
