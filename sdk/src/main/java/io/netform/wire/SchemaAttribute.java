package io.netform.wire;

import io.netform.value.Type;
import io.netform.value.Value;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One attribute of a schema block: its name and type (or nested type), whether the user must, may
 * or cannot set it (required, optional, computed, or optional and computed), whether it is
 * sensitive or deprecated, and its documentation. The last two components are the provider
 * framework's own and never go over the wire: whether changing the attribute replaces the object,
 * and a default for when the user leaves it unset; a schema read from tfplugin6 has neither.
 *
 * @param type the value's type; for a nested type, the type it implies
 * @param defaultValue the value planned when the configuration leaves the attribute null, or null
 */
public record SchemaAttribute(
        String name,
        Type type,
        Optional<NestedAttributes> nestedType,
        boolean isRequired,
        boolean isOptional,
        boolean isComputed,
        boolean isSensitive,
        boolean isDeprecated,
        String description,
        boolean isForceNew,
        Value defaultValue) {

    // The flags are not checked against each other here: a schema read from a provider keeps what
    // it sent. The withers below only make the combinations the protocol allows.
    public SchemaAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(nestedType, "nestedType");
        Objects.requireNonNull(description, "description");
        if (nestedType.isPresent() && !nestedType.get().impliedType().equals(type)) {
            throw new IllegalArgumentException(
                    "attribute " + name + ": its type is not the one its nested type implies");
        }
        if (defaultValue != null && !isOptional) {
            throw new IllegalArgumentException("attribute " + name + " has a default but is not optional");
        }
    }

    /** An attribute of the given type that is, so far, computed only; refine it with the withers. */
    public static SchemaAttribute of(String name, Type type) {
        return new SchemaAttribute(name, type, Optional.empty(), false, false, true, false, false, "", false, null);
    }

    /** An attribute of nested attributes collected as {@code nesting} says, computed until refined. */
    public static SchemaAttribute nested(String name, Nesting nesting, SchemaAttribute... attributes) {
        NestedAttributes nested = NestedAttributes.of(nesting, List.of(attributes));
        return new SchemaAttribute(
                name, nested.impliedType(), Optional.of(nested), false, false, true, false, false, "", false, null);
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
        return with(true, false, false, null);
    }

    /** The user may set it; the provider does not compute it. */
    public SchemaAttribute optional() {
        return with(false, true, false, defaultValue);
    }

    /** The user may set it; when unset, the provider computes it. */
    public SchemaAttribute optionalComputed() {
        return with(false, true, true, defaultValue);
    }

    /** Only the provider sets it. */
    public SchemaAttribute computed() {
        return with(false, false, true, null);
    }

    /**
     * The value planned when the user leaves it unset. The attribute becomes optional and computed,
     * as the protocol requires of any attribute whose planned value may differ from the config.
     */
    public SchemaAttribute withDefault(Value value) {
        return with(false, true, true, value);
    }

    /** Its value never appears in plans or logs. */
    public SchemaAttribute sensitive() {
        return new SchemaAttribute(
                name,
                type,
                nestedType,
                isRequired,
                isOptional,
                isComputed,
                true,
                isDeprecated,
                description,
                isForceNew,
                defaultValue);
    }

    /** It should no longer be used. */
    public SchemaAttribute deprecated() {
        return new SchemaAttribute(
                name,
                type,
                nestedType,
                isRequired,
                isOptional,
                isComputed,
                isSensitive,
                true,
                description,
                isForceNew,
                defaultValue);
    }

    /** The documentation shown to users. */
    public SchemaAttribute describedAs(String text) {
        return new SchemaAttribute(
                name,
                type,
                nestedType,
                isRequired,
                isOptional,
                isComputed,
                isSensitive,
                isDeprecated,
                text,
                isForceNew,
                defaultValue);
    }

    /** Changing it replaces the object instead of updating it. */
    public SchemaAttribute forceNew() {
        return new SchemaAttribute(
                name,
                type,
                nestedType,
                isRequired,
                isOptional,
                isComputed,
                isSensitive,
                isDeprecated,
                description,
                true,
                defaultValue);
    }

    private SchemaAttribute with(boolean required, boolean optional, boolean computed, Value defaultTo) {
        return new SchemaAttribute(
                name,
                type,
                nestedType,
                required,
                optional,
                computed,
                isSensitive,
                isDeprecated,
                description,
                isForceNew,
                defaultTo);
    }
}
