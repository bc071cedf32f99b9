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
 *
 * <p>A class rather than a record so that it can keep its implied type: every value planned or read
 * for a resource has that type, and one shared instance spares a copy of it per object.
 */
public final class SchemaBlock {

    private final Map<String, SchemaAttribute> attributes;
    private final Map<String, NestedBlock> blockTypes;
    private final String description;
    private final boolean isDeprecated;
    /** Built on first use; racing threads build equal types, and either may be kept. */
    private volatile Type impliedType;

    public SchemaBlock(
            Map<String, SchemaAttribute> attributes,
            Map<String, NestedBlock> blockTypes,
            String description,
            boolean isDeprecated) {
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        this.blockTypes = Collections.unmodifiableMap(new LinkedHashMap<>(blockTypes));
        this.description = Objects.requireNonNull(description, "description");
        this.isDeprecated = isDeprecated;
        this.attributes.forEach((name, attribute) -> requireNamed(name, attribute.name()));
        this.blockTypes.forEach((name, nested) -> requireNamed(name, nested.typeName()));
        for (String name : this.attributes.keySet()) {
            if (this.blockTypes.containsKey(name)) {
                throw new IllegalArgumentException("the schema names " + name + " twice");
            }
        }
    }

    /** The attributes by name, in declaration order. */
    public Map<String, SchemaAttribute> attributes() {
        return attributes;
    }

    /** The nested block types by name, in declaration order. */
    public Map<String, NestedBlock> blockTypes() {
        return blockTypes;
    }

    /** The block's documentation. */
    public String description() {
        return description;
    }

    /** Whether the block is deprecated. */
    public boolean isDeprecated() {
        return isDeprecated;
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
        Type type = impliedType;
        if (type == null) {
            Map<String, Type> types = new LinkedHashMap<>();
            attributes.forEach((name, a) -> types.put(name, a.type()));
            blockTypes.forEach((name, b) -> types.put(name, b.impliedType()));
            type = Type.object(types);
            impliedType = type;
        }
        return type;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchemaBlock b
                && attributes.equals(b.attributes)
                && blockTypes.equals(b.blockTypes)
                && description.equals(b.description)
                && isDeprecated == b.isDeprecated;
    }

    @Override
    public int hashCode() {
        return Objects.hash(attributes, blockTypes, description, isDeprecated);
    }

    @Override
    public String toString() {
        return "SchemaBlock[attributes=" + attributes + ", blockTypes=" + blockTypes + ", description=" + description
                + ", isDeprecated=" + isDeprecated + "]";
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
