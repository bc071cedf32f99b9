package io.netform.lang.function;

import io.netform.value.BigFloat;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as jsonencode writes it (Go's escaping, keys in order, numbers in plain decimal) and as
 * jsondecode reads it (objects become objects, arrays tuples, null a dynamic null), with Go's
 * syntax error wording.
 */
final class JsonText {
    private final String text;
    private int pos;

    private JsonText(String text) {
        this.text = text;
    }

    /** The JSON of a wholly known, unmarked value; JSON has no infinity, so cty refuses it. */
    static String encode(Value v) throws FunctionException {
        StringBuilder out = new StringBuilder();
        write(out, v);
        return out.toString();
    }

    private static void write(StringBuilder out, Value v) throws FunctionException {
        Type type = v.type();
        if (v.isNull()) {
            out.append("null");
        } else if (type == Type.STRING) {
            writeString(out, v.asString());
        } else if (type == Type.NUMBER) {
            if (v.asBigFloat().isInfinite()) {
                throw new FunctionException("cannot serialize infinity as JSON");
            }
            out.append(v.asBigFloat().text());
        } else if (type == Type.BOOL) {
            out.append(v.asBoolean());
        } else if (type instanceof Type.MapType || type instanceof Type.ObjectType) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Value> e : v.asMap().entrySet()) {
                out.append(first ? "" : ",");
                writeString(out, e.getKey());
                out.append(':');
                write(out, e.getValue());
                first = false;
            }
            out.append('}');
        } else {
            out.append('[');
            List<Value> elements = v.elements();
            for (int i = 0; i < elements.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(out, elements.get(i));
            }
            out.append(']');
        }
    }

    /** Go's encoding/json string form, which also escapes HTML-significant characters. */
    static void writeString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Parses JSON text into a value of the type the JSON implies. */
    static Value decode(String text) throws FunctionException {
        JsonText parser = new JsonText(text);
        parser.skipSpace();
        Value v = parser.value();
        parser.skipSpace();
        if (parser.pos < text.length()) {
            throw parser.invalid("after top-level value");
        }
        return v;
    }

    private Value value() throws FunctionException {
        if (pos >= text.length()) {
            throw new FunctionException("unexpected end of JSON input");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> Value.string(string());
            case 't' -> literal("true", Value.TRUE);
            case 'f' -> literal("false", Value.FALSE);
            case 'n' -> literal("null", Value.nullOf(Type.DYNAMIC));
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw invalid("looking for beginning of value");
            }
        };
    }

    private Value object() throws FunctionException {
        pos++;
        Map<String, Value> attributes = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return Value.object(attributes);
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw invalidOrEnd("looking for beginning of object key string");
            }
            String key = string();
            skipSpace();
            if (peek() != ':') {
                throw invalidOrEnd("after object key");
            }
            pos++;
            skipSpace();
            Value v = value();
            if (attributes.put(key, v) != null) {
                throw new FunctionException("duplicate " + GoText.quote(key) + " property in JSON object");
            }
            skipSpace();
            char c = peek();
            pos++;
            if (c == '}') {
                return Value.object(attributes);
            }
            if (c != ',') {
                pos--;
                throw invalidOrEnd("after object key:value pair");
            }
        }
    }

    private Value array() throws FunctionException {
        pos++;
        List<Value> elements = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return Value.tuple(elements);
        }
        while (true) {
            skipSpace();
            elements.add(value());
            skipSpace();
            char c = peek();
            pos++;
            if (c == ']') {
                return Value.tuple(elements);
            }
            if (c != ',') {
                pos--;
                throw invalidOrEnd("after array element");
            }
        }
    }

    private String string() throws FunctionException {
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new FunctionException("unexpected end of JSON input");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                pos--;
                throw invalid("in string literal");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw new FunctionException("unexpected end of JSON input");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length() || !text.substring(pos, pos + 4).matches("[0-9a-fA-F]{4}")) {
                        throw pos + 4 > text.length()
                                ? new FunctionException("unexpected end of JSON input")
                                : invalidAt(firstNonHex(), "in \\u hexadecimal character escape");
                    }
                    out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> {
                    pos--;
                    throw invalid("in string escape code");
                }
            }
        }
    }

    private int firstNonHex() {
        int i = pos;
        while (Character.digit(text.charAt(i), 16) >= 0) {
            i++;
        }
        return i;
    }

    private Value number() throws FunctionException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (Character.isDigit(peek())) {
            digits();
        } else {
            throw invalidOrEnd("in numeric literal");
        }
        if (peek() == '.') {
            pos++;
            if (!Character.isDigit(peek())) {
                throw invalidOrEnd("after decimal point in numeric literal");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!Character.isDigit(peek())) {
                throw invalidOrEnd("in exponent of numeric literal");
            }
            digits();
        }
        return Value.number(BigFloat.parse(text.substring(start, pos)));
    }

    private void digits() {
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
    }

    private Value literal(String word, Value v) throws FunctionException {
        for (int i = 0; i < word.length(); i++) {
            if (pos + i >= text.length()) {
                throw new FunctionException("unexpected end of JSON input");
            }
            if (text.charAt(pos + i) != word.charAt(i)) {
                throw invalidAt(
                        pos + i, "in literal " + word + " (expecting " + GoText.quoteRune(word.charAt(i)) + ")");
            }
        }
        pos += word.length();
        return v;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private FunctionException invalidOrEnd(String context) {
        return pos >= text.length() ? new FunctionException("unexpected end of JSON input") : invalid(context);
    }

    private FunctionException invalid(String context) {
        return invalidAt(pos, context);
    }

    private FunctionException invalidAt(int at, String context) {
        int cp = text.codePointAt(at);
        String shown = cp == '\'' ? "'\\''" : cp == '"' ? "'\"'" : GoText.quoteRune(cp);
        return new FunctionException("invalid character " + shown + " " + context);
    }
}
