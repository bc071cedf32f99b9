package io.netform.hcl;

/**
 * Parses the postfix operators after a term: attribute access, index (including the legacy
 * {@code .0} form) and the two splats, whose trailing traversals apply to each element.
 */
final class TraversalParser {
    private final TokenCursor c;
    private final Tokens tokens;
    private final ExpressionParser expressions;

    TraversalParser(TokenCursor cursor, ExpressionParser expressions) {
        this.c = cursor;
        this.tokens = cursor.tokens();
        this.expressions = expressions;
    }

    Expression parsePostfix(Expression term, int start) {
        Expression result = term;
        while (true) {
            TokenType type = c.peekType();
            if (type == TokenType.DOT) {
                int dot = c.next();
                if (c.nextIs(TokenType.STAR)) {
                    c.next();
                    result = parseAttributeSplat(result, start, tokens.start(dot));
                    continue;
                }
                Expression step = parseDotStep(result, start);
                if (step == null) {
                    return result;
                }
                result = step;
            } else if (type == TokenType.LBRACK) {
                int open = c.next();
                if (c.nextIs(TokenType.STAR) && c.peekSecondType() == TokenType.RBRACK) {
                    c.next();
                    c.next();
                    result = parseFullSplat(result, start, tokens.start(open));
                } else {
                    result = parseIndex(result, start, open);
                }
            } else {
                return result;
            }
        }
    }

    /** After a consumed dot: {@code .name} or the legacy {@code .0}; null (after reporting) otherwise. */
    private Expression parseDotStep(Expression source, int start) {
        int i = c.peek();
        TokenType type = tokens.type(i);
        if (type == TokenType.IDENT) {
            c.next();
            return new Expression.GetAttr(source, tokens.text(i), c.rangeFrom(start));
        }
        if (type == TokenType.NUMBER) {
            c.next();
            if (!isDigits(i)) {
                c.error(
                        i,
                        "Invalid legacy index syntax",
                        "The legacy index syntax (.0) takes a whole number; "
                                + "use the index syntax instead, like [0].");
                return new Expression.Invalid(c.rangeFrom(start));
            }
            Expression key = expressions.parseNumber(i);
            return new Expression.Index(source, key, true, c.rangeFrom(start));
        }
        c.error(i, "Invalid attribute name", "An attribute name is required after a dot.");
        return null;
    }

    private Expression parseIndex(Expression source, int start, int open) {
        c.pushNewlines(false);
        int errors = c.errorCount();
        Expression key = expressions.parse();
        if (c.nextIs(TokenType.RBRACK)) {
            c.next();
        } else {
            if (c.errorCount() == errors) {
                c.error(
                        c.blameForMissingCloser(open),
                        "Missing close bracket on index",
                        "The index operator must end with a closing bracket (\"]\").");
            }
            c.recoverTo(TokenType.RBRACK);
        }
        c.popNewlines();
        return new Expression.Index(source, key, false, c.rangeFrom(start));
    }

    /** {@code source.*.a.b}: only attribute steps belong to the splat. */
    private Expression parseAttributeSplat(Expression source, int start, int itemStart) {
        Expression each = new Expression.SplatItem(c.rangeFrom(itemStart));
        while (c.nextIs(TokenType.DOT) && c.peekSecondType() == TokenType.IDENT) {
            c.next();
            int name = c.next();
            each = new Expression.GetAttr(each, tokens.text(name), c.rangeFrom(itemStart));
        }
        return new Expression.Splat(source, each, c.rangeFrom(start));
    }

    /** {@code source[*].a[0].b}: attribute and index steps both belong to the splat. */
    private Expression parseFullSplat(Expression source, int start, int itemStart) {
        Expression each = new Expression.SplatItem(c.rangeFrom(itemStart));
        while (true) {
            TokenType type = c.peekType();
            TokenType second = c.peekSecondType();
            if (type == TokenType.DOT && (second == TokenType.IDENT || second == TokenType.NUMBER)) {
                c.next();
                Expression step = parseDotStep(each, itemStart);
                if (step == null) {
                    break;
                }
                each = step;
            } else if (type == TokenType.LBRACK && second != TokenType.STAR) {
                int open = c.next();
                each = parseIndex(each, itemStart, open);
            } else {
                break;
            }
        }
        return new Expression.Splat(source, each, c.rangeFrom(start));
    }

    private boolean isDigits(int i) {
        char[] chars = tokens.source().chars();
        for (int k = tokens.start(i); k < tokens.end(i); k++) {
            if (chars[k] < '0' || chars[k] > '9') {
                return false;
            }
        }
        return true;
    }
}
