package io.netform.value;

import java.util.StringJoiner;

/** Renders values for messages and debugging, never showing what a sensitive value holds. */
final class ValueText {
    private ValueText() {}

    static String render(Value v) {
        if (v.isSensitive()) {
            return "(sensitive value)";
        }
        String text = renderUnmarked(v);
        return v.isMarked() ? text + " (marked " + v.marks() + ")" : text;
    }

    private static String renderUnmarked(Value v) {
        if (!v.isKnown()) {
            String refinement = v.refinement().isNone() ? "" : ", " + v.refinement();
            return "unknown(" + v.type().friendlyName() + refinement + ")";
        }
        if (v.isNull()) {
            return "null(" + v.type().friendlyName() + ")";
        }
        Type type = v.type();
        if (type == Type.STRING) {
            return Value.quote(v.asString());
        }
        if (type == Type.NUMBER) {
            return v.asBigFloat().text();
        }
        if (type == Type.BOOL) {
            return Boolean.toString(v.asBoolean());
        }
        if (type instanceof Type.MapType || type instanceof Type.ObjectType) {
            boolean isObject = type instanceof Type.ObjectType;
            StringJoiner entries = new StringJoiner(", ", "{", "}");
            v.asMap().forEach((k, e) -> entries.add((isObject ? k : Value.quote(k)) + " = " + render(e)));
            return entries.toString();
        }
        StringJoiner elements = new StringJoiner(", ", "[", "]");
        v.elements().forEach(e -> elements.add(render(e)));
        return type instanceof Type.SetType ? "toset(" + elements + ")" : elements.toString();
    }
}
