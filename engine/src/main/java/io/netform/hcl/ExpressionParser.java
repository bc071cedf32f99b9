package io.netform.hcl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recursive-descent parser for the expression sub-language: precedence climbing for operators,
 * then terms with their postfix traversals, collections, for expressions and calls.
 */
final class ExpressionParser {
    private final TokenCursor c;
    private final Tokens tokens;
    private final TemplateParser templates;
    private final TraversalParser traversals;
    private final CollectionParser collections;
    private final char[] chars;

    ExpressionParser(TokenCursor cursor) {
        this.c = cursor;
        this.tokens = cursor.tokens();
        this.chars = tokens.source().chars();
        this.templates = new TemplateParser(cursor, this);
        this.traversals = new TraversalParser(cursor, this);
        this.collections = new CollectionParser(cursor, this);
    }

    TemplateParser templates() {
        return templates;
    }

    Expression parse() {
        int at = c.peek();
        try {
            return c.enterNesting(at) ? parseConditional() : new Expression.Invalid(c.tokenRange(at));
        } finally {
            c.exitNesting();
        }
    }

    private Expression parseConditional() {
        Expression condition = parseBinary(BinaryOperator.LOWEST);
        if (!c.nextIs(TokenType.QUESTION)) {
            return condition;
        }
        c.next();
        Expression whenTrue = parse();
        if (!c.nextIs(TokenType.COLON)) {
            int at = c.peek();
            c.error(
                    at,
                    "Missing false expression in conditional",
                    "The conditional operator (...?...:...) requires a false expression, delimited by a colon.");
            return new Expression.Conditional(
                    condition,
                    whenTrue,
                    new Expression.Invalid(c.tokenRange(at)),
                    condition.range().to(whenTrue.range()));
        }
        c.next();
        Expression whenFalse = parse();
        return new Expression.Conditional(
                condition, whenTrue, whenFalse, condition.range().to(whenFalse.range()));
    }

    /** Precedence climbing: operators binding at least as tightly as {@code minPrecedence}, left-associative. */
    private Expression parseBinary(int minPrecedence) {
        Expression left = parseUnary();
        while (true) {
            BinaryOperator operator = BinaryOperator.of(c.peekType());
            if (operator == null || operator.precedence() < minPrecedence) {
                return left;
            }
            c.next();
            Expression right = parseBinary(operator.precedence() + 1);
            left = new Expression.Binary(operator, left, right, left.range().to(right.range()));
        }
    }

    private Expression parseUnary() {
        TokenType type = c.peekType();
        if (type != TokenType.MINUS && type != TokenType.BANG) {
            return parseTerm();
        }
        int op = c.next();
        Expression operand;
        try {
            operand = c.enterNesting(op) ? parseUnary() : new Expression.Invalid(c.tokenRange(op));
        } finally {
            c.exitNesting();
        }
        UnaryOperator operator = type == TokenType.MINUS ? UnaryOperator.NEGATE : UnaryOperator.NOT;
        return new Expression.Unary(operator, operand, c.rangeFrom(tokens.start(op)));
    }

    private Expression parseTerm() {
        int start = tokens.start(c.peek());
        Expression term = parsePrimary();
        if (term instanceof Expression.Invalid) {
            return term;
        }
        return traversals.parsePostfix(term, start);
    }

    private Expression parsePrimary() {
        int i = c.peek();
        return switch (tokens.type(i)) {
            case NUMBER -> parseNumber(c.next());
            case IDENT -> parseIdentifierTerm();
            case LPAREN -> parseParentheses();
            case LBRACK -> collections.parseTuple();
            case LBRACE -> collections.parseObject();
            case OQUOTE -> templates.parseQuoted();
            case OHEREDOC -> templates.parseHeredoc();
            case EOF ->
                invalid(i, "Missing expression", "Expected the start of an expression, but found the end of the file.");
            default ->
                invalid(
                        i,
                        "Invalid expression",
                        "Expected the start of an expression, but found "
                                + tokens.type(i).describe() + ".");
        };
    }

    private Expression invalid(int at, String summary, String detail) {
        c.error(at, summary, detail);
        return new Expression.Invalid(c.tokenRange(at));
    }

    Expression parseNumber(int i) {
        SourceRange range = c.tokenRange(i);
        try {
            return new Expression.NumberLiteral(
                    new BigDecimal(chars, tokens.start(i), tokens.end(i) - tokens.start(i)), range);
        } catch (NumberFormatException e) {
            c.error(
                    range,
                    "Invalid number literal",
                    "The number " + tokens.text(i) + " is out of the supported range.");
            return new Expression.Invalid(range);
        }
    }

    private Expression parseIdentifierTerm() {
        int i = c.next();
        SourceRange range = c.tokenRange(i);
        if (tokens.textEquals(i, "true")) {
            return new Expression.BoolLiteral(true, range);
        }
        if (tokens.textEquals(i, "false")) {
            return new Expression.BoolLiteral(false, range);
        }
        if (tokens.textEquals(i, "null")) {
            return new Expression.NullLiteral(range);
        }
        if (c.nextIs(TokenType.LPAREN)) {
            return parseCall(i, tokens.text(i));
        }
        if (c.nextIs(TokenType.DOUBLE_COLON)) {
            return parseNamespacedCall(i);
        }
        return new Expression.Identifier(tokens.text(i), range);
    }

    /** {@code provider::nsxt::fn(...)}: a function a provider defines, named with its namespace. */
    private Expression parseNamespacedCall(int first) {
        StringBuilder name = new StringBuilder(tokens.text(first));
        while (c.nextIs(TokenType.DOUBLE_COLON)) {
            c.next();
            int part = c.peek();
            if (tokens.type(part) != TokenType.IDENT) {
                return invalid(part, "Invalid function name", "A name is required after \"::\" in a function name.");
            }
            c.next();
            name.append("::").append(tokens.text(part));
        }
        if (!c.nextIs(TokenType.LPAREN)) {
            return invalid(
                    c.peek(),
                    "Missing function call",
                    "A namespaced name such as " + name + " can only be used to call a function, followed by \"(\".");
        }
        return parseCall(first, name.toString());
    }

    private Expression parseCall(int name, String functionName) {
        SourceRange nameRange = c.rangeFrom(tokens.start(name));
        int open = c.next();
        c.pushNewlines(false);
        List<Expression> args = new ArrayList<>();
        boolean expandFinal = false;
        while (true) {
            TokenType type = c.peekType();
            if (type == TokenType.RPAREN) {
                c.next();
                break;
            }
            if (type == TokenType.EOF) {
                c.error(
                        open,
                        "Missing closing parenthesis",
                        "There is no closing parenthesis for this function call before the end of the file.");
                break;
            }
            int errors = c.errorCount();
            args.add(parse());
            if (c.errorCount() > errors) {
                c.recoverTo(TokenType.RPAREN);
                break;
            }
            type = c.peekType();
            if (type == TokenType.COMMA) {
                c.next();
            } else if (type == TokenType.ELLIPSIS) {
                c.next();
                expandFinal = true;
                if (c.nextIs(TokenType.RPAREN)) {
                    c.next();
                } else {
                    c.error(
                            c.peek(),
                            "Missing closing parenthesis",
                            "An expanded function argument (with \"...\") "
                                    + "must be immediately followed by the closing parenthesis of the call.");
                    c.recoverTo(TokenType.RPAREN);
                }
                break;
            } else if (c.startsAttributeLine(c.peek())) {
                c.error(
                        open,
                        "Missing closing parenthesis",
                        "There is no closing parenthesis for this function call "
                                + "before the next argument definition, at " + c.tokenRange(c.peek()) + ".");
                break;
            } else if (type != TokenType.RPAREN && type != TokenType.EOF) {
                c.error(
                        c.peek(),
                        "Missing argument separator",
                        "A comma is required to separate each function argument from the next.");
                c.recoverTo(TokenType.RPAREN);
                break;
            }
        }
        c.popNewlines();
        return new Expression.FunctionCall(functionName, args, expandFinal, nameRange, c.rangeFrom(tokens.start(name)));
    }

    private Expression parseParentheses() {
        int open = c.next();
        c.pushNewlines(false);
        int errors = c.errorCount();
        Expression inner = parse();
        if (c.nextIs(TokenType.RPAREN)) {
            c.next();
        } else {
            if (c.errorCount() == errors) {
                c.error(
                        c.blameForMissingCloser(open),
                        "Unbalanced parentheses",
                        "Expected a closing parenthesis to terminate the expression.");
            }
            c.recoverTo(TokenType.RPAREN);
        }
        c.popNewlines();
        return new Expression.Parentheses(inner, c.rangeFrom(tokens.start(open)));
    }

    /** Parses {@code for k, v in coll :} up to and including the colon; null after reporting an error. */
    ForIntro parseForIntro(TokenType closer) {
        c.next();
        int first = c.peek();
        if (tokens.type(first) != TokenType.IDENT) {
            return forError(first, "For expression requires a variable name after 'for'.", closer);
        }
        c.next();
        Optional<String> keyVar = Optional.empty();
        String valueVar = tokens.text(first);
        if (c.nextIs(TokenType.COMMA)) {
            c.next();
            int second = c.peek();
            if (tokens.type(second) != TokenType.IDENT) {
                return forError(second, "For expression requires a value variable name after the comma.", closer);
            }
            c.next();
            keyVar = Optional.of(valueVar);
            valueVar = tokens.text(second);
        }
        if (!c.nextIsKeyword("in")) {
            return forError(c.peek(), "For expression requires the 'in' keyword after its name declarations.", closer);
        }
        c.next();
        int errors = c.errorCount();
        Expression collection = parse();
        if (c.errorCount() > errors) {
            c.recoverTo(closer);
            return null;
        }
        if (closer != TokenType.SEQ_END) {
            if (!c.nextIs(TokenType.COLON)) {
                return forError(c.peek(), "For expression requires a colon after the collection expression.", closer);
            }
            c.next();
        }
        return new ForIntro(keyVar, valueVar, collection);
    }

    private ForIntro forError(int at, String detail, TokenType closer) {
        c.error(at, "Invalid 'for' expression", detail);
        c.recoverTo(closer);
        return null;
    }

    /** The introduction of a for expression or template for directive. */
    record ForIntro(Optional<String> keyVar, String valueVar, Expression collection) {}
}
