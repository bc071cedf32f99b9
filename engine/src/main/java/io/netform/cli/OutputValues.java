package io.netform.cli;

import io.netform.value.Type;
import io.netform.value.Value;
import java.util.Map;

/** Shows output values after an apply the way Terraform does: HCL-like, sensitive ones as {@code <sensitive>}. */
final class OutputValues {

    private OutputValues() {}

    /** The {@code Outputs:} section, or an empty string when there are none. */
    static String render(Map<String, Value> outputs, Map<String, Boolean> sensitive, Ui ui) {
        if (outputs.isEmpty()) {
            return "";
        }
        StringBuilder out =
                new StringBuilder("\n").append(ui.green(ui.bold("Outputs:"))).append("\n\n");
        outputs.forEach((name, v) -> out.append(name)
                .append(" = ")
                .append(Boolean.TRUE.equals(sensitive.get(name)) || v.containsMarks() ? "<sensitive>" : format(v, 0))
                .append('\n'));
        return out.toString();
    }

    static String format(Value v, int indent) {
        if (!v.isKnown()) {
            return "(known after apply)";
        }
        if (v.isNull()) {
            return "null";
        }
        Type t = v.type();
        if (t == Type.STRING) {
            return DiffWriter.goQuote(v.asString());
        }
        if (t == Type.NUMBER) {
            return v.asBigFloat().text();
        }
        if (t == Type.BOOL) {
            return Boolean.toString(v.asBoolean());
        }
        String pad = "  ".repeat(indent + 1);
        StringBuilder out = new StringBuilder();
        if (t instanceof Type.MapType || t instanceof Type.ObjectType) {
            if (v.asMap().isEmpty()) {
                return "{}";
            }
            out.append("{\n");
            v.asMap()
                    .forEach((k, e) -> out.append(pad)
                            .append(DiffWriter.goQuote(k))
                            .append(" = ")
                            .append(format(e, indent + 1))
                            .append('\n'));
            return out.append("  ".repeat(indent)).append('}').toString();
        }
        if (v.elements().isEmpty()) {
            return t instanceof Type.SetType ? "toset([])" : "[]";
        }
        out.append(t instanceof Type.SetType ? "toset([\n" : "[\n");
        v.elements().forEach(e -> out.append(pad).append(format(e, indent + 1)).append(",\n"));
        return out.append("  ".repeat(indent))
                .append(t instanceof Type.SetType ? "])" : "]")
                .toString();
    }
}
