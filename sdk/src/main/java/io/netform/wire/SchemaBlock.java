package io.netform.wire;

import io.netform.value.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A schema block: attributes and nested block types by name, in the order the provider declares
 * them, whose values together form one object; its documentation, and whether it is deprecated.
 */
public record SchemaBlock(
        Map<String, SchemaAttribute> attributes,
        Map<String, NestedBlock> blockTypes,
        String description,
        boolean isDeprecated) {

    public SchemaBlock {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        blockTypes = Collections.unmodifiableMap(new LinkedHashMap<>(blockTypes));
        Objects.requireNonNull(description, "description");
        attributes.forEach((name, attribute) -> requireNamed(name, attribute.name()));
        blockTypes.forEach((name, nested) -> requireNamed(name, nested.typeName()));
        for (String name : attributes.keySet()) {
            if (blockTypes.containsKey(name)) {
                throw new IllegalArgumentException("the schema names " + name + " twice");
            }
        }
    }

    /** A block of these attributes and nested block types, in this order. */
    public SchemaBlock(List<SchemaAttribute> attributes, List<NestedBlock> blockTypes, String description) {
        this(byName(attributes, SchemaAttribute::name), byName(blockTypes, NestedBlock::typeName), description, false);
    }

    /** A block with nothing in it. */
    public static SchemaBlock empty() {
        return of();
    }

    /** A block of these attributes and no nested blocks. */
    public static SchemaBlock of(SchemaAttribute... attributes) {
        return new SchemaBlock(List.of(attributes), List.of(), "");
    }

    /** The same block with nested block types added. */
    public SchemaBlock with(NestedBlock... nested) {
        List<NestedBlock> all = new ArrayList<>(blockTypes.values());
        all.addAll(List.of(nested));
        return new SchemaBlock(attributes, byName(all, NestedBlock::typeName), description, isDeprecated);
    }

    /** The same block with documentation. */
    public SchemaBlock describedAs(String text) {
        return new SchemaBlock(attributes, blockTypes, text, isDeprecated);
    }

    /** The same block, deprecated. */
    public SchemaBlock deprecated() {
        return new SchemaBlock(attributes, blockTypes, description, true);
    }

    /** The attribute of that name, if there is one. */
    public Optional<SchemaAttribute> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** The object type of this block's values. */
    public Type impliedType() {
        Map<String, Type> types = new LinkedHashMap<>();
        attributes.forEach((name, a) -> types.put(name, a.type()));
        blockTypes.forEach((name, b) -> types.put(name, b.impliedType()));
        return Type.object(types);
    }

    /** The named things by their names, in order; a name given twice is an error. */
    static <T> Map<String, T> byName(List<T> named, Function<T, String> nameOf) {
        Map<String, T> byName = new LinkedHashMap<>();
        for (T item : named) {
            if (byName.put(nameOf.apply(item), item) != null) {
                throw new IllegalArgumentException("the schema names " + nameOf.apply(item) + " twice");
            }
        }
        return byName;
    }

    private static void requireNamed(String key, String name) {
        if (!key.equals(name)) {
            throw new IllegalArgumentException("the schema lists " + name + " under the name " + key);
        }
    }
}
