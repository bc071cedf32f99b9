package io.netform.cli;

import io.netform.value.Type;
import io.netform.value.Value;
import java.util.List;
import java.util.Map;

/**
 * A value as {@code netform console} prints it, in Terraform's console format: language syntax, with
 * the conversion functions that say exactly which type a collection or a null has ({@code tolist([...])},
 * {@code tostring(null)}), multi-line strings as heredocs, and unknown and sensitive values named.
 */
final class ConsoleValueFormat {

    private ConsoleValueFormat() {}

    /** {@code value} written at {@code indent} spaces of nesting. */
    static String format(Value value, int indent) {
        if (!value.isKnown()) {
            return "(known after apply)";
        }
        if (value.isSensitive()) {
            return "(sensitive value)";
        }
        Type type = value.type();
        if (value.isNull()) {
            return formatNull(type);
        }
        if (type == Type.STRING) {
            return string(value.asString(), indent);
        }
        if (type == Type.NUMBER) {
            return value.asBigFloat().text();
        }
        if (type == Type.BOOL) {
            return Boolean.toString(value.asBoolean());
        }
        if (type instanceof Type.ObjectType) {
            return mapping(value.asMap(), indent);
        }
        if (type instanceof Type.MapType) {
            return "tomap(" + mapping(value.asMap(), indent) + ")";
        }
        if (type instanceof Type.ListType) {
            return "tolist(" + sequence(value.elements(), indent) + ")";
        }
        if (type instanceof Type.SetType) {
            return "toset(" + sequence(value.elements(), indent) + ")";
        }
        return sequence(value.elements(), indent);
    }

    private static String formatNull(Type type) {
        if (type == Type.DYNAMIC) {
            return "null";
        }
        if (type == Type.STRING) {
            return "tostring(null)";
        }
        if (type == Type.NUMBER) {
            return "tonumber(null)";
        }
        if (type == Type.BOOL) {
            return "tobool(null)";
        }
        if (type instanceof Type.ListType l) {
            return "tolist(null) /* of " + l.elementType().friendlyName() + " */";
        }
        if (type instanceof Type.SetType s) {
            return "toset(null) /* of " + s.elementType().friendlyName() + " */";
        }
        if (type instanceof Type.MapType m) {
            return "tomap(null) /* of " + m.elementType().friendlyName() + " */";
        }
        return "null /* " + type.friendlyName() + " */";
    }

    /** A quoted string, or a heredoc when it has more than one line (indented, inside a collection). */
    private static String string(String s, int indent) {
        String[] lines = s.split("\n", -1);
        if (lines.length < 2) {
            return DiffWriter.goQuote(s);
        }
        String delimiter = "EOT";
        while (hasLine(lines, delimiter)) {
            delimiter += "_";
        }
        String pad = " ".repeat(indent);
        StringBuilder out = new StringBuilder(indent > 0 ? "<<-" : "<<").append(delimiter);
        for (String line : lines) {
            out.append('\n').append(pad).append(line);
        }
        return out.append('\n').append(pad).append(delimiter).toString();
    }

    private static boolean hasLine(String[] lines, String delimiter) {
        for (String line : lines) {
            if (line.strip().equals(delimiter)) {
                return true;
            }
        }
        return false;
    }

    private static String mapping(Map<String, Value> entries, int indent) {
        StringBuilder out = new StringBuilder("{");
        String pad = " ".repeat(indent + 2);
        entries.forEach((k, v) -> out.append('\n')
                .append(pad)
                .append(DiffWriter.goQuote(k))
                .append(" = ")
                .append(format(v, indent + 2)));
        if (!entries.isEmpty()) {
            out.append('\n').append(" ".repeat(indent));
        }
        return out.append('}').toString();
    }

    private static String sequence(List<Value> elements, int indent) {
        StringBuilder out = new StringBuilder("[");
        String pad = " ".repeat(indent + 2);
        elements.forEach(
                v -> out.append('\n').append(pad).append(format(v, indent + 2)).append(','));
        if (!elements.isEmpty()) {
            out.append('\n').append(" ".repeat(indent));
        }
        return out.append(']').toString();
    }
}
