package io.netform.lang.function;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression written in RE2 syntax (Go's regexp), translated to java.util.regex where
 * the two differ: {@code (?P<name>)} groups (Java forbids some RE2 names, so groups are
 * tracked by position), {@code $} at the end of text, the ungreedy flag {@code U}, {@code \s}
 * without vertical tab, POSIX classes, literal {@code [} and {@code &&} inside classes, and RE2's
 * refusal of backreferences, lookaround and possessive quantifiers.
 *
 * @param groupNames the name of each capturing group by position (index 0 is group 1), "" when
 *     unnamed
 */
record Re2Pattern(Pattern pattern, List<String> groupNames) {
    private static final Map<String, String> POSIX = Map.ofEntries(
            Map.entry("alnum", "\\p{Alnum}"), Map.entry("alpha", "\\p{Alpha}"),
            Map.entry("ascii", "\\x00-\\x7F"), Map.entry("blank", "\\t "),
            Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("digit", "0-9"),
            Map.entry("graph", "\\p{Graph}"), Map.entry("lower", "a-z"),
            Map.entry("print", "\\p{Print}"), Map.entry("punct", "\\p{Punct}"),
            Map.entry("space", "\\t\\n\\x0B\\f\\r "), Map.entry("upper", "A-Z"),
            Map.entry("word", "0-9A-Za-z_"), Map.entry("xdigit", "0-9A-Fa-f"));

    private static final int CACHE_LIMIT = 512;
    private static final Map<String, Re2Pattern> CACHE = new ConcurrentHashMap<>();

    /** A pattern RE2 would reject; {@code code} and {@code expr} are Go's error parts. */
    static final class SyntaxError extends Exception {
        final String code;
        final String expr;

        SyntaxError(String code, String expr) {
            super("error parsing regexp: " + code + ": `" + expr + "`");
            this.code = code;
            this.expr = expr;
        }
    }

    /**
     * The compiled form of {@code re2}. A configuration tends to apply the same few patterns to
     * every instance of a resource, so compiled patterns are kept, up to a bound.
     */
    static Re2Pattern compile(String re2) throws SyntaxError {
        Re2Pattern cached = CACHE.get(re2);
        if (cached != null) {
            return cached;
        }
        Re2Pattern compiled = translate(re2);
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(re2, compiled);
        return compiled;
    }

    private static Re2Pattern translate(String re2) throws SyntaxError {
        Translator t = new Translator(re2);
        String java = t.translate();
        try {
            return new Re2Pattern(
                    Pattern.compile(java, Pattern.UNIX_LINES | Pattern.UNICODE_CASE),
                    Collections.unmodifiableList(t.groupNames));
        } catch (PatternSyntaxException e) {
            throw fromJava(e, re2);
        }
    }

    private static SyntaxError fromJava(PatternSyntaxException e, String re2) {
        String d = e.getDescription();
        if (d.startsWith("Unclosed group")) {
            return new SyntaxError("missing closing )", re2);
        }
        if (d.startsWith("Unmatched closing")) {
            return new SyntaxError("unexpected )", re2);
        }
        if (d.startsWith("Unclosed character class")) {
            return new SyntaxError("missing closing ]", re2.substring(re2.lastIndexOf('[')));
        }
        if (d.startsWith("Dangling meta character")) {
            return new SyntaxError(
                    "missing argument to repetition operator", d.substring(d.indexOf('\'') + 1, d.lastIndexOf('\'')));
        }
        if (d.startsWith("Illegal character range")) {
            return new SyntaxError("invalid character class range", re2);
        }
        return new SyntaxError(d.toLowerCase(Locale.ROOT), re2);
    }

    /** The flags of one group that the translation depends on. */
    private record Scope(boolean multiLine, boolean ungreedy) {
        /** This scope after a flag group such as {@code im-U}. */
        Scope with(String flags) {
            boolean on = true;
            boolean m = multiLine;
            boolean u = ungreedy;
            for (char c : flags.toCharArray()) {
                switch (c) {
                    case '-' -> on = false;
                    case 'm' -> m = on;
                    case 'U' -> u = on;
                    default -> {}
                }
            }
            return new Scope(m, u);
        }
    }

    /** The translation, one RE2 construct at a time. */
    private static final class Translator {
        private final String in;
        private final StringBuilder out = new StringBuilder();
        private final List<String> groupNames = new ArrayList<>();
        /** The flags in force where the translation is: RE2 scopes them to the enclosing group. */
        private final Deque<Scope> scopes = new ArrayDeque<>(List.of(new Scope(false, false)));

        private int pos;

        Translator(String in) {
            this.in = in;
        }

        String translate() throws SyntaxError {
            while (pos < in.length()) {
                char c = in.charAt(pos);
                switch (c) {
                    case '\\' -> escape(false);
                    case '[' -> characterClass();
                    case '(' -> group();
                    case '$' -> {
                        out.append(scopes.peek().multiLine() ? "$" : "(?:\\z)");
                        pos++;
                    }
                    case ')' -> {
                        if (scopes.size() > 1) {
                            scopes.pop();
                        }
                        out.append(')');
                        pos++;
                    }
                    case '*', '+', '?', '{' -> quantifier();
                    default -> {
                        out.append(c);
                        pos++;
                    }
                }
            }
            return out.toString();
        }

        private void quantifier() throws SyntaxError {
            int start = pos;
            char c = in.charAt(pos);
            if (c == '{') {
                int close = in.indexOf('}', pos);
                if (close < 0 || !in.substring(pos + 1, close).matches("\\d+(,\\d*)?")) {
                    out.append("\\{"); // RE2 reads a brace that starts no repeat count as a literal
                    pos++;
                    return;
                }
                for (String n : in.substring(pos + 1, close).split(",")) {
                    if (!n.isEmpty() && (n.length() > 4 || Integer.parseInt(n) > 1000)) {
                        throw new SyntaxError("invalid repeat count", in.substring(pos, close + 1));
                    }
                }
                pos = close + 1;
            } else {
                pos++;
            }
            int operatorEnd = pos;
            boolean lazy = pos < in.length() && in.charAt(pos) == '?';
            if (lazy) {
                pos++;
            }
            if (pos < in.length()
                    && "*+?{".indexOf(in.charAt(pos)) >= 0
                    && !(in.charAt(pos) == '{' && !in.substring(pos).matches("(?s)\\{\\d+(,\\d*)?}.*"))) {
                throw new SyntaxError("invalid nested repetition operator", in.substring(start, pos + 1));
            }
            // Under RE2's U flag a bare quantifier is lazy and a '?'-suffixed one greedy.
            out.append(in, start, operatorEnd).append(lazy != scopes.peek().ungreedy() ? "?" : "");
        }

        private void group() throws SyntaxError {
            if (in.startsWith("(?P<", pos)
                    || (in.startsWith("(?<", pos) && !in.startsWith("(?<=", pos) && !in.startsWith("(?<!", pos))) {
                int nameStart = in.indexOf('<', pos) + 1;
                int close = in.indexOf('>', nameStart);
                String name = close < 0 ? "" : in.substring(nameStart, close);
                if (!name.matches("[A-Za-z0-9_]+")) {
                    throw new SyntaxError(
                            "invalid named capture", in.substring(pos, close < 0 ? in.length() : close + 1));
                }
                if (groupNames.contains(name)) {
                    throw new SyntaxError("duplicate capture group name", in.substring(pos, close + 1));
                }
                groupNames.add(name);
                scopes.push(scopes.peek());
                out.append('(');
                pos = close + 1;
                return;
            }
            if (in.startsWith("(?", pos)) {
                int end = pos + 2;
                while (end < in.length() && (Character.isLetter(in.charAt(end)) || in.charAt(end) == '-')) {
                    end++;
                }
                String flags = in.substring(pos + 2, end);
                boolean closes = end < in.length() && (in.charAt(end) == ')' || in.charAt(end) == ':');
                if (!closes || !flags.matches("[imsU]*(-[imsU]*)?") || flags.equals("-") || flags.endsWith("-")) {
                    throw new SyntaxError(
                            "invalid or unsupported Perl syntax",
                            in.substring(pos, Math.min(in.length(), Math.max(end, pos + 3))));
                }
                Scope scope = scopes.peek().with(flags);
                boolean opensGroup = in.charAt(end) == ':';
                if (opensGroup) {
                    scopes.push(scope);
                } else {
                    scopes.pop();
                    scopes.push(scope);
                }
                String javaFlags = flags.replace("U", "");
                if (javaFlags.isEmpty() || javaFlags.equals("-") || javaFlags.endsWith("-")) {
                    javaFlags = javaFlags.replace("-", "");
                }
                out.append(javaFlags.isEmpty() && !opensGroup ? "" : "(?" + javaFlags + in.charAt(end));
                pos = end + 1;
                return;
            }
            groupNames.add("");
            scopes.push(scopes.peek());
            out.append('(');
            pos++;
        }

        private void characterClass() throws SyntaxError {
            int start = pos;
            out.append('[');
            pos++;
            if (pos < in.length() && in.charAt(pos) == '^') {
                out.append('^');
                pos++;
            }
            boolean first = true;
            while (pos < in.length() && (in.charAt(pos) != ']' || first)) {
                first = false;
                char c = in.charAt(pos);
                if (c == '[' && in.startsWith("[:", pos)) {
                    posixClass(start);
                } else if (c == '\\') {
                    escape(true);
                } else if (c == '[' || c == '&' || c == ']') {
                    out.append('\\').append(c);
                    pos++;
                } else {
                    out.append(c);
                    pos++;
                }
            }
            if (pos >= in.length()) {
                throw new SyntaxError("missing closing ]", in.substring(start));
            }
            out.append(']');
            pos++;
        }

        private void posixClass(int classStart) throws SyntaxError {
            int close = in.indexOf(":]", pos + 2);
            String name = close < 0 ? null : in.substring(pos + 2, close);
            boolean negated = name != null && name.startsWith("^");
            String set = name == null ? null : POSIX.get(negated ? name.substring(1) : name);
            if (set == null) {
                if (name == null) {
                    out.append("\\[");
                    pos++;
                    return;
                }
                throw new SyntaxError("invalid character class range", in.substring(pos, close + 2));
            }
            out.append(negated ? "[^" + set + "]" : "[" + set + "]");
            pos = close + 2;
        }

        private void escape(boolean inClass) throws SyntaxError {
            if (pos + 1 >= in.length()) {
                throw new SyntaxError("trailing backslash at end of expression", "");
            }
            char c = in.charAt(pos + 1);
            switch (c) {
                case 's' -> out.append(inClass ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]");
                case 'S' -> out.append(inClass ? "\\S" : "[^\\t\\n\\f\\r ]");
                case 'v' -> out.append("\\x0B");
                case 'z', 'A', 'b', 'B', 'd', 'D', 'w', 'W', 'a', 'f', 't', 'n', 'r', 'x' ->
                    out.append('\\').append(c);
                case 'Q' -> {
                    int end = in.indexOf("\\E", pos + 2);
                    int stop = end < 0 ? in.length() : end + 2;
                    out.append(in, pos, stop);
                    pos = stop;
                    return;
                }
                case 'p', 'P' -> {
                    unicodeClass(c);
                    return;
                }
                default -> {
                    if (Character.isLetterOrDigit(c) && c != '0') {
                        throw new SyntaxError("invalid escape sequence", in.substring(pos, pos + 2));
                    }
                    out.append('\\').append(c);
                }
            }
            pos += 2;
        }

        /** RE2 names scripts bare ({@code \p{Greek}}); Java wants {@code \p{IsGreek}}. */
        private void unicodeClass(char kind) throws SyntaxError {
            String name;
            int next;
            if (pos + 2 < in.length() && in.charAt(pos + 2) == '{') {
                int close = in.indexOf('}', pos + 3);
                if (close < 0) {
                    throw new SyntaxError("invalid character class range", in.substring(pos));
                }
                name = in.substring(pos + 3, close);
                next = close + 1;
            } else if (pos + 2 < in.length()) {
                name = String.valueOf(in.charAt(pos + 2));
                next = pos + 3;
            } else {
                throw new SyntaxError("invalid character class range", in.substring(pos));
            }
            boolean negated = name.startsWith("^");
            String bare = negated ? name.substring(1) : name;
            String javaName = bare.equals("Any") ? "IsAssigned" : bare.length() <= 2 ? bare : "Is" + bare;
            char k = negated ? (kind == 'p' ? 'P' : 'p') : kind;
            String translated = "\\" + k + "{" + javaName + "}";
            try {
                Pattern.compile(translated);
            } catch (PatternSyntaxException e) {
                throw new SyntaxError("invalid character class range", in.substring(pos, next));
            }
            out.append(translated);
            pos = next;
        }
    }
}
