package io.netform.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text cty orders set elements by when they are not strings, numbers or bools: its set hash
 * serialization ({@code [e;e;]} for lists and sets, {@code {"k":v;}} for maps, {@code <v;v;>} for
 * objects by attribute name and for tuples, strings quoted as Go's %q quotes, numbers as Go's
 * big.Float String, {@code T}/{@code F}, {@code ~} for null, {@code ?} for unknown). Terraform shows
 * and stores such sets in this order, so Netform keeps them in it too.
 */
final class SetOrderKey {
    private static final MathContext TEN_DIGITS = new MathContext(10, RoundingMode.HALF_EVEN);

    private SetOrderKey() {}

    static String of(Value v) {
        StringBuilder out = new StringBuilder();
        append(v, out);
        return out.toString();
    }

    private static void append(Value v, StringBuilder out) {
        if (!v.isKnown()) {
            out.append('?');
            return;
        }
        if (v.isNull()) {
            out.append('~');
            return;
        }
        Type t = v.type();
        if (t == Type.NUMBER) {
            out.append(number(v.asBigFloat()));
        } else if (t == Type.BOOL) {
            out.append(v.asBoolean() ? 'T' : 'F');
        } else if (t == Type.STRING) {
            quote(v.asString(), out);
        } else if (t instanceof Type.MapType) {
            out.append('{');
            v.asMap().forEach((k, e) -> {
                quote(k, out);
                out.append(':');
                append(e, out);
                out.append(';');
            });
            out.append('}');
        } else if (t instanceof Type.ObjectType) {
            out.append('<');
            for (Value e : new TreeMap<>(v.asMap()).values()) {
                append(e, out);
                out.append(';');
            }
            out.append('>');
        } else {
            boolean tuple = t instanceof Type.TupleType;
            out.append(tuple ? '<' : '[');
            for (Value e : v.elements()) {
                append(e, out);
                out.append(';');
            }
            out.append(tuple ? '>' : ']');
        }
    }

    /** Go's big.Float String: %g with 10 significant digits of the exact value, rounded half to even. */
    static String number(BigFloat n) {
        return n.isInfinite() || n.isZero() ? n.text() : number(n.exactDecimal());
    }

    static String number(BigDecimal n) {
        if (n.signum() == 0) {
            return "0";
        }
        BigDecimal r = n.round(TEN_DIGITS).stripTrailingZeros();
        String digits = r.unscaledValue().abs().toString();
        int exp = digits.length() - r.scale(); // the value is 0.DIGITS times 10^exp
        int precision = 10;
        int ePrecision = precision > digits.length() && digits.length() >= exp ? digits.length() : precision;
        StringBuilder out = new StringBuilder(r.signum() < 0 ? "-" : "");
        int x = exp - 1;
        if (x < -4 || x >= ePrecision) {
            int fraction = Math.min(precision, digits.length()) - 1;
            out.append(digits.charAt(0));
            if (fraction > 0) {
                out.append('.').append(digits, 1, fraction + 1);
            }
            out.append('e').append(x < 0 ? '-' : '+');
            if (Math.abs(x) < 10) {
                out.append('0');
            }
            return out.append(Math.abs(x)).toString();
        }
        int fraction = Math.max((precision > exp ? digits.length() : precision) - exp, 0);
        if (exp > 0) {
            out.append(digits, 0, Math.min(digits.length(), exp));
            out.append("0".repeat(Math.max(0, exp - digits.length())));
        } else {
            out.append('0');
        }
        if (fraction > 0) {
            out.append('.');
            for (int i = 0; i < fraction; i++) {
                int j = exp + i;
                out.append(j >= 0 && j < digits.length() ? digits.charAt(j) : '0');
            }
        }
        return out.toString();
    }

    private static final Map<Integer, String> ESCAPES = Map.of(
            7,
            "\\a",
            8,
            "\\b",
            12,
            "\\f",
            10,
            "\\n",
            13,
            "\\r",
            9,
            "\\t",
            11,
            "\\v",
            (int) '"',
            "\\\"",
            (int) '\\',
            "\\\\");

    /** Go's strconv.Quote. */
    static void quote(String s, StringBuilder out) {
        out.append('"');
        s.codePoints().forEach(c -> {
            String escape = ESCAPES.get(c);
            if (escape != null) {
                out.append(escape);
            } else if (printable(c)) {
                out.appendCodePoint(c);
            } else if (c < 0x80) {
                out.append(String.format("\\x%02x", c));
            } else if (c < 0x10000) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append(String.format("\\U%08x", c));
            }
        });
        out.append('"');
    }

    /** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean printable(int c) {
        if (c == ' ') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.SURROGATE,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED,
                    Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
