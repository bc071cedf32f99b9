package io.netform.lang.function;

import io.netform.value.BigFloat;
import io.netform.value.Conversion;
import io.netform.value.ConversionException;
import io.netform.value.Type;
import io.netform.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The format string language of format() and formatlist(): {@code %[flags][width][.prec][[n]]verb}
 * with cty's verbs and Go's rendering of numbers, widths counted in grapheme clusters.
 */
final class PrintfFormat {
    private final String format;
    private final List<Value> args;
    private final StringBuilder out = new StringBuilder();
    private int pos;
    private int nextArg = 1;
    private int highestArg;

    private PrintfFormat(String format, List<Value> args) {
        this.format = format;
        this.args = args;
    }

    /** One verb as written. */
    private static final class Verb {
        String raw;
        int offset;
        int argNum;
        char mode;
        boolean zero;
        boolean sharp;
        boolean plus;
        boolean minus;
        boolean space;
        int width = -1;
        int precision = -1;
    }

    /**
     * Formats {@code args} (wholly known) into {@code format}. Errors name argument indexes
     * counting the format string as argument 0.
     */
    static String format(String format, List<Value> args) throws FunctionException {
        PrintfFormat f = new PrintfFormat(format, args);
        f.run();
        if (f.highestArg < args.size()) {
            int firstBad = f.highestArg + 1;
            throw FunctionException.argument(
                    firstBad,
                    f.highestArg == 0
                            ? "too many arguments; no verbs in format string"
                            : "too many arguments; only " + f.highestArg + " used by format string");
        }
        return f.out.toString();
    }

    private void run() throws FunctionException {
        while (pos < format.length()) {
            char c = format.charAt(pos);
            if (c != '%') {
                out.append(c);
                pos++;
            } else if (format.startsWith("%%", pos)) {
                out.append('%');
                pos += 2;
            } else {
                verb();
            }
        }
    }

    private void verb() throws FunctionException {
        Verb v = new Verb();
        v.offset = byteOffset(pos);
        int start = pos++;
        v.argNum = nextArg;
        for (; pos < format.length() && "0#-+ ".indexOf(format.charAt(pos)) >= 0; pos++) {
            switch (format.charAt(pos)) {
                case '0' -> v.zero = true;
                case '#' -> v.sharp = true;
                case '-' -> v.minus = true;
                case '+' -> v.plus = true;
                default -> v.space = true;
            }
        }
        if (pos < format.length() && format.charAt(pos) >= '1' && format.charAt(pos) <= '9') {
            v.width = number();
        }
        if (pos < format.length() && format.charAt(pos) == '.') {
            pos++;
            v.precision = pos < format.length() && Character.isDigit(format.charAt(pos)) ? number() : 0;
        }
        if (pos < format.length() && format.charAt(pos) == '[') {
            pos++;
            if (pos >= format.length() || format.charAt(pos) < '1' || format.charAt(pos) > '9') {
                throw unexpected();
            }
            v.argNum = number();
            if (pos >= format.length() || format.charAt(pos) != ']') {
                throw unexpected();
            }
            pos++;
        }
        if (pos >= format.length()) {
            throw new FunctionException("invalid format string starting at offset " + byteOffset(pos));
        }
        char mode = format.charAt(pos);
        if (!((mode >= 'a' && mode <= 'z') || (mode >= 'A' && mode <= 'Z'))) {
            throw unexpected();
        }
        v.mode = mode;
        pos++;
        v.raw = format.substring(start, pos);
        highestArg = Math.max(highestArg, v.argNum);
        append(v);
        nextArg = v.argNum + 1;
    }

    private FunctionException unexpected() {
        if (pos >= format.length()) {
            return new FunctionException("invalid format string starting at offset " + byteOffset(pos));
        }
        return new FunctionException("unrecognized format character " + GoText.quoteRune(format.codePointAt(pos))
                + " at offset " + byteOffset(pos));
    }

    private int number() {
        int n = 0;
        while (pos < format.length() && Character.isDigit(format.charAt(pos))) {
            n = Math.min(10 * n + (format.charAt(pos++) - '0'), 1_000_000);
        }
        return n;
    }

    private int byteOffset(int charIndex) {
        return format.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
    }

    private String where(Verb v) {
        return GoText.quote(v.raw) + " at " + v.offset;
    }

    private void append(Verb v) throws FunctionException {
        if (v.argNum - 1 >= args.size()) {
            throw new FunctionException("not enough arguments for " + where(v) + ": need index " + v.argNum
                    + " but have " + args.size() + " total");
        }
        Value arg = args.get(v.argNum - 1);
        if (v.mode != 'v' && arg.isNull()) {
            throw new FunctionException("unsupported value for " + where(v) + ": null value cannot be formatted");
        }
        switch (v.mode) {
            case 'v' -> out.append(pad(v, asIs(v, arg)));
            case 't' -> out.append(convert(v, arg, Type.BOOL).asBoolean());
            case 'b', 'd', 'o', 'x', 'X' ->
                out.append(integer(v, convert(v, arg, Type.NUMBER).asBigFloat()));
            case 'e', 'E', 'f', 'g', 'G' ->
                out.append(floating(v, convert(v, arg, Type.NUMBER).asBigFloat()));
            case 's', 'q' -> out.append(string(v, convert(v, arg, Type.STRING).asString()));
            default ->
                throw new FunctionException("unsupported format verb " + GoText.quoteRune(v.mode) + " in "
                        + GoText.quote(v.raw) + " at offset " + v.offset);
        }
    }

    private Value convert(Verb v, Value arg, Type type) throws FunctionException {
        try {
            return Conversion.convert(arg, type);
        } catch (ConversionException e) {
            throw new FunctionException("unsupported value for " + where(v) + ": " + e.reason());
        }
    }

    private String asIs(Verb v, Value arg) throws FunctionException {
        if (!v.sharp && !arg.isNull() && arg.type() == Type.STRING) {
            return arg.asString();
        }
        if (!v.sharp && !arg.isNull() && arg.type() == Type.NUMBER) {
            return GoNumberText.shortestG(arg.asBigFloat());
        }
        try {
            return JsonText.encode(arg);
        } catch (FunctionException e) {
            throw new FunctionException("unsupported value for " + where(v) + ": " + e.reason());
        }
    }

    private String string(Verb v, String s) {
        String text = s;
        if (v.precision > 0) {
            List<String> clusters = Graphemes.of(s);
            text = String.join("", clusters.subList(0, Math.min(v.precision, clusters.size())));
        }
        if (v.mode == 'q') {
            StringBuilder quoted = new StringBuilder();
            JsonText.writeString(quoted, text);
            text = quoted.toString();
        }
        return pad(v, text);
    }

    private static String pad(Verb v, String text) {
        int have = Graphemes.count(text);
        if (v.width < 0 || have >= v.width) {
            return text;
        }
        String padding = (v.zero ? "0" : " ").repeat(v.width - have);
        return v.minus ? text + padding : padding + text;
    }

    /** Go's formatting of a big.Int: [pad][sign][prefix][zeros][digits][pad]. */
    private String integer(Verb v, BigFloat n) throws FunctionException {
        if (!n.isInteger()) {
            throw new FunctionException("unsupported value for " + where(v) + ": an integer is required");
        }
        BigInteger i = n.truncated();
        int radix = switch (v.mode) {
            case 'b' -> 2;
            case 'o' -> 8;
            case 'x', 'X' -> 16;
            default -> 10;
        };
        String digits = i.abs().toString(radix);
        if (v.mode == 'X') {
            digits = digits.toUpperCase(Locale.ROOT);
        }
        String sign = i.signum() < 0 ? "-" : v.plus ? "+" : v.space ? " " : "";
        String prefix = !v.sharp
                ? ""
                : switch (v.mode) {
                    case 'b' -> "0b";
                    case 'o' -> "0";
                    case 'x' -> "0x";
                    case 'X' -> "0X";
                    default -> "";
                };
        int zeros = 0;
        if (v.precision >= 0) {
            if (digits.length() < v.precision) {
                zeros = v.precision - digits.length();
            } else if (digits.equals("0") && v.precision == 0) {
                return "";
            }
        }
        return padNumber(v, sign, prefix + "0".repeat(zeros), digits, v.precision < 0);
    }

    private static String padNumber(Verb v, String sign, String prefix, String body, boolean zeroPadAllowed) {
        int length = sign.length() + prefix.length() + body.length();
        if (v.width < 0 || length >= v.width) {
            return sign + prefix + body;
        }
        int d = v.width - length;
        if (v.minus) {
            return sign + prefix + body + " ".repeat(d);
        }
        if (v.zero && zeroPadAllowed) {
            return sign + prefix + "0".repeat(d) + body;
        }
        return " ".repeat(d) + sign + prefix + body;
    }

    /**
     * Go's formatting of a big.Float with %e %E %f %g %G: digits of the exact binary value rounded
     * to the precision asked for, or the shortest digits for %g without one. An infinity keeps its
     * sign ("+Inf") and is never padded with zeros.
     */
    private static String floating(Verb v, BigFloat n) {
        String sign = n.isNegative() ? "-" : v.plus ? "+" : v.space ? " " : "";
        if (n.isInfinite()) {
            return padNumber(v, n.isNegative() ? "-" : v.space ? " " : "+", "", "Inf", false);
        }
        char mode = Character.toLowerCase(v.mode);
        BigDecimal digits = mode == 'g' && v.precision < 0
                ? n.abs().toBigDecimal()
                : n.abs().exactDecimal();
        String body = GoNumberText.format(digits, mode, v.precision);
        if (Character.isUpperCase(v.mode)) {
            body = body.toUpperCase(Locale.ROOT);
        }
        return padNumber(v, sign, "", body, true);
    }

    /** Decimal renderings of numbers following Go's strconv/big.Float rules. */
    static final class GoNumberText {
        private GoNumberText() {}

        /** Go's big.Float {@code Text('g', -1)}: shortest digits, exponent form below 1e-4 or from 1e6. */
        static String shortestG(BigFloat n) {
            if (n.isInfinite()) {
                return n.text();
            }
            return (n.isNegative() ? "-" : "") + format(n.abs().toBigDecimal(), 'g', -1);
        }

        /** Formats a non-negative number; precision -1 means the default (6, or shortest for g). */
        static String format(BigDecimal n, char mode, int precision) {
            return switch (mode) {
                case 'e' ->
                    exponent(
                            n.round(new MathContext((precision < 0 ? 6 : precision) + 1, RoundingMode.HALF_EVEN)),
                            precision < 0 ? 6 : precision);
                case 'f' ->
                    n.setScale(precision < 0 ? 6 : precision, RoundingMode.HALF_EVEN)
                            .toPlainString();
                default -> general(n, precision);
            };
        }

        private static String general(BigDecimal n, int precision) {
            BigDecimal d = n.signum() == 0 ? BigDecimal.ZERO : n.stripTrailingZeros();
            boolean shortest = precision < 0;
            if (!shortest) {
                d = n.round(new MathContext(Math.max(precision, 1), RoundingMode.HALF_EVEN));
                d = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
            }
            String digits = d.signum() == 0 ? "" : d.unscaledValue().toString();
            int exp = d.signum() == 0 ? 0 : digits.length() - d.scale();
            int eprec = shortest ? 6 : Math.max(precision, 1);
            if (!shortest && eprec > digits.length() && digits.length() >= exp) {
                eprec = digits.length();
            }
            if (shortest) {
                eprec = 6;
            }
            int x = exp - 1;
            if (x < -4 || x >= eprec) {
                return exponent(d, Math.max(digits.length() - 1, 0));
            }
            return d.setScale(Math.max(digits.length() - exp, 0), RoundingMode.UNNECESSARY)
                    .toPlainString();
        }

        /** d.ddde±XX with {@code fraction} digits after the point. */
        private static String exponent(BigDecimal n, int fraction) {
            if (n.signum() == 0) {
                return "0" + (fraction > 0 ? "." + "0".repeat(fraction) : "") + "e+00";
            }
            BigDecimal stripped = n.stripTrailingZeros();
            String digits = stripped.unscaledValue().toString();
            int exp = digits.length() - stripped.scale() - 1;
            StringBuilder mantissa = new StringBuilder(digits);
            while (mantissa.length() < fraction + 1) {
                mantissa.append('0');
            }
            String m = mantissa.substring(0, 1) + (fraction > 0 ? "." + mantissa.substring(1, fraction + 1) : "");
            String e = String.format("%02d", Math.abs(exp));
            return m + "e" + (exp < 0 ? "-" : "+") + e;
        }
    }
}
