package io.netform.hcl;

/**
 * The canonical spacing between two adjacent tokens on a line: 0 or 1 space. Where the style
 * leaves a choice to the author (the inside of template sequences, a keyword before a bracket),
 * the original spacing is kept, collapsed to at most one space.
 */
final class TokenSpacing {
    private final Tokens tokens;

    TokenSpacing(Tokens tokens) {
        this.tokens = tokens;
    }

    /** Spaces to put between token {@code prev} and token {@code next} (adjacent on one line). */
    int between(int prev, int next) {
        TokenType a = tokens.type(prev);
        TokenType b = tokens.type(next);
        if (b == TokenType.COMMENT || a == TokenType.COMMENT) {
            return 1;
        }
        if (isTemplateText(a)
                || isTemplateText(b)
                || a == TokenType.OQUOTE
                || b == TokenType.CQUOTE
                || a == TokenType.SEQ_END
                || b == TokenType.INTERP_OPEN
                || b == TokenType.DIRECTIVE_OPEN) {
            // template structure: any space here would be literal text, which belongs to the author
            return 0;
        }
        if (a == TokenType.INTERP_OPEN || a == TokenType.DIRECTIVE_OPEN || b == TokenType.SEQ_END) {
            return original(prev, next);
        }
        if (a == TokenType.DOUBLE_COLON || b == TokenType.DOUBLE_COLON) {
            return 0;
        }
        if ((a == TokenType.NUMBER && b == TokenType.DOT)
                || (a == TokenType.DOT
                        && b == TokenType.NUMBER
                        && prev > 0
                        && tokens.type(prev - 1) == TokenType.NUMBER)) {
            // joining "1 .2" or "x.0 .1" would lex as a decimal number
            return original(prev, next);
        }
        if (b == TokenType.COMMA
                || b == TokenType.RPAREN
                || b == TokenType.RBRACK
                || b == TokenType.ELLIPSIS
                || b == TokenType.DOT
                || a == TokenType.DOT
                || a == TokenType.LPAREN
                || a == TokenType.LBRACK
                || a == TokenType.BANG) {
            return 0;
        }
        if (a == TokenType.LBRACE) {
            return b == TokenType.RBRACE ? 0 : 1;
        }
        if (a == TokenType.MINUS && isUnaryMinus(prev)) {
            return 0;
        }
        if (b == TokenType.LBRACK || b == TokenType.LPAREN) {
            return spaceBeforeOpening(prev);
        }
        return 1;
    }

    /** An index or a call follows its operand directly; after a keyword or an operator a space separates. */
    private int spaceBeforeOpening(int prev) {
        TokenType a = tokens.type(prev);
        if (a == TokenType.IDENT) {
            return isKeyword(prev) ? original(prev, prev + 1) : 0;
        }
        if (a == TokenType.STAR && prev > 0 && tokens.type(prev - 1) == TokenType.DOT) {
            return 0;
        }
        return endsOperand(a) ? 0 : 1;
    }

    private boolean isUnaryMinus(int minus) {
        if (minus == 0) {
            return true;
        }
        int before = minus - 1;
        TokenType t = tokens.type(before);
        if (t == TokenType.IDENT) {
            return isKeyword(before);
        }
        return !(t == TokenType.NUMBER || endsOperand(t));
    }

    private static boolean endsOperand(TokenType t) {
        return t == TokenType.RPAREN
                || t == TokenType.RBRACK
                || t == TokenType.RBRACE
                || t == TokenType.CQUOTE
                || t == TokenType.CHEREDOC
                || t == TokenType.NUMBER;
    }

    private boolean isKeyword(int i) {
        return tokens.textEquals(i, "in") || tokens.textEquals(i, "if") || tokens.textEquals(i, "for");
    }

    private int original(int prev, int next) {
        return tokens.start(next) > tokens.end(prev) ? 1 : 0;
    }

    private static boolean isTemplateText(TokenType t) {
        return t == TokenType.QUOTED_LIT || t == TokenType.STRING_LIT;
    }
}
