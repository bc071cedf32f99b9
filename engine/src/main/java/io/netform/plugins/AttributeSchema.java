package io.netform.plugins;

import io.netform.value.Type;
import java.util.Objects;

/** One attribute of a provider's block schema. */
public record AttributeSchema(
        String name,
        Type type,
        String description,
        boolean required,
        boolean optional,
        boolean computed,
        boolean sensitive) {

    public AttributeSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
    }
}
