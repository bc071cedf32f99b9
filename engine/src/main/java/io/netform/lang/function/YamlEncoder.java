package io.netform.lang.function;

import io.netform.value.BigFloat;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.Map;

/**
 * YAML as Terraform's yamlencode writes it (go-cty-yaml on the libyaml emitter): block style,
 * keys and strings double-quoted and folded past column 80, multi-line strings as literal blocks,
 * and a document end marker after a plain scalar at the top.
 */
final class YamlEncoder {
    private static final int BEST_INDENT = 2;
    private static final int BEST_WIDTH = 80;
    private final StringBuilder out = new StringBuilder();
    /** libyaml ends the document with "..." when its last scalar could otherwise run on. */
    private boolean openEnded;

    private YamlEncoder() {}

    /** The YAML document for a wholly known, unmarked value. */
    static String encode(Value v) {
        YamlEncoder e = new YamlEncoder();
        e.node(v, 0);
        boolean plainAtRoot = v.isNull() || v.type() == Type.NUMBER || v.type() == Type.BOOL;
        if (plainAtRoot || e.openEnded) {
            e.out.append("...\n");
        }
        return e.out.toString();
    }

    private static boolean isKeyed(Value v) {
        return !v.isNull()
                && (v.type() instanceof Type.MapType || v.type() instanceof Type.ObjectType)
                && !v.asMap().isEmpty();
    }

    private static boolean isSequence(Value v) {
        Type t = v.type();
        return !v.isNull()
                && (t instanceof Type.ListType || t instanceof Type.SetType || t instanceof Type.TupleType)
                && !v.elements().isEmpty();
    }

    /** Writes {@code v} from the current position; its block lines start at column {@code indent}. */
    private void node(Value v, int indent) {
        if (isKeyed(v)) {
            boolean first = true;
            for (Map.Entry<String, Value> e : v.asMap().entrySet()) {
                startLine(first, indent);
                first = false;
                openEnded = false;
                out.append(doubleQuoted(e.getKey(), indent, false)).append(':');
                Value child = e.getValue();
                if (isKeyed(child)) {
                    out.append('\n').append(" ".repeat(indent + BEST_INDENT));
                    node(child, indent + BEST_INDENT);
                } else if (isSequence(child)) {
                    out.append('\n').append(" ".repeat(indent));
                    node(child, indent);
                } else {
                    out.append(' ');
                    scalar(child, indent + BEST_INDENT);
                }
            }
        } else if (isSequence(v)) {
            boolean first = true;
            for (Value e : v.elements()) {
                startLine(first, indent);
                first = false;
                out.append("- ");
                if (isKeyed(e) || isSequence(e)) {
                    node(e, indent + BEST_INDENT);
                } else {
                    scalar(e, indent + BEST_INDENT);
                }
            }
        } else {
            scalar(v, Math.max(indent, BEST_INDENT));
        }
    }

    private void startLine(boolean first, int indent) {
        if (!first) {
            out.append(" ".repeat(indent));
        }
    }

    /** A scalar and its line end; {@code indent} is where continuation lines start. */
    private void scalar(Value v, int indent) {
        openEnded = false;
        if (v.isNull()) {
            out.append("null");
        } else if (v.type() == Type.NUMBER) {
            BigFloat n = v.asBigFloat();
            // YAML's own infinities, which yamldecode reads back
            out.append(n.isInfinite() ? (n.isNegative() ? "-.inf" : ".inf") : n.text());
        } else if (v.type() == Type.BOOL) {
            out.append(v.asBoolean());
        } else if (v.type() == Type.STRING) {
            String s = v.asString();
            out.append(s.contains("\n") && literalAllowed(s) ? literal(s, indent) : doubleQuoted(s, indent, true));
        } else {
            out.append(v.type() instanceof Type.MapType || v.type() instanceof Type.ObjectType ? "{}" : "[]");
        }
        out.append('\n');
    }

    /** libyaml refuses block style for text with a space before a break or at the end, or unprintables. */
    private static boolean literalAllowed(String s) {
        return !s.contains(" \n") && !s.endsWith(" ") && s.codePoints().allMatch(YamlEncoder::isPrintable);
    }

    private String literal(String s, int indent) {
        String chomping = s.endsWith("\n") ? (s.endsWith("\n\n") || s.equals("\n") ? "+" : "") : "-";
        openEnded = chomping.equals("+");
        String hint = s.startsWith(" ") || s.startsWith("\n") ? Integer.toString(BEST_INDENT) : "";
        String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        StringBuilder block = new StringBuilder("|").append(hint).append(chomping);
        for (String line : body.split("\n", -1)) {
            block.append('\n').append(line.isEmpty() ? "" : " ".repeat(indent) + line);
        }
        return block.toString();
    }

    /**
     * libyaml's double-quoted style: escapes for the unprintable, and, where breaks are allowed, a
     * space past column 80 becomes a line break indented to {@code indent}.
     */
    private String doubleQuoted(String s, int indent, boolean allowBreaks) {
        int column = out.length() - out.lastIndexOf("\n") - 1;
        StringBuilder q = new StringBuilder("\"");
        column++;
        int[] cps = s.codePoints().toArray();
        boolean afterSpace = false;
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            if (cp == ' ') {
                if (allowBreaks && !afterSpace && column > BEST_WIDTH && i != 0 && i != cps.length - 1) {
                    q.append('\n').append(" ".repeat(indent));
                    column = indent;
                    if (cps[i + 1] == ' ') {
                        q.append('\\');
                        column++;
                    }
                } else {
                    q.append(' ');
                    column++;
                }
                afterSpace = true;
                continue;
            }
            String escaped = escape(cp);
            q.append(escaped);
            column += escaped.codePointCount(0, escaped.length());
            afterSpace = false;
        }
        return q.append('"').toString();
    }

    private static String escape(int cp) {
        return switch (cp) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case 0 -> "\\0";
            case 0x07 -> "\\a";
            case 0x08 -> "\\b";
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case 0x0B -> "\\v";
            case 0x0C -> "\\f";
            case '\r' -> "\\r";
            case 0x1B -> "\\e";
            case 0x85 -> "\\N";
            case 0x2028 -> "\\L";
            case 0x2029 -> "\\P";
            default ->
                !isPrintable(cp)
                        ? (cp <= 0xFF
                                ? String.format("\\x%02X", cp)
                                : cp <= 0xFFFF ? String.format("\\u%04X", cp) : String.format("\\U%08X", cp))
                        : new String(Character.toChars(cp));
        };
    }

    /**
     * What libyaml writes unescaped: line feeds, printable ASCII and the rest of the Basic
     * Multilingual Plane but for surrogates and the byte order mark. Characters beyond it, such as
     * emoji, are escaped, as go-yaml does.
     */
    private static boolean isPrintable(int cp) {
        return cp == '\n'
                || (cp >= 0x20 && cp <= 0x7E)
                || (cp >= 0xA0 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD && cp != 0xFEFF);
    }
}
