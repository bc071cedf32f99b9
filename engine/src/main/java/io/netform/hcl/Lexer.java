package io.netform.hcl;

import java.util.Arrays;

/**
 * Splits HCL source into {@link Tokens} in one pass over a char array. Templates nest inside
 * expressions and expressions inside templates, so the lexer keeps a stack of modes; a closing
 * brace ends an interpolation only when no object braces are open inside it.
 */
public final class Lexer {
    private static final byte EXPR = 0;
    private static final byte TEMPLATE_SEQ = 1;
    private static final byte QUOTED = 2;
    private static final byte HEREDOC = 3;
    private static final byte BARE_TEMPLATE = 4;

    private final char[] src;
    private final int len;
    private final Tokens out;
    private int pos;

    private byte[] modes = new byte[8];
    private int[] braceDepths = new int[8];
    private int[] markerStarts = new int[8];
    private int[] markerEnds = new int[8];
    private boolean[] atLineStart = new boolean[8];
    private int top;

    private Lexer(SourceFile source, byte initialMode) {
        this.src = source.chars();
        this.len = src.length;
        this.out = new Tokens(source, len / 2);
        modes[0] = initialMode;
        atLineStart[0] = true;
    }

    /** Tokenizes a configuration file or a standalone expression. */
    public static Tokens lexConfig(SourceFile source) {
        return new Lexer(source, EXPR).run();
    }

    /** Tokenizes a standalone template (the contents of a template file): literal text with sequences. */
    public static Tokens lexTemplate(SourceFile source) {
        return new Lexer(source, BARE_TEMPLATE).run();
    }

    private Tokens run() {
        while (pos < len) {
            switch (modes[top]) {
                case EXPR, TEMPLATE_SEQ -> lexExpressionToken();
                case QUOTED -> lexQuoted();
                default -> lexHeredocOrTemplate();
            }
        }
        out.add(TokenType.EOF, len, len);
        return out;
    }

    private void push(byte mode) {
        top++;
        if (top == modes.length) {
            int capacity = top * 2;
            modes = Arrays.copyOf(modes, capacity);
            braceDepths = Arrays.copyOf(braceDepths, capacity);
            markerStarts = Arrays.copyOf(markerStarts, capacity);
            markerEnds = Arrays.copyOf(markerEnds, capacity);
            atLineStart = Arrays.copyOf(atLineStart, capacity);
        }
        modes[top] = mode;
        braceDepths[top] = 0;
        atLineStart[top] = false;
    }

    private void pop() {
        if (top > 0) {
            top--;
        }
    }

    private char at(int i) {
        return i < len ? src[i] : '\0';
    }

    private void emit(TokenType type, int end) {
        out.add(type, pos, end);
        pos = end;
    }

    private void lexExpressionToken() {
        char c = src[pos];
        while (c == ' ' || c == '\t') {
            if (++pos == len) {
                return;
            }
            c = src[pos];
        }
        switch (c) {
            case '\n' -> emit(TokenType.NEWLINE, pos + 1);
            case '\r' -> emitPair('\n', TokenType.NEWLINE, TokenType.INVALID);
            case '#' -> emit(TokenType.COMMENT, lineCommentEnd(pos + 1));
            case '/' -> lexSlash();
            case '"' -> {
                emit(TokenType.OQUOTE, pos + 1);
                push(QUOTED);
            }
            case '{' -> {
                braceDepths[top]++;
                emit(TokenType.LBRACE, pos + 1);
            }
            case '}' -> lexCloseBrace(pos + 1);
            case '~' -> {
                if (at(pos + 1) == '}' && modes[top] == TEMPLATE_SEQ && braceDepths[top] == 0) {
                    lexCloseBrace(pos + 2);
                } else {
                    emit(TokenType.INVALID, pos + 1);
                }
            }
            default -> lexOperator(c);
        }
    }

    private void lexOperator(char c) {
        switch (c) {
            case '[' -> emit(TokenType.LBRACK, pos + 1);
            case ']' -> emit(TokenType.RBRACK, pos + 1);
            case '(' -> emit(TokenType.LPAREN, pos + 1);
            case ')' -> emit(TokenType.RPAREN, pos + 1);
            case ',' -> emit(TokenType.COMMA, pos + 1);
            case ':' -> emitPair(':', TokenType.DOUBLE_COLON, TokenType.COLON);
            case '?' -> emit(TokenType.QUESTION, pos + 1);
            case '+' -> emit(TokenType.PLUS, pos + 1);
            case '-' -> emit(TokenType.MINUS, pos + 1);
            case '*' -> emit(TokenType.STAR, pos + 1);
            case '%' -> emit(TokenType.PERCENT, pos + 1);
            case '.' -> {
                boolean ellipsis = at(pos + 1) == '.' && at(pos + 2) == '.';
                emit(ellipsis ? TokenType.ELLIPSIS : TokenType.DOT, ellipsis ? pos + 3 : pos + 1);
            }
            case '=' -> lexEquals();
            case '!' -> emitPair('=', TokenType.NOTEQ, TokenType.BANG);
            case '>' -> emitPair('=', TokenType.GE, TokenType.GT);
            case '<' -> lexLess();
            case '&' -> emitPair('&', TokenType.AND, TokenType.INVALID);
            case '|' -> emitPair('|', TokenType.OR, TokenType.INVALID);
            default -> lexWordOrNumber(c);
        }
    }

    /** Emits {@code pair} when the next character is {@code second}, else the one-character {@code single}. */
    private void emitPair(char second, TokenType pair, TokenType single) {
        if (at(pos + 1) == second) {
            emit(pair, pos + 2);
        } else {
            emit(single, pos + 1);
        }
    }

    private void lexWordOrNumber(char c) {
        if (c >= '0' && c <= '9') {
            emit(TokenType.NUMBER, numberEnd(pos));
        } else if (isIdentStart(pos)) {
            emit(TokenType.IDENT, identEnd(pos + Character.charCount(Character.codePointAt(src, pos))));
        } else {
            emit(TokenType.INVALID, pos + Character.charCount(Character.codePointAt(src, pos)));
        }
    }

    private void lexSlash() {
        char next = at(pos + 1);
        if (next == '/') {
            emit(TokenType.COMMENT, lineCommentEnd(pos + 2));
        } else if (next == '*') {
            int i = pos + 2;
            while (i + 1 < len && !(src[i] == '*' && src[i + 1] == '/')) {
                i++;
            }
            if (i + 1 < len) {
                emit(TokenType.COMMENT, i + 2);
            } else {
                emit(TokenType.UNTERMINATED_COMMENT, len);
            }
        } else {
            emit(TokenType.SLASH, pos + 1);
        }
    }

    private void lexEquals() {
        char next = at(pos + 1);
        if (next == '=') {
            emit(TokenType.EQEQ, pos + 2);
        } else if (next == '>') {
            emit(TokenType.FAT_ARROW, pos + 2);
        } else {
            emit(TokenType.EQUAL, pos + 1);
        }
    }

    private void lexCloseBrace(int end) {
        if (modes[top] == TEMPLATE_SEQ && braceDepths[top] == 0) {
            emit(TokenType.SEQ_END, end);
            pop();
        } else {
            if (braceDepths[top] > 0) {
                braceDepths[top]--;
            }
            emit(TokenType.RBRACE, end);
        }
    }

    /** {@code <<EOT} / {@code <<-EOT} followed by a newline opens a heredoc; anything else is a comparison. */
    private void lexLess() {
        if (at(pos + 1) == '<') {
            int i = pos + 2;
            if (at(i) == '-') {
                i++;
            }
            if (i < len && isIdentStart(i)) {
                int markerEnd = identEnd(i + 1);
                int lineEnd = at(markerEnd) == '\r' && at(markerEnd + 1) == '\n'
                        ? markerEnd + 2
                        : at(markerEnd) == '\n' ? markerEnd + 1 : -1;
                if (lineEnd > 0) {
                    emit(TokenType.OHEREDOC, lineEnd);
                    push(HEREDOC);
                    markerStarts[top] = i;
                    markerEnds[top] = markerEnd;
                    atLineStart[top] = true;
                    return;
                }
            }
        }
        emitPair('=', TokenType.LE, TokenType.LT);
    }

    private void lexQuoted() {
        char c = src[pos];
        if (c == '"') {
            emit(TokenType.CQUOTE, pos + 1);
            pop();
            return;
        }
        if (c == '\n' || (c == '\r' && at(pos + 1) == '\n')) {
            // a quoted template cannot span lines: give the newline back to the enclosing expression
            pop();
            return;
        }
        if (lexSequenceOpen()) {
            return;
        }
        int i = pos;
        while (i < len) {
            c = src[i];
            if (c == '"' || c == '\n' || (c == '\r' && at(i + 1) == '\n') || opensSequence(i)) {
                break;
            }
            if (c == '\\' && i + 1 < len && src[i + 1] != '\n' && src[i + 1] != '\r') {
                i += 2;
            } else {
                i += escapedSequenceLength(i);
            }
        }
        emit(TokenType.QUOTED_LIT, i);
    }

    private void lexHeredocOrTemplate() {
        if (modes[top] == HEREDOC && atLineStart[top] && lexHeredocEnd()) {
            return;
        }
        if (lexSequenceOpen()) {
            atLineStart[top] = false;
            return;
        }
        int i = pos;
        boolean endedLine = false;
        while (i < len) {
            if (src[i] == '\n') {
                i++;
                endedLine = true;
                break;
            }
            if (opensSequence(i)) {
                break;
            }
            i += escapedSequenceLength(i);
        }
        atLineStart[top] = endedLine;
        emit(TokenType.STRING_LIT, i);
    }

    private boolean lexHeredocEnd() {
        int i = pos;
        while (i < len && (src[i] == ' ' || src[i] == '\t')) {
            i++;
        }
        int markerLength = markerEnds[top] - markerStarts[top];
        if (i + markerLength > len
                || !Arrays.equals(src, i, i + markerLength, src, markerStarts[top], markerEnds[top])) {
            return false;
        }
        int after = i + markerLength;
        if (after < len && src[after] != '\n' && !(src[after] == '\r' && at(after + 1) == '\n')) {
            return false;
        }
        emit(TokenType.CHEREDOC, after);
        pop();
        return true;
    }

    /** Emits {@code ${} / {@code %{} (with an optional strip marker) and enters expression mode. */
    private boolean lexSequenceOpen() {
        if (!opensSequence(pos)) {
            return false;
        }
        TokenType type = src[pos] == '$' ? TokenType.INTERP_OPEN : TokenType.DIRECTIVE_OPEN;
        emit(type, at(pos + 2) == '~' ? pos + 3 : pos + 2);
        push(TEMPLATE_SEQ);
        return true;
    }

    private boolean opensSequence(int i) {
        char c = src[i];
        return (c == '$' || c == '%') && at(i + 1) == '{';
    }

    /** {@code $${} and {@code %%{} are escapes for a literal {@code ${} / {@code %{}: three characters of text. */
    private int escapedSequenceLength(int i) {
        char c = src[i];
        if ((c == '$' || c == '%') && at(i + 1) == c && at(i + 2) == '{') {
            return 3;
        }
        return 1;
    }

    private int lineCommentEnd(int i) {
        while (i < len && src[i] != '\n' && !(src[i] == '\r' && at(i + 1) == '\n')) {
            i++;
        }
        return i;
    }

    private int numberEnd(int i) {
        i = digitsEnd(i);
        if (at(i) == '.' && isDigit(at(i + 1))) {
            i = digitsEnd(i + 1);
        }
        char e = at(i);
        if (e == 'e' || e == 'E') {
            int j = i + 1;
            if (at(j) == '+' || at(j) == '-') {
                j++;
            }
            if (isDigit(at(j))) {
                i = digitsEnd(j);
            }
        }
        return i;
    }

    private int digitsEnd(int i) {
        while (i < len && isDigit(src[i])) {
            i++;
        }
        return i;
    }

    private int identEnd(int i) {
        while (i < len) {
            char c = src[i];
            if (c < 0x80) {
                if (!(isAsciiLetter(c) || isDigit(c) || c == '_' || c == '-')) {
                    return i;
                }
                i++;
            } else {
                int cp = Character.codePointAt(src, i);
                if (!Character.isUnicodeIdentifierPart(cp)) {
                    return i;
                }
                i += Character.charCount(cp);
            }
        }
        return i;
    }

    private boolean isIdentStart(int i) {
        char c = src[i];
        if (c < 0x80) {
            return isAsciiLetter(c) || c == '_';
        }
        return Character.isUnicodeIdentifierStart(Character.codePointAt(src, i));
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
