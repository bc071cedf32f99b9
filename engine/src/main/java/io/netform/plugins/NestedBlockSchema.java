package io.netform.plugins;

import io.netform.value.Type;
import java.util.Objects;

/**
 * A nested block type of a block schema: how many blocks of it may be written and how they are
 * collected into the object (one object, a list, a set or a map keyed by label).
 */
public record NestedBlockSchema(String typeName, BlockSchema block, Nesting nesting, int minItems, int maxItems) {

    /** How nested blocks become part of the object. */
    public enum Nesting {
        SINGLE,
        GROUP,
        LIST,
        SET,
        MAP
    }

    public NestedBlockSchema {
        Objects.requireNonNull(typeName, "typeName");
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(nesting, "nesting");
    }

    /** The type this nested block contributes to its parent's object type. */
    public Type impliedType() {
        Type object = block.impliedType();
        return switch (nesting) {
            case SINGLE, GROUP -> object;
            case LIST -> Type.list(object);
            case SET -> Type.set(object);
            case MAP -> Type.map(object);
        };
    }
}
