package io.netform.hcl;

import java.text.Normalizer;

/**
 * Turns the source text of a template literal into its value: backslash escapes (quoted strings
 * only) and the {@code $${} / {@code %%{} escapes, then Unicode NFC normalisation as HCL does.
 */
final class EscapeDecoder {
    private final TokenCursor c;

    EscapeDecoder(TokenCursor cursor) {
        this.c = cursor;
    }

    String decode(TemplateItem item) {
        String raw = item.raw;
        String decoded = needsDecoding(raw, item.quoted) ? decodeEscapes(raw, item.quoted, item.rawOffset) : raw;
        return isAscii(decoded) ? decoded : Normalizer.normalize(decoded, Normalizer.Form.NFC);
    }

    private static boolean needsDecoding(String raw, boolean quoted) {
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if ((ch == '\\' && quoted) || ch == '$' || ch == '%') {
                return true;
            }
        }
        return false;
    }

    private String decodeEscapes(String raw, boolean quoted, int offset) {
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char ch = raw.charAt(i);
            if ((ch == '$' || ch == '%') && raw.startsWith(ch == '$' ? "$${" : "%%{", i)) {
                out.append(ch).append('{');
                i += 3;
            } else if (ch == '\\' && quoted) {
                i = decodeBackslash(raw, i, offset, out);
            } else {
                out.append(ch);
                i++;
            }
        }
        return out.toString();
    }

    /** Decodes the escape starting at {@code raw[i]} (a backslash); returns the index after it. */
    private int decodeBackslash(String raw, int i, int offset, StringBuilder out) {
        if (i + 1 >= raw.length()) {
            c.error(
                    c.range(offset + i, offset + i + 1),
                    "Invalid escape sequence",
                    "A backslash must be followed by an escape sequence selector; write \\\\ for a literal backslash.");
            return i + 1;
        }
        char selector = raw.charAt(i + 1);
        switch (selector) {
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case '"' -> out.append('"');
            case '\\' -> out.append('\\');
            case 'u' -> {
                return decodeUnicode(raw, i, 4, offset, out);
            }
            case 'U' -> {
                return decodeUnicode(raw, i, 8, offset, out);
            }
            default ->
                c.error(
                        c.range(offset + i, offset + i + 2),
                        "Invalid escape sequence",
                        "The symbol \"" + selector + "\" is not a valid escape sequence selector.");
        }
        return i + 2;
    }

    private int decodeUnicode(String raw, int i, int digits, int offset, StringBuilder out) {
        int start = i + 2;
        int end = start;
        while (end < raw.length() && end - start < digits && Character.digit(raw.charAt(end), 16) >= 0) {
            end++;
        }
        String name = digits == 4 ? "\\u" : "\\U";
        if (end - start != digits) {
            c.error(
                    c.range(offset + i, offset + end),
                    "Invalid escape sequence",
                    "The " + name + " escape sequence must be followed by " + (digits == 4 ? "four" : "eight")
                            + " hexadecimal digits.");
            return end;
        }
        long codePoint = Long.parseLong(raw, start, end, 16);
        if (codePoint > Character.MAX_CODE_POINT || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
            c.error(
                    c.range(offset + i, offset + end),
                    "Invalid escape sequence",
                    "The escape sequence " + raw.substring(i, end) + " does not name a valid Unicode character.");
            return end;
        }
        out.appendCodePoint((int) codePoint);
        return end;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
