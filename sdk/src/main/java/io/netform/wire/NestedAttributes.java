package io.netform.wire;

import io.netform.value.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The nested type of an attribute (tfplugin6's {@code nested_type}): attributes of their own,
 * whose objects are collected into the attribute's value as the nesting mode says.
 */
public record NestedAttributes(Nesting nesting, Map<String, SchemaAttribute> attributes) {

    public NestedAttributes {
        Objects.requireNonNull(nesting, "nesting");
        if (nesting == Nesting.GROUP) {
            throw new IllegalArgumentException("an attribute's nested type cannot be a group; only blocks can");
        }
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** These attributes, in order, collected as {@code nesting} says. */
    public static NestedAttributes of(Nesting nesting, List<SchemaAttribute> attributes) {
        return new NestedAttributes(nesting, SchemaBlock.byName(attributes, SchemaAttribute::name));
    }

    /** The type of the attribute's value: one object, or a list, set or map of them. */
    public Type impliedType() {
        Map<String, Type> types = new LinkedHashMap<>();
        attributes.forEach((name, attribute) -> types.put(name, attribute.type()));
        return nesting.collect(Type.object(types));
    }
}
