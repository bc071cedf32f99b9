package io.netform.kubernetes.schema;

import io.netform.value.Type;
import io.netform.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Primitive values and collections of them as the plain Java objects of parsed JSON, and back. */
public final class PlainValues {

    private PlainValues() {}

    /** The JSON object (String, Long/BigDecimal, Boolean, List, Map) of a known, non-null value. */
    public static Object toPlain(Value value) {
        Type type = value.type();
        if (type.equals(Type.STRING)) {
            return value.asString();
        }
        if (type.equals(Type.NUMBER)) {
            BigDecimal number = value.asBigDecimal();
            return number.stripTrailingZeros().scale() <= 0 ? (Object) number.longValueExact() : number;
        }
        if (type.equals(Type.BOOL)) {
            return value.asBoolean();
        }
        if (type instanceof Type.MapType || type instanceof Type.ObjectType) {
            Map<String, Object> map = new LinkedHashMap<>();
            (type instanceof Type.MapType ? value.asMap() : attributes(value)).forEach((key, item) -> {
                if (!item.isNull()) {
                    map.put(key, toPlain(item));
                }
            });
            return map;
        }
        List<Object> list = new ArrayList<>();
        value.elements().forEach(item -> list.add(toPlain(item)));
        return list;
    }

    private static Map<String, Value> attributes(Value object) {
        Map<String, Value> attributes = new LinkedHashMap<>();
        ((Type.ObjectType) object.type())
                .attributeTypes()
                .keySet()
                .forEach(name -> attributes.put(name, object.getAttr(name)));
        return attributes;
    }

    /** The value of {@code type} for a parsed JSON object; null of the type when it is missing. */
    public static Value fromPlain(Object plain, Type type) {
        if (plain == null) {
            return Value.nullOf(type);
        }
        if (type.equals(Type.STRING)) {
            return Value.string(String.valueOf(plain));
        }
        if (type.equals(Type.NUMBER)) {
            return Value.number(new BigDecimal(String.valueOf(plain)));
        }
        if (type.equals(Type.BOOL)) {
            return Value.bool(plain instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(plain)));
        }
        if (type instanceof Type.MapType) {
            Map<String, Value> map = new TreeMap<>();
            ((Map<?, ?>) plain)
                    .forEach((key, item) -> map.put(String.valueOf(key), fromPlain(item, type.elementType())));
            return Value.map(type.elementType(), map);
        }
        List<Value> items = new ArrayList<>();
        ((List<?>) plain).forEach(item -> items.add(fromPlain(item, type.elementType())));
        return type instanceof Type.SetType
                ? Value.set(type.elementType(), items)
                : Value.list(type.elementType(), items);
    }

    /**
     * Any parsed JSON as a value of its own structural type: objects become objects, arrays tuples,
     * so that objects of any kind can be returned as {@code dynamic} values.
     */
    public static Value fromAnyPlain(Object plain) {
        if (plain == null) {
            return Value.nullOf(Type.DYNAMIC);
        }
        if (plain instanceof String text) {
            return Value.string(text);
        }
        if (plain instanceof Boolean bool) {
            return Value.bool(bool);
        }
        if (plain instanceof Number number) {
            return Value.number(new BigDecimal(number.toString()));
        }
        if (plain instanceof Map<?, ?> map) {
            Map<String, Value> attributes = new LinkedHashMap<>();
            map.forEach((key, item) -> attributes.put(String.valueOf(key), fromAnyPlain(item)));
            return Value.object(attributes);
        }
        List<Value> items = new ArrayList<>();
        ((List<?>) plain).forEach(item -> items.add(fromAnyPlain(item)));
        return Value.tuple(items);
    }
}
