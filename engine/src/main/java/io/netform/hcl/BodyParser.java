package io.netform.hcl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parses the structural language: bodies of attributes and blocks, including one-line blocks. */
final class BodyParser {
    private final TokenCursor c;
    private final Tokens tokens;
    private final ExpressionParser expressions;

    BodyParser(TokenCursor cursor, ExpressionParser expressions) {
        this.c = cursor;
        this.tokens = cursor.tokens();
        this.expressions = expressions;
    }

    Body parseFile() {
        List<BodyItem> items = parseItems(false);
        return new Body(items, c.range(0, tokens.source().length()));
    }

    /** Items up to the end of file, or up to (not including) the closing brace of a block. */
    private List<BodyItem> parseItems(boolean inBlock) {
        List<BodyItem> items = new ArrayList<>();
        Map<String, Attribute> attributes = new HashMap<>();
        while (true) {
            int i = c.peek();
            switch (tokens.type(i)) {
                case EOF -> {
                    return items;
                }
                case NEWLINE -> c.next();
                case RBRACE -> {
                    if (inBlock) {
                        return items;
                    }
                    c.error(
                            i,
                            "Argument or block definition required",
                            "An argument or block definition is required here; this closing brace matches no opening brace.");
                    c.next();
                }
                case IDENT -> {
                    BodyItem item = parseItem();
                    if (item != null) {
                        checkRedefinition(item, attributes);
                        items.add(item);
                    }
                }
                case OQUOTE -> {
                    c.error(i, "Invalid argument name", "Argument names must not be quoted.");
                    c.recoverToNewline();
                }
                default -> {
                    c.error(
                            i,
                            "Argument or block definition required",
                            "An argument or block definition is required here.");
                    c.recoverToNewline();
                }
            }
        }
    }

    private void checkRedefinition(BodyItem item, Map<String, Attribute> attributes) {
        if (item instanceof Attribute attribute) {
            Attribute previous = attributes.putIfAbsent(attribute.name(), attribute);
            if (previous != null) {
                c.error(
                        attribute.nameRange(),
                        "Attribute redefined",
                        "The argument \"" + attribute.name() + "\" was already set at " + previous.nameRange()
                                + ". Each argument may be set only once.");
            }
        }
    }

    private BodyItem parseItem() {
        int name = c.next();
        int after = c.peek();
        switch (tokens.type(after)) {
            case EQUAL -> {
                return parseAttribute(name, true);
            }
            case IDENT, OQUOTE, LBRACE -> {
                return parseBlock(name);
            }
            case NEWLINE, EOF ->
                c.error(
                        name,
                        "Argument or block definition required",
                        "An argument or block definition "
                                + "is required here. To set an argument, use the equals sign \"=\" to introduce the argument value.");
            default ->
                c.error(
                        after,
                        "Argument or block definition required",
                        "An argument or block definition "
                                + "is required here. To set an argument, use the equals sign \"=\" to introduce the argument value.");
        }
        c.recoverToNewline();
        return null;
    }

    private Attribute parseAttribute(int name, boolean endsLine) {
        c.next();
        int errors = c.errorCount();
        Expression value = expressions.parse();
        Attribute attribute =
                new Attribute(tokens.text(name), value, c.tokenRange(name), c.rangeFrom(tokens.start(name)));
        if (endsLine) {
            TokenType type = c.peekType();
            if (type == TokenType.NEWLINE) {
                c.next();
            } else if (type != TokenType.EOF) {
                if (c.errorCount() == errors) {
                    c.error(
                            c.peek(),
                            "Missing newline after argument",
                            "An argument definition must end with a newline.");
                }
                c.recoverToNewline();
            }
        }
        return attribute;
    }

    private Block parseBlock(int type) {
        List<BlockLabel> labels = new ArrayList<>();
        while (!c.nextIs(TokenType.LBRACE)) {
            int label = c.peek();
            if (tokens.type(label) == TokenType.IDENT) {
                c.next();
                labels.add(new BlockLabel(tokens.text(label), false, c.tokenRange(label)));
            } else if (tokens.type(label) == TokenType.OQUOTE) {
                labels.add(quotedLabel());
            } else {
                c.error(
                        label,
                        "Invalid block definition",
                        "Either a quoted string block label or an opening brace (\"{\") is expected here.");
                c.recoverToNewline();
                return null;
            }
        }
        int open = c.next();
        Body body;
        try {
            body = c.enterNesting(open)
                    ? (c.nextIs(TokenType.NEWLINE) ? parseMultiLineBody(open) : parseOneLineBody(open))
                    : new Body(List.of(), c.tokenRange(open));
        } finally {
            c.exitNesting();
        }
        Block block = new Block(
                tokens.text(type),
                labels,
                body,
                c.tokenRange(type),
                c.tokenRange(open),
                c.rangeFrom(tokens.start(type)));
        TokenType after = c.peekType();
        if (after == TokenType.NEWLINE) {
            c.next();
        } else if (after != TokenType.EOF) {
            c.error(c.peek(), "Missing newline after block definition", "A block definition must end with a newline.");
            c.recoverToNewline();
        }
        return block;
    }

    private BlockLabel quotedLabel() {
        int errors = c.errorCount();
        Expression label = expressions.templates().parseQuoted();
        String value = "";
        if (label instanceof Expression.Template template) {
            StringBuilder text = new StringBuilder();
            for (TemplatePart part : template.parts()) {
                if (part instanceof TemplatePart.Literal literal) {
                    text.append(literal.text());
                } else if (c.errorCount() == errors) {
                    c.error(
                            part.range(),
                            "Invalid block label",
                            "Block labels must be literal strings; template "
                                    + "interpolations and directives are not allowed here.");
                }
            }
            value = text.toString();
        } else if (c.errorCount() == errors) {
            c.error(
                    label.range(),
                    "Invalid block label",
                    "Block labels must be literal strings; template interpolations and directives are not allowed here.");
        }
        return new BlockLabel(value, true, label.range());
    }

    private Body parseMultiLineBody(int open) {
        List<BodyItem> items = parseItems(true);
        if (c.nextIs(TokenType.RBRACE)) {
            c.next();
        } else {
            c.error(
                    open,
                    "Unclosed configuration block",
                    "There is no closing brace for this block before the end "
                            + "of the file. This may be caused by incorrect brace nesting elsewhere in this file.");
        }
        return new Body(items, c.rangeFrom(tokens.start(open)));
    }

    private Body parseOneLineBody(int open) {
        List<BodyItem> items = new ArrayList<>();
        int first = c.peek();
        if (tokens.type(first) == TokenType.IDENT && c.peekSecondType() == TokenType.EQUAL) {
            int errors = c.errorCount();
            c.next();
            items.add(parseAttribute(first, false));
            if (c.errorCount() > errors) {
                c.recoverTo(TokenType.RBRACE);
                return new Body(items, c.rangeFrom(tokens.start(open)));
            }
        }
        if (c.nextIs(TokenType.RBRACE)) {
            c.next();
        } else {
            c.error(
                    c.peek(),
                    "Invalid single-argument block definition",
                    "A single-line block definition can contain "
                            + "only one argument, followed by the closing brace. Put nested blocks and further arguments on "
                            + "lines of their own.");
            c.recoverTo(TokenType.RBRACE);
        }
        return new Body(items, c.rangeFrom(tokens.start(open)));
    }
}
