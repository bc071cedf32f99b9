package io.netform.lang.function;

import io.netform.value.Type;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.IntUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * chomp endswith indent join lower split startswith strcontains strrev substr title trim trimprefix
 * trimsuffix trimspace upper.
 */
final class StringFunctions {
    private StringFunctions() {}

    static List<Function> all() {
        return List.of(
                unary("chomp", StringFunctions::chomp),
                unary("lower", s -> mapCodePoints(s, Character::toLowerCase)),
                unary("upper", s -> mapCodePoints(s, Character::toUpperCase)),
                unary("title", StringFunctions::title),
                unary("strrev", StringFunctions::reverse),
                unary("trimspace", StringFunctions::trimSpace),
                test("startswith", "prefix", String::startsWith),
                test("endswith", "suffix", String::endsWith),
                test("strcontains", "substr", String::contains),
                binary("trimprefix", "prefix", (s, p) -> s.startsWith(p) ? s.substring(p.length()) : s),
                binary("trimsuffix", "suffix", (s, p) -> s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s),
                binary("trim", "cutset", StringFunctions::trim),
                indent(),
                join(),
                split(),
                substr());
    }

    private static Function unary(String name, UnaryOperator<String> op) {
        return Function.builder(name)
                .param("str", Type.STRING)
                .returns(Type.STRING)
                .impl((args, t) -> Value.string(op.apply(args.get(0).asString())))
                .build();
    }

    private interface StringPair {
        String apply(String str, String other);
    }

    private static Function binary(String name, String second, StringPair op) {
        return Function.builder(name)
                .param("str", Type.STRING)
                .param(second, Type.STRING)
                .returns(Type.STRING)
                .impl((args, t) -> Value.string(
                        op.apply(args.get(0).asString(), args.get(1).asString())))
                .build();
    }

    private static Function test(String name, String second, BiPredicate<String, String> op) {
        return Function.builder(name)
                .param("str", Type.STRING)
                .param(second, Type.STRING)
                .returns(Type.BOOL)
                .impl((args, t) ->
                        Value.bool(op.test(args.get(0).asString(), args.get(1).asString())))
                .build();
    }

    private static String chomp(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Go maps case rune by rune, without the context-dependent rules of String.toLowerCase. */
    private static String mapCodePoints(String s, IntUnaryOperator op) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().map(op).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Go's strings.Title: the first letter after a separator goes to title case. */
    private static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int previous = ' ';
        for (int cp : s.codePoints().toArray()) {
            out.appendCodePoint(isWordSeparator(previous) ? Character.toTitleCase(cp) : cp);
            previous = cp;
        }
        return out.toString();
    }

    private static boolean isWordSeparator(int cp) {
        if (cp <= 0x7F) {
            return !(Character.isLetterOrDigit(cp) || cp == '_');
        }
        return !Character.isLetter(cp) && !Character.isDigit(cp) && isSpace(cp);
    }

    /** Unicode White_Space, as Go's unicode.IsSpace. */
    static boolean isSpace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D)
                || cp == 0x20
                || cp == 0x85
                || cp == 0xA0
                || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200A)
                || cp == 0x2028
                || cp == 0x2029
                || cp == 0x202F
                || cp == 0x205F
                || cp == 0x3000;
    }

    private static String trimSpace(String s) {
        int[] cps = s.codePoints().toArray();
        int start = 0;
        int end = cps.length;
        while (start < end && isSpace(cps[start])) {
            start++;
        }
        while (end > start && isSpace(cps[end - 1])) {
            end--;
        }
        return new String(cps, start, end - start);
    }

    private static String trim(String s, String cutset) {
        int[] cps = s.codePoints().toArray();
        int start = 0;
        int end = cps.length;
        while (start < end && cutset.indexOf(new String(cps, start, 1)) >= 0) {
            start++;
        }
        while (end > start && cutset.indexOf(new String(cps, end - 1, 1)) >= 0) {
            end--;
        }
        return new String(cps, start, end - start);
    }

    private static String reverse(String s) {
        List<String> clusters = new ArrayList<>(Graphemes.of(s));
        Collections.reverse(clusters);
        return String.join("", clusters);
    }

    private static Function indent() {
        return Function.builder("indent")
                .param("spaces", Type.NUMBER)
                .param("str", Type.STRING)
                .returns(Type.STRING)
                .impl((args, t) -> {
                    long spaces = Arguments.wholeNumber(args.get(0), 0);
                    if (spaces < 0) {
                        // Terraform fails here too (its Go implementation panics on a negative count,
                        // which Terraform reports as the call's error), even for a single line.
                        throw FunctionException.argument(0, "the number of spaces must not be negative");
                    }
                    String pad = " ".repeat((int) Math.min(spaces, Integer.MAX_VALUE / 2));
                    return Value.string(args.get(1).asString().replace("\n", "\n" + pad));
                })
                .build();
    }

    private static Function join() {
        return Function.builder("join")
                .param("separator", Type.STRING)
                .variadic(Parameter.of("lists", Type.list(Type.STRING)).allowingUnknown())
                .returns(Type.STRING)
                .impl((args, t) -> {
                    if (args.size() < 2) {
                        throw new FunctionException("at least one list is required");
                    }
                    List<String> parts = new ArrayList<>();
                    for (int i = 1; i < args.size(); i++) {
                        Value list = args.get(i);
                        if (!list.isWhollyKnown()) {
                            return Value.unknown(Type.STRING);
                        }
                        List<Value> elements = list.elements();
                        for (int j = 0; j < elements.size(); j++) {
                            if (elements.get(j).isNull()) {
                                throw FunctionException.argument(
                                        i,
                                        args.size() > 2
                                                ? "element " + j + " of list " + i
                                                        + " is null; cannot concatenate null values"
                                                : "element " + j + " is null; cannot concatenate null values");
                            }
                            parts.add(elements.get(j).asString());
                        }
                    }
                    return Value.string(String.join(args.get(0).asString(), parts));
                })
                .build();
    }

    private static Function split() {
        return Function.builder("split")
                .param("separator", Type.STRING)
                .param("str", Type.STRING)
                .returns(Type.list(Type.STRING))
                .impl((args, t) -> {
                    List<Value> parts = splitGo(
                                    args.get(1).asString(), args.get(0).asString())
                            .stream()
                            .map(Value::string)
                            .toList();
                    return Value.list(Type.STRING, parts);
                })
                .build();
    }

    /** Go's strings.Split: an empty separator splits between every character. */
    static List<String> splitGo(String s, String separator) {
        List<String> out = new ArrayList<>();
        if (separator.isEmpty()) {
            s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
            return out;
        }
        int from = 0;
        for (int at = s.indexOf(separator); at >= 0; at = s.indexOf(separator, from)) {
            out.add(s.substring(from, at));
            from = at + separator.length();
        }
        out.add(s.substring(from));
        return out;
    }

    /** A whole number; substr reports a bad one as a failure of the call, as cty does. */
    private static long plainWholeNumber(Value v) throws FunctionException {
        try {
            return Arguments.wholeNumber(v, 0);
        } catch (FunctionException e) {
            throw new FunctionException(e.reason());
        }
    }

    private static Function substr() {
        return Function.builder("substr")
                .param("str", Type.STRING)
                .param("offset", Type.NUMBER)
                .param("length", Type.NUMBER)
                .returns(Type.STRING)
                .impl((args, t) -> {
                    List<String> clusters = Graphemes.of(args.get(0).asString());
                    long offset = plainWholeNumber(args.get(1));
                    long length = plainWholeNumber(args.get(2));
                    int size = clusters.size();
                    if (offset >= 0 && length == 0) {
                        return Value.string("");
                    }
                    // cty only short-circuits a zero length for a non-negative offset; after a negative one
                    // a zero length takes the rest of the string, and so does Terraform.
                    boolean rest = length <= 0;
                    offset = offset < 0 ? Math.max(0, offset + size) : offset;
                    if (offset >= size) {
                        return Value.string("");
                    }
                    long end = rest ? size : Math.min(size, offset + length);
                    return Value.string(String.join("", clusters.subList((int) offset, (int) end)));
                })
                .build();
    }
}
