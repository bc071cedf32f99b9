package io.netform.hcl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parses tuple and object constructors and the for expressions that share their brackets. */
final class CollectionParser {
    private final TokenCursor c;
    private final Tokens tokens;
    private final ExpressionParser expressions;

    CollectionParser(TokenCursor cursor, ExpressionParser expressions) {
        this.c = cursor;
        this.tokens = cursor.tokens();
        this.expressions = expressions;
    }

    Expression parseTuple() {
        int open = c.next();
        c.pushNewlines(false);
        try {
            if (c.nextIsKeyword("for")) {
                return parseFor(open, TokenType.RBRACK);
            }
            List<Expression> elements = new ArrayList<>();
            parseTupleElements(open, elements);
            return new Expression.Tuple(elements, c.rangeFrom(tokens.start(open)));
        } finally {
            c.popNewlines();
        }
    }

    private void parseTupleElements(int open, List<Expression> elements) {
        while (true) {
            TokenType type = c.peekType();
            if (type == TokenType.RBRACK) {
                c.next();
                return;
            }
            if (type == TokenType.EOF) {
                c.error(
                        open,
                        "Missing closing bracket",
                        "There is no closing bracket (\"]\") for this tuple before the end of the file.");
                return;
            }
            int errors = c.errorCount();
            elements.add(expressions.parse());
            if (c.errorCount() > errors) {
                c.recoverTo(TokenType.RBRACK);
                return;
            }
            type = c.peekType();
            if (type == TokenType.COMMA) {
                c.next();
            } else if (c.startsAttributeLine(c.peek())) {
                c.error(
                        open,
                        "Missing closing bracket",
                        "There is no closing bracket (\"]\") for this tuple before "
                                + "the next argument definition, at " + c.tokenRange(c.peek()) + ".");
                return;
            } else if (type != TokenType.RBRACK && type != TokenType.EOF) {
                c.error(c.peek(), "Missing item separator", "Expected a comma to mark the beginning of the next item.");
                c.recoverTo(TokenType.RBRACK);
                return;
            }
        }
    }

    Expression parseObject() {
        int open = c.next();
        // A for expression may start on the line after the brace, so look past newlines for it.
        c.pushNewlines(false);
        try {
            if (c.nextIsKeyword("for")) {
                return parseFor(open, TokenType.RBRACE);
            }
        } finally {
            c.popNewlines();
        }
        c.pushNewlines(true);
        try {
            List<ObjectItem> items = new ArrayList<>();
            parseObjectItems(open, items);
            return new Expression.ObjectCons(items, c.rangeFrom(tokens.start(open)));
        } finally {
            c.popNewlines();
        }
    }

    private void parseObjectItems(int open, List<ObjectItem> items) {
        while (true) {
            TokenType type = c.peekType();
            if (type == TokenType.NEWLINE) {
                c.next();
                continue;
            }
            if (type == TokenType.RBRACE) {
                c.next();
                return;
            }
            if (type == TokenType.EOF) {
                c.error(
                        open,
                        "Missing closing brace",
                        "There is no closing brace (\"}\") for this object before the end of the file.");
                return;
            }
            int errors = c.errorCount();
            ObjectItem item = parseObjectItem();
            if (item == null || c.errorCount() > errors) {
                c.recoverTo(TokenType.RBRACE);
                return;
            }
            items.add(item);
            type = c.peekType();
            if (type == TokenType.COMMA || type == TokenType.NEWLINE) {
                c.next();
            } else if (type != TokenType.RBRACE && type != TokenType.EOF) {
                c.error(
                        c.peek(),
                        "Missing attribute separator",
                        "Expected a newline or comma to mark the beginning of the next attribute.");
                c.recoverTo(TokenType.RBRACE);
                return;
            }
        }
    }

    private ObjectItem parseObjectItem() {
        int first = c.peek();
        ObjectKey key;
        TokenType second = c.peekSecondType();
        if (tokens.type(first) == TokenType.IDENT && (second == TokenType.EQUAL || second == TokenType.COLON)) {
            c.next();
            key = new ObjectKey.Name(tokens.text(first), c.tokenRange(first));
        } else {
            key = new ObjectKey.Computed(expressions.parse());
        }
        TokenType type = c.peekType();
        if (type != TokenType.EQUAL && type != TokenType.COLON) {
            c.error(
                    c.peek(),
                    "Missing key/value separator",
                    "Expected an equals sign (\"=\") to mark the beginning of the attribute value.");
            return null;
        }
        c.next();
        Expression value = expressions.parse();
        return new ObjectItem(key, value, c.rangeFrom(tokens.start(first)));
    }

    private Expression parseFor(int open, TokenType closer) {
        int start = tokens.start(open);
        ExpressionParser.ForIntro intro = expressions.parseForIntro(closer);
        if (intro == null) {
            return new Expression.Invalid(c.rangeFrom(start));
        }
        int errors = c.errorCount();
        Optional<Expression> keyResult = Optional.empty();
        if (closer == TokenType.RBRACE) {
            keyResult = Optional.of(expressions.parse());
            if (c.errorCount() == errors && !c.nextIs(TokenType.FAT_ARROW)) {
                c.error(
                        c.peek(),
                        "Invalid 'for' expression",
                        "Key expression is required when building an object; "
                                + "write the key and the value separated by \"=>\".");
            }
            if (c.errorCount() > errors) {
                c.recoverTo(closer);
                return new Expression.Invalid(c.rangeFrom(start));
            }
            c.next();
        }
        Expression valueResult = expressions.parse();
        boolean grouping = false;
        if (closer == TokenType.RBRACE && c.nextIs(TokenType.ELLIPSIS)) {
            c.next();
            grouping = true;
        }
        Optional<Expression> condition = Optional.empty();
        if (c.errorCount() == errors && c.nextIsKeyword("if")) {
            c.next();
            condition = Optional.of(expressions.parse());
        }
        if (c.errorCount() == errors && c.nextIs(closer)) {
            c.next();
        } else {
            if (c.errorCount() == errors) {
                c.error(
                        c.peek(),
                        "Invalid 'for' expression",
                        "Extra characters after the end of the 'for' expression.");
            }
            c.recoverTo(closer);
        }
        return new Expression.For(
                intro.keyVar(),
                intro.valueVar(),
                intro.collection(),
                keyResult,
                valueResult,
                condition,
                grouping,
                c.rangeFrom(start));
    }
}
