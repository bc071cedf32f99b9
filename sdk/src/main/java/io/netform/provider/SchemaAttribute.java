package io.netform.provider;

import io.netform.value.Type;
import io.netform.value.Value;
import java.util.Objects;

/**
 * One attribute of a schema block: its name and type, whether the user must, may or cannot set it
 * (required, optional, computed, or optional and computed), whether it is sensitive, whether
 * changing it replaces the object, and an optional default for when the user leaves it unset.
 *
 * @param defaultValue the value planned when the configuration leaves the attribute null, or null
 */
public record SchemaAttribute(
        String name,
        Type type,
        boolean isRequired,
        boolean isOptional,
        boolean isComputed,
        boolean isSensitive,
        boolean isForceNew,
        String description,
        Value defaultValue) {

    public SchemaAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        if (!isRequired && !isOptional && !isComputed) {
            throw new IllegalArgumentException("attribute " + name + " must be required, optional or computed");
        }
        if (isRequired && (isOptional || isComputed)) {
            throw new IllegalArgumentException(
                    "attribute " + name + " cannot be required and also optional or computed");
        }
        if (defaultValue != null && !isOptional) {
            throw new IllegalArgumentException("attribute " + name + " has a default but is not optional");
        }
    }

    /** An attribute of the given type that is, so far, computed only; refine it with the withers. */
    public static SchemaAttribute of(String name, Type type) {
        return new SchemaAttribute(name, type, false, false, true, false, false, "", null);
    }

    /** A string attribute, computed until refined. */
    public static SchemaAttribute string(String name) {
        return of(name, Type.STRING);
    }

    /** A number attribute, computed until refined. */
    public static SchemaAttribute number(String name) {
        return of(name, Type.NUMBER);
    }

    /** A bool attribute, computed until refined. */
    public static SchemaAttribute bool(String name) {
        return of(name, Type.BOOL);
    }

    /** The user must set it. */
    public SchemaAttribute required() {
        return new SchemaAttribute(name, type, true, false, false, isSensitive, isForceNew, description, null);
    }

    /** The user may set it; the provider does not compute it. */
    public SchemaAttribute optional() {
        return new SchemaAttribute(name, type, false, true, false, isSensitive, isForceNew, description, defaultValue);
    }

    /** The user may set it; when unset, the provider computes it. */
    public SchemaAttribute optionalComputed() {
        return new SchemaAttribute(name, type, false, true, true, isSensitive, isForceNew, description, defaultValue);
    }

    /** Only the provider sets it. */
    public SchemaAttribute computed() {
        return new SchemaAttribute(name, type, false, false, true, isSensitive, isForceNew, description, null);
    }

    /** Its value never appears in plans or logs. */
    public SchemaAttribute sensitive() {
        return new SchemaAttribute(
                name, type, isRequired, isOptional, isComputed, true, isForceNew, description, defaultValue);
    }

    /** Changing it replaces the object instead of updating it. */
    public SchemaAttribute forceNew() {
        return new SchemaAttribute(
                name, type, isRequired, isOptional, isComputed, isSensitive, true, description, defaultValue);
    }

    /** The documentation shown to users. */
    public SchemaAttribute describedAs(String text) {
        return new SchemaAttribute(
                name, type, isRequired, isOptional, isComputed, isSensitive, isForceNew, text, defaultValue);
    }

    /**
     * The value planned when the user leaves it unset. The attribute becomes optional and computed,
     * as the protocol requires of any attribute whose planned value may differ from the config.
     */
    public SchemaAttribute withDefault(Value value) {
        return new SchemaAttribute(name, type, false, true, true, isSensitive, isForceNew, description, value);
    }
}
