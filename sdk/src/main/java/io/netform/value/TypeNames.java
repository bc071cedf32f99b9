package io.netform.value;

/**
 * The English names cty gives types in messages ({@code list of string}, {@code object}), as
 * opposed to {@link Type#friendlyName()}, which is the type-expression form ({@code list(string)}).
 */
public final class TypeNames {
    private TypeNames() {}

    /** The name of a value's type, e.g. {@code list of string} or {@code dynamic}. */
    public static String ofValueType(Type type) {
        return name(type, false);
    }

    /**
     * The name of a wanted type, where dynamic means "anything": {@code any type}, and a collection
     * of it {@code list of any single type}.
     */
    public static String ofConstraint(Type type) {
        return name(type, true);
    }

    private static String name(Type type, boolean constraint) {
        if (type == Type.DYNAMIC) {
            return constraint ? "any type" : "dynamic";
        }
        if (type.isPrimitive()) {
            return type.friendlyName();
        }
        if (type instanceof Type.ObjectType) {
            return "object";
        }
        if (type instanceof Type.TupleType) {
            return "tuple";
        }
        String kind = type instanceof Type.ListType ? "list" : type instanceof Type.SetType ? "set" : "map";
        Type element = type.elementType();
        return kind + " of " + (constraint && element == Type.DYNAMIC ? "any single type" : name(element, constraint));
    }
}
