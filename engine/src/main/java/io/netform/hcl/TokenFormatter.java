package io.netform.hcl;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites a token stream in the canonical layout: two spaces per nesting level, canonical
 * spacing between tokens, {@code =} aligned across runs of single-line attributes, at most one
 * blank line in a row. Comments and heredoc bodies are copied unchanged.
 */
final class TokenFormatter {
    private final Tokens tokens;
    private final SourceFile source;
    private final TokenSpacing spacing;
    private final List<Line> lines = new ArrayList<>();

    /**
     * A rendered line: indentation level, the key before {@code =} (or all the text), the rest, a
     * trailing comment kept apart so it can be aligned, and whether the line joins an alignment run.
     */
    private record Line(int indent, String head, String tail, String comment, boolean alignable) {
        boolean blank() {
            return head.isEmpty() && tail.isEmpty() && comment.isEmpty();
        }
    }

    TokenFormatter(Tokens tokens) {
        this.tokens = tokens;
        this.source = tokens.source();
        this.spacing = new TokenSpacing(tokens);
    }

    String format() {
        splitLines();
        return write();
    }

    private void splitLines() {
        List<Integer> openerIndents = new ArrayList<>();
        int i = 0;
        while (tokens.type(i) != TokenType.EOF) {
            int end = lineEnd(i);
            lines.add(renderLine(i, end, openerIndents));
            i = tokens.type(end) == TokenType.NEWLINE ? end + 1 : end;
        }
    }

    /** The index of the NEWLINE (or EOF) ending the line starting at {@code i}, stepping over heredocs. */
    private int lineEnd(int i) {
        int heredocs = 0;
        while (true) {
            TokenType t = tokens.type(i);
            if (t == TokenType.EOF || (t == TokenType.NEWLINE && heredocs == 0)) {
                return i;
            }
            if (t == TokenType.OHEREDOC) {
                heredocs++;
            } else if (t == TokenType.CHEREDOC) {
                heredocs--;
            }
            i++;
        }
    }

    private Line renderLine(int from, int to, List<Integer> openerIndents) {
        if (from == to) {
            return new Line(0, "", "", "", false);
        }
        int indent = lineIndent(from, openerIndents);
        int equals = attributeEquals(from, to);
        StringBuilder text = new StringBuilder();
        int headLength = -1;
        int commentStart = 0;
        int depth = 0;
        boolean balanced = true;
        boolean heredoc = false;
        int prev = -1;
        int i = from;
        while (i < to) {
            if (i == equals) {
                headLength = text.length();
            }
            if (prev >= 0) {
                commentStart = text.length();
                text.append(" ".repeat(spacing.between(prev, i)));
            }
            prev = i;
            TokenType t = tokens.type(i);
            if (t == TokenType.OHEREDOC) {
                heredoc = true;
                i = copyHeredoc(i, text);
                continue;
            }
            text.append(tokenText(i));
            depth += bracketDelta(t, openerIndents, indent);
            balanced &= depth >= 0;
            i++;
        }
        boolean alignable = headLength >= 0 && balanced && depth == 0 && !heredoc;
        if (!alignable) {
            return new Line(indent, text.toString(), "", "", false);
        }
        String comment = "";
        if (tokens.type(to - 1) == TokenType.COMMENT && to - 1 > equals) {
            comment = tokenText(to - 1);
            text.setLength(commentStart);
        }
        return new Line(indent, text.substring(0, headLength), text.substring(headLength), comment, true);
    }

    /**
     * The index of the {@code =} when the line starts with an attribute key (a name or a quoted
     * string, as in object constructors), else -1.
     */
    private int attributeEquals(int from, int to) {
        int i = from;
        if (tokens.type(i) == TokenType.OQUOTE) {
            i++;
            if (tokens.type(i) == TokenType.QUOTED_LIT) {
                i++;
            }
            if (tokens.type(i) != TokenType.CQUOTE) {
                return -1;
            }
        } else if (tokens.type(i) != TokenType.IDENT) {
            return -1;
        }
        i++;
        return i < to && tokens.type(i) == TokenType.EQUAL ? i : -1;
    }

    /** Copies a heredoc from its opener through its end marker; returns the index after the end marker. */
    private int copyHeredoc(int open, StringBuilder out) {
        int i = open + 1;
        int nested = 1;
        while (tokens.type(i) != TokenType.EOF) {
            if (tokens.type(i) == TokenType.OHEREDOC) {
                nested++;
            } else if (tokens.type(i) == TokenType.CHEREDOC && --nested == 0) {
                out.append(source.text(tokens.start(open), tokens.end(i)));
                return i + 1;
            }
            i++;
        }
        out.append(source.text(tokens.start(open), tokens.end(i)));
        return i;
    }

    /** The nesting level of a line: one more than the line that opened the innermost bracket. */
    private int lineIndent(int first, List<Integer> openerIndents) {
        if (openerIndents.isEmpty()) {
            return 0;
        }
        int innermost = openerIndents.get(openerIndents.size() - 1);
        return closes(tokens.type(first)) ? innermost : innermost + 1;
    }

    private static int bracketDelta(TokenType t, List<Integer> openerIndents, int lineIndent) {
        if (t == TokenType.LBRACE
                || t == TokenType.LBRACK
                || t == TokenType.LPAREN
                || t == TokenType.INTERP_OPEN
                || t == TokenType.DIRECTIVE_OPEN) {
            openerIndents.add(lineIndent);
            return 1;
        }
        if (closes(t)) {
            if (!openerIndents.isEmpty()) {
                openerIndents.remove(openerIndents.size() - 1);
            }
            return -1;
        }
        return 0;
    }

    private static boolean closes(TokenType t) {
        return t == TokenType.RBRACE || t == TokenType.RBRACK || t == TokenType.RPAREN || t == TokenType.SEQ_END;
    }

    private String tokenText(int i) {
        String text = tokens.text(i);
        return tokens.type(i) == TokenType.COMMENT ? text.stripTrailing() : text;
    }

    private String write() {
        StringBuilder out = new StringBuilder(source.length() + source.length() / 8);
        boolean pendingBlank = false;
        int i = 0;
        while (i < lines.size()) {
            Line line = lines.get(i);
            if (line.blank()) {
                pendingBlank = out.length() > 0;
                i++;
                continue;
            }
            if (pendingBlank) {
                out.append('\n');
                pendingBlank = false;
            }
            int end = i + 1;
            while (line.alignable() && end < lines.size() && sameRun(lines.get(end), line)) {
                end++;
            }
            writeRun(out, lines.subList(i, end));
            i = end;
        }
        return out.toString();
    }

    /**
     * Writes consecutive lines of one alignment run: the {@code =} signs line up after the longest
     * key, and trailing comments line up after the longest value among the lines that have one.
     */
    private static void writeRun(StringBuilder out, List<Line> run) {
        int keyWidth = 0;
        int valueWidth = 0;
        for (Line line : run) {
            keyWidth = Math.max(keyWidth, line.head().length());
        }
        for (Line line : run) {
            if (!line.comment().isEmpty()) {
                valueWidth = Math.max(valueWidth, keyWidth + line.tail().length());
            }
        }
        for (Line line : run) {
            int start = out.length();
            out.append("  ".repeat(line.indent())).append(line.head());
            out.append(" ".repeat(keyWidth - line.head().length())).append(line.tail());
            if (!line.comment().isEmpty()) {
                out.append(" ".repeat(valueWidth - keyWidth - line.tail().length() + 1))
                        .append(line.comment());
            }
            // a run of one unaligned line must not gain trailing spaces
            int length = out.length();
            while (length > start && out.charAt(length - 1) == ' ') {
                length--;
            }
            out.setLength(length);
            out.append('\n');
        }
    }

    private static boolean sameRun(Line other, Line line) {
        return other.alignable() && other.indent() == line.indent();
    }
}
