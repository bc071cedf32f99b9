package io.netform.wire;

import io.netform.value.Type;

/**
 * How the objects of a nested block type, or of an attribute with a nested type, are collected
 * into one value.
 */
public enum Nesting {
    /** At most one: an object, or null when absent. */
    SINGLE,
    /** In order: a list of objects. */
    LIST,
    /** Without order: a set of objects. */
    SET,
    /** By label or key: a map of objects. */
    MAP,
    /** Blocks only: exactly one block, absent meaning all attributes null: an object, never null. */
    GROUP;

    /** The type of the value that collects objects of type {@code object} this way. */
    public Type collect(Type object) {
        return switch (this) {
            case SINGLE, GROUP -> object;
            case LIST -> Type.list(object);
            case SET -> Type.set(object);
            case MAP -> Type.map(object);
        };
    }
}
