package io.netform.hcl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON document (RFC 8259) into {@link JsonNode}s that know their source ranges, so a
 * configuration written as JSON gets diagnostics at its own lines and columns. Stops at the first
 * syntax error, which it reports in HCL's words.
 */
final class JsonReader {

    /** Thrown to unwind after the first syntax error has been recorded. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private final SourceFile source;
    private final char[] chars;
    private final List<Diagnostic> diagnostics;
    private int pos;

    private JsonReader(SourceFile source, List<Diagnostic> diagnostics) {
        this.source = source;
        this.chars = source.chars();
        this.diagnostics = diagnostics;
    }

    /** The document's single value, or null after reporting a syntax error. */
    static JsonNode read(SourceFile source, List<Diagnostic> diagnostics) {
        JsonReader reader = new JsonReader(source, diagnostics);
        try {
            reader.skipSpace();
            JsonNode value = reader.value();
            reader.skipSpace();
            if (reader.pos < reader.chars.length) {
                reader.fail(
                        reader.pos,
                        reader.pos + 1,
                        "Extraneous data after value",
                        "Extra characters appear after the JSON value.");
            }
            return value;
        } catch (Stop stop) {
            return null;
        }
    }

    private JsonNode value() {
        if (pos >= chars.length) {
            fail(
                    pos,
                    pos,
                    "Missing JSON value",
                    "A JSON value must start with a brace, a bracket, a number, a string, " + "or a keyword.");
        }
        char c = chars[pos];
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't', 'f', 'n' -> keyword();
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                yield fail(
                        pos,
                        pos + 1,
                        "Invalid start of value",
                        "A JSON value must start with a brace, a " + "bracket, a number, a string, or a keyword.");
            }
        };
    }

    private JsonNode.Obj object() {
        int start = pos++;
        List<JsonNode.Property> properties = new ArrayList<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return new JsonNode.Obj(properties, source.range(start, pos));
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                if (peek() == '}' && !properties.isEmpty()) {
                    fail(
                            pos,
                            pos + 1,
                            "Trailing comma in object",
                            "JSON does not permit a trailing comma after " + "the final property in an object.");
                }
                fail(pos, pos + 1, "Invalid object property name", "A JSON object property name must be a string.");
            }
            JsonNode.Str name = string();
            skipSpace();
            if (peek() != ':') {
                fail(
                        pos,
                        pos + 1,
                        "Missing property value colon",
                        "JSON uses a colon as its name/value delimiter, " + "not an equals sign or anything else.");
            }
            pos++;
            skipSpace();
            properties.add(new JsonNode.Property(name, value()));
            skipSpace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == '}') {
                pos++;
                return new JsonNode.Obj(properties, source.range(start, pos));
            } else if (c == 0) {
                fail(start, start + 1, "Unclosed object", "No closing brace was found for this JSON object.");
            } else {
                fail(
                        pos,
                        pos + 1,
                        "Missing attribute seperator comma",
                        "A comma must appear between each property " + "definition in an object.");
            }
        }
    }

    private JsonNode.Array array() {
        int start = pos++;
        List<JsonNode> elements = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return new JsonNode.Array(elements, source.range(start, pos));
        }
        while (true) {
            skipSpace();
            if (peek() == ']') {
                fail(
                        pos,
                        pos + 1,
                        "Trailing comma in array",
                        "JSON does not permit a trailing comma after the final " + "value in an array.");
            }
            elements.add(value());
            skipSpace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == ']') {
                pos++;
                return new JsonNode.Array(elements, source.range(start, pos));
            } else if (c == 0) {
                fail(start, start + 1, "Unclosed array", "No closing bracket was found for this JSON array.");
            } else {
                fail(
                        pos,
                        pos + 1,
                        "Missing array element separator comma",
                        "A comma must appear between each value " + "in an array.");
            }
        }
    }

    private JsonNode.Str string() {
        int start = pos++;
        StringBuilder text = new StringBuilder();
        while (true) {
            if (pos >= chars.length || chars[pos] == '\n') {
                fail(start, pos, "Invalid JSON string", "The string is not terminated before the end of its line.");
            }
            char c = chars[pos];
            if (c == '"') {
                pos++;
                return new JsonNode.Str(text.toString(), source.positionAt(start + 1), source.range(start, pos));
            }
            if (c < 0x20) {
                fail(pos, pos + 1, "Invalid JSON string", "Control characters must be escaped in a JSON string.");
            }
            if (c != '\\') {
                text.append(c);
                pos++;
                continue;
            }
            char e = pos + 1 < chars.length ? chars[pos + 1] : 0;
            switch (e) {
                case '"', '\\', '/' -> text.append(e);
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> {
                    text.append(unicodeEscape(pos));
                    pos += 4;
                }
                default ->
                    fail(
                            pos,
                            pos + 2,
                            "Invalid JSON string",
                            "The escape sequence \\" + e + " is not valid " + "in a JSON string.");
            }
            pos += 2;
        }
    }

    private char unicodeEscape(int at) {
        if (at + 6 > chars.length) {
            fail(at, chars.length, "Invalid JSON string", "A \\u escape must be followed by four hexadecimal digits.");
        }
        String hex = new String(chars, at + 2, 4);
        if (!hex.matches("[0-9a-fA-F]{4}")) {
            fail(at, at + 6, "Invalid JSON string", "A \\u escape must be followed by four hexadecimal digits.");
        }
        return (char) Integer.parseInt(hex, 16);
    }

    private JsonNode number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        while (pos < chars.length && "0123456789.eE+-".indexOf(chars[pos]) >= 0) {
            pos++;
        }
        String text = new String(chars, start, pos - start);
        if (!text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            fail(start, pos, "Invalid JSON number", "There is a syntax error in the given JSON number.");
        }
        return new JsonNode.Num(new BigDecimal(text), source.range(start, pos));
    }

    private JsonNode keyword() {
        int start = pos;
        while (pos < chars.length && Character.isLetterOrDigit(chars[pos])) {
            pos++;
        }
        String word = new String(chars, start, pos - start);
        SourceRange range = source.range(start, pos);
        return switch (word) {
            case "true" -> new JsonNode.Bool(true, range);
            case "false" -> new JsonNode.Bool(false, range);
            case "null" -> new JsonNode.Null(range);
            default ->
                fail(
                        start,
                        pos,
                        "Invalid JSON keyword",
                        "The keyword \"" + word + "\" is not valid: JSON's " + "keywords are true, false and null.");
        };
    }

    private void skipSpace() {
        while (pos < chars.length
                && (chars[pos] == ' ' || chars[pos] == '\t' || chars[pos] == '\n' || chars[pos] == '\r')) {
            pos++;
        }
    }

    private char peek() {
        return pos < chars.length ? chars[pos] : 0;
    }

    private JsonNode fail(int start, int end, String summary, String detail) {
        diagnostics.add(Diagnostic.error(summary, detail, source.range(start, Math.min(end, chars.length))));
        throw new Stop();
    }
}
