package io.netform.lang.function;

/** Go's ways of writing text into messages, which Terraform's error messages use. */
final class GoText {
    private GoText() {}

    /** Go's {@code %q} of a string: double quotes, backslash escapes for the unprintable. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> appendEscaped(out, cp, '"'));
        return out.append('"').toString();
    }

    /** Go's {@code %q} of a rune: single quotes. */
    static String quoteRune(int cp) {
        StringBuilder out = new StringBuilder().append('\'');
        appendEscaped(out, cp, '\'');
        return out.append('\'').toString();
    }

    private static void appendEscaped(StringBuilder out, int cp, char quote) {
        switch (cp) {
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x07 -> out.append("\\a");
            case 0x08 -> out.append("\\b");
            case 0x0C -> out.append("\\f");
            case 0x0B -> out.append("\\v");
            default -> {
                if (cp == quote) {
                    out.append('\\').append(quote);
                } else if (cp < 0x20 || cp == 0x7F) {
                    out.append(String.format("\\x%02x", cp));
                } else if (!isPrintable(cp)) {
                    out.append(cp > 0xFFFF ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp));
                } else {
                    out.appendCodePoint(cp);
                }
            }
        }
    }

    private static boolean isPrintable(int cp) {
        int type = Character.getType(cp);
        return type != Character.CONTROL
                && type != Character.FORMAT
                && type != Character.UNASSIGNED
                && type != Character.SURROGATE
                && type != Character.PRIVATE_USE
                && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR
                && (type != Character.SPACE_SEPARATOR || cp == ' ');
    }
}
