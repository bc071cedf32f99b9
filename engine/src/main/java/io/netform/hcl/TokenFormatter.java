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

    /** A rendered line: indentation level, first token text, the rest, and whether it may align. */
    private record Line(int indent, String head, String tail, boolean alignable) {
        boolean blank() {
            return head.isEmpty();
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
            return new Line(0, "", "", false);
        }
        int indent = lineIndent(from, openerIndents);
        StringBuilder tail = new StringBuilder();
        int depth = 0;
        boolean balanced = true;
        int prev = from;
        int i = from + 1;
        int heredocs = 0;
        depth += bracketDelta(tokens.type(from), openerIndents, indent);
        if (tokens.type(from) == TokenType.OHEREDOC) {
            i = copyHeredoc(from, tail);
            balanced = false;
        }
        while (i < to) {
            tail.append(" ".repeat(spacing.between(prev, i)));
            TokenType t = tokens.type(i);
            if (t == TokenType.OHEREDOC) {
                heredocs++;
                prev = i;
                i = copyHeredoc(i, tail);
                continue;
            }
            tail.append(tokenText(i));
            depth += bracketDelta(t, openerIndents, indent);
            balanced &= depth >= 0;
            prev = i;
            i++;
        }
        boolean alignable = balanced && heredocs == 0 && depth == 0 && to - from >= 2
                && tokens.type(from) == TokenType.IDENT && tokens.type(from + 1) == TokenType.EQUAL;
        return new Line(indent, tokenText(from), tail.toString(), alignable);
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
        if (t == TokenType.LBRACE || t == TokenType.LBRACK || t == TokenType.LPAREN
                || t == TokenType.INTERP_OPEN || t == TokenType.DIRECTIVE_OPEN) {
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
        boolean wroteAny = false;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.blank()) {
                pendingBlank = wroteAny;
                continue;
            }
            if (pendingBlank) {
                out.append('\n');
                pendingBlank = false;
            }
            int width = line.alignable() ? alignmentWidth(i) : line.head().length();
            out.append("  ".repeat(line.indent())).append(line.head());
            out.append(" ".repeat(width - line.head().length())).append(line.tail()).append('\n');
            wroteAny = true;
        }
        return out.toString();
    }

    /** The longest attribute name among the run of alignable lines (same indent, no gap) containing line {@code i}. */
    private int alignmentWidth(int i) {
        Line line = lines.get(i);
        int width = line.head().length();
        for (int k = i - 1; k >= 0 && sameRun(lines.get(k), line); k--) {
            width = Math.max(width, lines.get(k).head().length());
        }
        for (int k = i + 1; k < lines.size() && sameRun(lines.get(k), line); k++) {
            width = Math.max(width, lines.get(k).head().length());
        }
        return width;
    }

    private static boolean sameRun(Line other, Line line) {
        return other.alignable() && other.indent() == line.indent();
    }
}
