package io.netform.provider;

import io.netform.value.Type;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A schema block: attributes and nested block types, whose values together form one object. */
public record SchemaBlock(List<SchemaAttribute> attributes, List<NestedBlock> blocks, String description) {

    public SchemaBlock {
        attributes = List.copyOf(attributes);
        blocks = List.copyOf(blocks);
        Objects.requireNonNull(description, "description");
        Set<String> names = new HashSet<>();
        for (String name : names(attributes, blocks)) {
            if (!names.add(name)) {
                throw new IllegalArgumentException("the schema names " + name + " twice");
            }
        }
    }

    /** A block of these attributes and no nested blocks. */
    public static SchemaBlock of(SchemaAttribute... attributes) {
        return new SchemaBlock(List.of(attributes), List.of(), "");
    }

    /** The same block with nested block types added. */
    public SchemaBlock with(NestedBlock... nested) {
        List<NestedBlock> all = new java.util.ArrayList<>(blocks);
        all.addAll(List.of(nested));
        return new SchemaBlock(attributes, all, description);
    }

    /** The same block with documentation. */
    public SchemaBlock describedAs(String text) {
        return new SchemaBlock(attributes, blocks, text);
    }

    /** The attribute of that name, if there is one. */
    public Optional<SchemaAttribute> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The object type of this block's values. */
    public Type impliedType() {
        Map<String, Type> types = new LinkedHashMap<>();
        attributes.forEach(a -> types.put(a.name(), a.type()));
        blocks.forEach(b -> types.put(b.typeName(), b.impliedType()));
        return Type.object(types);
    }

    private static List<String> names(List<SchemaAttribute> attributes, List<NestedBlock> blocks) {
        List<String> names = new java.util.ArrayList<>();
        attributes.forEach(a -> names.add(a.name()));
        blocks.forEach(b -> names.add(b.typeName()));
        return names;
    }
}
