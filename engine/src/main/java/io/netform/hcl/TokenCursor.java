package io.netform.hcl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The parser's view of the token stream: skips comments always and newlines where HCL ignores
 * them (inside parentheses, brackets, interpolations), collects diagnostics and skips past broken
 * constructs so one error does not hide the next.
 */
final class TokenCursor {
    /** Deeper nesting than any real configuration has; beyond it the parser stops instead of overflowing the stack. */
    static final int MAX_NESTING = 400;

    private final Tokens tokens;
    private final SourceFile source;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private int pos;
    private int lastEnd;
    private boolean[] newlineStack = new boolean[16];
    private int newlineTop;
    private int nesting;
    private boolean halted;

    TokenCursor(Tokens tokens) {
        this.tokens = tokens;
        this.source = tokens.source();
        newlineStack[0] = true;
    }

    Tokens tokens() {
        return tokens;
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    int errorCount() {
        return diagnostics.size();
    }

    /**
     * Enters one level of nesting (a sub-expression or a block); every call is paired with
     * {@link #exitNesting()}. Past {@link #MAX_NESTING} levels it reports the problem once, skips
     * to the end of the file and returns false.
     */
    boolean enterNesting(int tokenIndex) {
        if (++nesting <= MAX_NESTING) {
            return true;
        }
        if (!halted) {
            error(
                    tokenIndex,
                    "Nesting too deep",
                    "Expressions and blocks may be nested at most " + MAX_NESTING
                            + " levels deep; the rest of this file was not parsed.");
            halted = true;
        }
        pos = tokens.size() - 1;
        return false;
    }

    void exitNesting() {
        nesting--;
    }

    /** Enters a context where newlines separate items ({@code true}) or are mere whitespace ({@code false}). */
    void pushNewlines(boolean significant) {
        if (++newlineTop == newlineStack.length) {
            newlineStack = Arrays.copyOf(newlineStack, newlineTop * 2);
        }
        newlineStack[newlineTop] = significant;
    }

    void popNewlines() {
        newlineTop--;
    }

    /** The index of the next significant token. */
    int peek() {
        int i = pos;
        boolean newlines = newlineStack[newlineTop];
        while (true) {
            TokenType t = tokens.type(i);
            if (t == TokenType.COMMENT
                    || t == TokenType.UNTERMINATED_COMMENT
                    || (t == TokenType.NEWLINE && !newlines)) {
                i++;
            } else {
                return i;
            }
        }
    }

    TokenType peekType() {
        return tokens.type(peek());
    }

    /** The type of the significant token after the next one. */
    TokenType peekSecondType() {
        int first = peek();
        if (tokens.type(first) == TokenType.EOF) {
            return TokenType.EOF;
        }
        int saved = pos;
        pos = first + 1;
        TokenType second = peekType();
        pos = saved;
        return second;
    }

    /** The type of the very next token, comments and newlines included (templates need it). */
    TokenType rawType() {
        return tokens.type(pos);
    }

    /** The index of the very next token, comments and newlines included. */
    int rawIndex() {
        return pos;
    }

    /** Consumes and returns the next significant token. */
    int next() {
        int i = peek();
        if (tokens.type(i) != TokenType.EOF) {
            pos = i + 1;
            lastEnd = tokens.end(i);
        }
        return i;
    }

    /** Consumes the next token without skipping anything. */
    int nextRaw() {
        int i = pos;
        if (tokens.type(i) != TokenType.EOF) {
            pos = i + 1;
            lastEnd = tokens.end(i);
        }
        return i;
    }

    boolean nextIs(TokenType type) {
        return peekType() == type;
    }

    boolean nextIsKeyword(String word) {
        int i = peek();
        return tokens.type(i) == TokenType.IDENT && tokens.textEquals(i, word);
    }

    /** The offset just after the last consumed token. */
    int lastEnd() {
        return lastEnd;
    }

    SourceRange range(int startOffset, int endOffset) {
        return source.range(startOffset, endOffset);
    }

    /** The range from {@code startOffset} to the end of the last consumed token. */
    SourceRange rangeFrom(int startOffset) {
        return source.range(startOffset, Math.max(startOffset, lastEnd));
    }

    SourceRange tokenRange(int i) {
        return tokens.range(i);
    }

    /**
     * Reports an error about token {@code i}, unless that token is an invalid character or an
     * unterminated comment, which the lexical check has already reported.
     */
    void error(int i, String summary, String detail) {
        TokenType t = tokens.type(i);
        if (halted || t == TokenType.INVALID || t == TokenType.UNTERMINATED_COMMENT) {
            return;
        }
        // a newline has no width worth underlining, and its range would end on the next line
        SourceRange range = t == TokenType.NEWLINE ? source.range(tokens.start(i), tokens.start(i)) : tokens.range(i);
        diagnostics.add(Diagnostic.error(summary, detail, range));
    }

    void error(SourceRange range, String summary, String detail) {
        if (halted) {
            return;
        }
        diagnostics.add(Diagnostic.error(summary, detail, range));
    }

    /**
     * Skips to just after the bracket of type {@code closer} (or the template sequence end) that
     * closes the current construct, stepping over nested brackets and sequences; stops before a
     * closer of another kind, before the end of an enclosing template sequence, or at end of file.
     */
    void recoverTo(TokenType closer) {
        int depth = 0;
        int sequences = 0;
        boolean stopAtAttribute = closer == TokenType.RBRACK || closer == TokenType.RPAREN;
        while (true) {
            TokenType t = tokens.type(pos);
            if (t == TokenType.EOF
                    || (stopAtAttribute && depth == 0 && t == TokenType.NEWLINE && startsAttributeLine(pos + 1))) {
                return;
            }
            if (t == TokenType.INTERP_OPEN || t == TokenType.DIRECTIVE_OPEN) {
                sequences++;
            } else if (t == TokenType.SEQ_END) {
                if (sequences == 0) {
                    // the lexer guarantees this ends the sequence we are in, whatever brackets are open
                    if (closer == TokenType.SEQ_END) {
                        nextRaw();
                    }
                    return;
                }
                sequences--;
            } else if (t == TokenType.LBRACE || t == TokenType.LBRACK || t == TokenType.LPAREN) {
                depth++;
            } else if (t == TokenType.RBRACE || t == TokenType.RBRACK || t == TokenType.RPAREN) {
                if (depth == 0) {
                    if (t == closer) {
                        nextRaw();
                        return;
                    }
                    if (closer != TokenType.SEQ_END) {
                        return;
                    }
                } else {
                    depth--;
                }
            }
            nextRaw();
        }
    }

    /**
     * Skips the rest of a broken body item: up to and including the next newline outside any
     * bracket, stopping before a closing brace that belongs to an enclosing block.
     */
    void recoverToNewline() {
        int depth = 0;
        while (true) {
            TokenType t = tokens.type(pos);
            if (t == TokenType.EOF) {
                return;
            }
            if (opens(t)) {
                depth++;
            } else if (closes(t)) {
                if (depth == 0 && t == TokenType.RBRACE) {
                    return;
                }
                depth = Math.max(0, depth - 1);
            } else if (t == TokenType.NEWLINE && depth == 0) {
                nextRaw();
                return;
            }
            nextRaw();
        }
    }

    /**
     * True when token {@code i} begins a line with {@code name =}: that cannot continue a tuple or
     * an argument list, so an unclosed bracket before it ends there instead of swallowing the file.
     */
    boolean startsAttributeLine(int i) {
        return i > 0
                && tokens.type(i - 1) == TokenType.NEWLINE
                && tokens.type(i) == TokenType.IDENT
                && tokens.type(i + 1) == TokenType.EQUAL;
    }

    /**
     * The token to blame for a missing closing bracket: the opening bracket when the next token
     * already starts the following attribute (the bracket was simply never closed), else the next token.
     */
    int blameForMissingCloser(int open) {
        int next = peek();
        return startsAttributeLine(next) ? open : next;
    }

    private static boolean opens(TokenType t) {
        return t == TokenType.LBRACE
                || t == TokenType.LBRACK
                || t == TokenType.LPAREN
                || t == TokenType.INTERP_OPEN
                || t == TokenType.DIRECTIVE_OPEN;
    }

    private static boolean closes(TokenType t) {
        return t == TokenType.RBRACE || t == TokenType.RBRACK || t == TokenType.RPAREN || t == TokenType.SEQ_END;
    }
}
