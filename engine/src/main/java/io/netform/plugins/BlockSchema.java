package io.netform.plugins;

import io.netform.value.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The schema of a block: the provider's own configuration, a resource, a data source, or a nested block. */
public record BlockSchema(
        Map<String, AttributeSchema> attributes, Map<String, NestedBlockSchema> blockTypes, String description) {

    public BlockSchema {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        blockTypes = Collections.unmodifiableMap(new LinkedHashMap<>(blockTypes));
        description = description == null ? "" : description;
    }

    /** A block with nothing in it. */
    public static BlockSchema empty() {
        return new BlockSchema(Map.of(), Map.of(), "");
    }

    /** The object type values of this block have: every attribute and every nested block type. */
    public Type impliedType() {
        Map<String, Type> types = new LinkedHashMap<>();
        attributes.forEach((name, a) -> types.put(name, a.type()));
        blockTypes.forEach((name, b) -> types.put(name, b.impliedType()));
        return Type.object(types);
    }
}
