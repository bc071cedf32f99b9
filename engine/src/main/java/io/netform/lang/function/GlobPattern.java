package io.netform.lang.function;

import java.util.regex.Pattern;

/**
 * The glob syntax of fileset (the doublestar package): {@code *} within one path segment,
 * {@code **} across segments, {@code ?}, {@code [...]} classes and {@code {a,b}} alternatives.
 */
final class GlobPattern {
    private GlobPattern() {}

    /** A regular expression matching the same paths; fails on an unclosed class or group. */
    static String toRegex(String glob) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (glob.startsWith("**", i)) {
                        boolean wholeSegment = (i == 0 || glob.charAt(i - 1) == '/')
                                && (i + 2 == glob.length() || glob.charAt(i + 2) == '/');
                        if (wholeSegment && i + 2 < glob.length()) {
                            out.append("(?:[^/]*(?:/[^/]*)*/)?");
                            i += 2;
                        } else {
                            out.append(".*");
                            i++;
                        }
                    } else {
                        out.append("[^/]*");
                    }
                }
                case '?' -> out.append("[^/]");
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        throw new IllegalArgumentException("unclosed character class");
                    }
                    String body = glob.substring(i + 1, close);
                    if (body.startsWith("!") || body.startsWith("^")) {
                        body = "^" + body.substring(1);
                    }
                    out.append('[').append(body.replace("[", "\\[")).append(']');
                    i = close;
                }
                case '{' -> {
                    out.append("(?:");
                    depth++;
                }
                case '}' -> {
                    if (depth == 0) {
                        out.append("\\}");
                    } else {
                        out.append(')');
                        depth--;
                    }
                }
                case ',' -> out.append(depth > 0 ? "|" : ",");
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        out.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    }
                }
                default -> out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unclosed alternatives");
        }
        return out.toString();
    }
}
