package io.netform.provider;

import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.Nesting;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Configuration values as the engine sends them, written briefly: attributes given as Java
 * strings, numbers, booleans, lists or values; nested blocks as lists of maps; everything else
 * null (absent blocks: empty collections).
 */
public final class Configs {

    private Configs() {}

    /** A configuration object of the block from the given attributes and blocks. */
    public static Value of(SchemaBlock block, Map<String, ?> given) {
        Map<String, Value> values = new LinkedHashMap<>();
        for (SchemaAttribute attribute : block.attributes().values()) {
            Object raw = given.get(attribute.name());
            values.put(attribute.name(), raw == null ? Value.nullOf(attribute.type()) : value(raw, attribute.type()));
        }
        for (NestedBlock nested : block.blockTypes().values()) {
            Object raw = given.get(nested.typeName());
            values.put(nested.typeName(), blocks(nested, raw));
        }
        for (String name : given.keySet()) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("the schema has no " + name);
            }
        }
        return Value.object(values);
    }

    @SuppressWarnings("unchecked")
    private static Value blocks(NestedBlock nested, Object raw) {
        Type objectType = nested.block().impliedType();
        if (nested.nesting() == Nesting.SINGLE) {
            return raw == null ? Value.nullOf(objectType) : of(nested.block(), (Map<String, ?>) raw);
        }
        List<Value> items = new ArrayList<>();
        if (raw != null) {
            for (Object item : (List<?>) raw) {
                items.add(of(nested.block(), (Map<String, ?>) item));
            }
        }
        return nested.nesting() == Nesting.SET ? Value.set(objectType, items) : Value.list(objectType, items);
    }

    private static Value value(Object raw, Type type) {
        if (raw instanceof Value) {
            return (Value) raw;
        }
        if (raw instanceof String) {
            return Value.string((String) raw);
        }
        if (raw instanceof Integer || raw instanceof Long) {
            return Value.number(((Number) raw).longValue());
        }
        if (raw instanceof Boolean) {
            return Value.bool((Boolean) raw);
        }
        if (raw instanceof Map<?, ?> map) {
            Map<String, Value> items = new LinkedHashMap<>();
            map.forEach((key, item) -> items.put((String) key, value(item, type.elementType())));
            return Value.map(type.elementType(), items);
        }
        if (raw instanceof List) {
            List<Value> items = new ArrayList<>();
            for (Object item : (List<?>) raw) {
                items.add(value(item, type.elementType()));
            }
            return type instanceof Type.SetType
                    ? Value.set(type.elementType(), items)
                    : Value.list(type.elementType(), items);
        }
        throw new IllegalArgumentException("cannot make a " + type.friendlyName() + " of " + raw);
    }
}
