package io.netform.cli;

import io.netform.value.Type;
import java.util.List;
import java.util.Map;

/**
 * A type as {@code netform console} prints what type() returns, in Terraform's console format: type
 * expressions, with objects and tuples one member per line (attributes by name, {@code name: type}),
 * indented four spaces per level, and a collection of them opened on a line of its own.
 */
final class ConsoleTypeFormat {

    private static final String INDENT = "    ";

    private ConsoleTypeFormat() {}

    /** {@code type} written at nesting {@code level}. */
    static String format(Type type, int level) {
        if (type instanceof Type.ObjectType object) {
            return object(object.attributeTypes(), level);
        }
        if (type instanceof Type.TupleType tuple) {
            return tuple(tuple.elementTypes(), level);
        }
        if (type.isCollection()) {
            return collection(type, level);
        }
        return type.friendlyName();
    }

    private static String object(Map<String, Type> attributes, int level) {
        if (attributes.isEmpty()) {
            return "object({})";
        }
        StringBuilder out = new StringBuilder("object({\n");
        String pad = INDENT.repeat(level + 1);
        attributes.forEach((name, type) -> out.append(pad)
                .append(name)
                .append(": ")
                .append(format(type, level + 1))
                .append(",\n"));
        return out.append(INDENT.repeat(level)).append("})").toString();
    }

    private static String tuple(List<Type> elements, int level) {
        if (elements.isEmpty()) {
            return "tuple([])";
        }
        StringBuilder out = new StringBuilder("tuple([\n");
        String pad = INDENT.repeat(level + 1);
        elements.forEach(type -> out.append(pad).append(format(type, level + 1)).append(",\n"));
        return out.append(INDENT.repeat(level)).append("])").toString();
    }

    /** A list, set or map; one of objects or tuples starts on its own line so that the collection stands out. */
    private static String collection(Type type, int level) {
        String kind = type instanceof Type.ListType ? "list(" : type instanceof Type.SetType ? "set(" : "map(";
        Type element = type.elementType();
        if (!(element instanceof Type.ObjectType || element instanceof Type.TupleType)) {
            return kind + format(element, level) + ")";
        }
        return kind + "\n" + INDENT.repeat(level + 1) + format(element, level + 1) + ",\n" + INDENT.repeat(level) + ")";
    }
}
