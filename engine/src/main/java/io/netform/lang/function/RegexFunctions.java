package io.netform.lang.function;

import io.netform.value.Type;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;

/** regex regexall replace: RE2 patterns on java.util.regex through {@link Re2Pattern}. */
final class RegexFunctions {
    private RegexFunctions() {}

    static List<Function> all() {
        return List.of(regex(), regexall(), replace());
    }

    private static Function regex() {
        return Function.builder("regex")
                .param("pattern", Type.STRING)
                .param("string", Type.STRING)
                .returnType(args -> resultType(args.get(0)))
                .impl((args, type) -> {
                    Re2Pattern re = compileForType(args.get(0).asString());
                    Matcher m = re.pattern().matcher(args.get(1).asString());
                    if (!m.find()) {
                        throw new FunctionException("pattern did not match any part of the given string");
                    }
                    return matchValue(re, m, type);
                })
                .build();
    }

    private static Function regexall() {
        return Function.builder("regexall")
                .param("pattern", Type.STRING)
                .param("string", Type.STRING)
                .returnType(
                        args -> args.get(0).isKnown() ? Type.list(resultType(args.get(0))) : Type.list(Type.DYNAMIC))
                .impl((args, type) -> {
                    Re2Pattern re = compileForType(args.get(0).asString());
                    List<Value> values = new ArrayList<>();
                    for (MatchResult m : matches(re, args.get(1).asString())) {
                        values.add(matchValue(re, m, type.elementType()));
                    }
                    return Value.list(type.elementType(), values);
                })
                .build();
    }

    /** string without groups, a tuple of strings for unnamed groups, an object for named ones. */
    private static Type resultType(Value pattern) throws FunctionException {
        if (!pattern.isKnown()) {
            return Type.DYNAMIC;
        }
        List<String> names = compileForType(pattern.asString()).groupNames();
        long unnamed = names.stream().filter(String::isEmpty).count();
        if (names.isEmpty()) {
            return Type.STRING;
        }
        if (unnamed > 0 && unnamed < names.size()) {
            throw FunctionException.argument(
                    0, "invalid regexp pattern: cannot mix both named and unnamed capture groups");
        }
        if (unnamed > 0) {
            return Type.tuple(names.stream().map(n -> Type.STRING).toList());
        }
        Map<String, Type> attributes = new LinkedHashMap<>();
        names.forEach(n -> attributes.put(n, Type.STRING));
        return Type.object(attributes);
    }

    private static Re2Pattern compileForType(String pattern) throws FunctionException {
        try {
            return Re2Pattern.compile(pattern);
        } catch (Re2Pattern.SyntaxError e) {
            throw FunctionException.argument(0, "invalid regexp pattern: " + e.code + " in " + e.expr);
        }
    }

    private static Value matchValue(Re2Pattern re, MatchResult m, Type type) {
        if (type == Type.STRING) {
            return Value.string(m.group());
        }
        List<String> names = re.groupNames();
        if (type instanceof Type.TupleType) {
            List<Value> groups = new ArrayList<>();
            for (int i = 1; i <= names.size(); i++) {
                groups.add(group(m, i));
            }
            return Value.tuple(groups);
        }
        Map<String, Value> attributes = new LinkedHashMap<>();
        for (int i = 1; i <= names.size(); i++) {
            attributes.put(names.get(i - 1), group(m, i));
        }
        return Value.object(attributes);
    }

    /** A group that took no part in the match is null, as in cty. */
    private static Value group(MatchResult m, int i) {
        String g = m.group(i);
        return g == null ? Value.nullOf(Type.STRING) : Value.string(g);
    }

    private static Function replace() {
        return Function.builder("replace")
                .param("str", Type.STRING)
                .param("substr", Type.STRING)
                .param("replace", Type.STRING)
                .returns(Type.STRING)
                .impl((args, t) -> {
                    String str = args.get(0).asString();
                    String substr = args.get(1).asString();
                    String replacement = args.get(2).asString();
                    if (substr.length() > 1 && substr.startsWith("/") && substr.endsWith("/")) {
                        try {
                            Re2Pattern re = Re2Pattern.compile(substr.substring(1, substr.length() - 1));
                            return Value.string(replaceAll(re, str, replacement));
                        } catch (Re2Pattern.SyntaxError e) {
                            throw new FunctionException(e.getMessage());
                        }
                    }
                    return Value.string(replaceLiteral(str, substr, replacement));
                })
                .build();
    }

    /** Go's strings.Replace: an empty old string matches before every character and at the end. */
    private static String replaceLiteral(String str, String old, String replacement) {
        if (!old.isEmpty()) {
            return str.replace(old, replacement);
        }
        StringBuilder out = new StringBuilder(replacement);
        str.codePoints().forEach(cp -> out.appendCodePoint(cp).append(replacement));
        return out.toString();
    }

    private static String replaceAll(Re2Pattern re, String str, String template) {
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (MatchResult m : matches(re, str)) {
            out.append(str, last, m.start());
            expand(out, template, re, m);
            last = m.end();
        }
        return out.append(str.substring(last)).toString();
    }

    /**
     * Every match as Go finds them: like Matcher.find, except that an empty match right where the
     * previous match ended is skipped.
     */
    static List<MatchResult> matches(Re2Pattern re, String str) {
        List<MatchResult> found = new ArrayList<>();
        Matcher m = re.pattern().matcher(str);
        int previousEnd = -1;
        while (m.find()) {
            boolean emptyAfterMatch = m.start() == m.end() && m.start() == previousEnd;
            previousEnd = m.end();
            if (!emptyAfterMatch) {
                found.add(m.toMatchResult());
            }
        }
        return found;
    }

    /** Go's Regexp.Expand: $1, ${1}, $name, ${name}; $$ is a dollar; unknown names are empty. */
    private static void expand(StringBuilder out, String template, Re2Pattern re, MatchResult m) {
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= template.length()) {
                out.append(c);
                i++;
                continue;
            }
            if (template.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            String name;
            int next;
            if (template.charAt(i + 1) == '{') {
                int close = template.indexOf('}', i + 2);
                name = close < 0 ? "" : template.substring(i + 2, close);
                next = close + 1;
                if (!name.matches("[A-Za-z0-9_]+")) {
                    name = "";
                }
            } else {
                int end = i + 1;
                while (end < template.length()
                        && (Character.isLetterOrDigit(template.charAt(end)) && template.charAt(end) < 0x80
                                || template.charAt(end) == '_')) {
                    end++;
                }
                name = template.substring(i + 1, end);
                next = end;
            }
            if (name.isEmpty()) {
                out.append('$');
                i++;
                continue;
            }
            appendGroup(out, name, re, m);
            i = next;
        }
    }

    private static void appendGroup(StringBuilder out, String name, Re2Pattern re, MatchResult m) {
        int index = -1;
        if (name.matches("\\d{1,8}")) {
            index = Integer.parseInt(name);
        } else {
            index = re.groupNames().indexOf(name) + 1;
            if (index == 0) {
                return;
            }
        }
        if (index <= m.groupCount() && m.group(index) != null) {
            out.append(m.group(index));
        }
    }
}
