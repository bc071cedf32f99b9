package io.netform.hcl;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses quoted strings, heredocs and bare templates. Items are first collected flat (literals,
 * interpolations, directive markers) so heredoc indentation and strip markers can be applied to
 * the literals next to them; {@link TemplateTreeBuilder} then nests the directives.
 */
final class TemplateParser {
    private final TokenCursor c;
    private final Tokens tokens;
    private final ExpressionParser expressions;
    private final EscapeDecoder escapes;

    TemplateParser(TokenCursor cursor, ExpressionParser expressions) {
        this.c = cursor;
        this.tokens = cursor.tokens();
        this.expressions = expressions;
        this.escapes = new EscapeDecoder(cursor);
    }

    Expression parseQuoted() {
        int open = c.next();
        List<TemplateItem> items = new ArrayList<>();
        collect(items, open, TokenType.CQUOTE);
        return build(items, c.rangeFrom(tokens.start(open)), false);
    }

    Expression parseHeredoc() {
        int open = c.next();
        List<TemplateItem> items = new ArrayList<>();
        collect(items, open, TokenType.CHEREDOC);
        boolean flush = tokens.source().chars()[tokens.start(open) + 2] == '-';
        return build(items, c.rangeFrom(tokens.start(open)), flush);
    }

    /** Parses a whole file as a template (what {@code templatefile} reads). */
    Expression parseBare() {
        List<TemplateItem> items = new ArrayList<>();
        collect(items, -1, TokenType.EOF);
        return build(items, c.range(0, tokens.source().length()), false);
    }

    /** {@code flush}: a {@code <<-} heredoc, whose indentation goes after strip markers, as in hcl. */
    private Expression build(List<TemplateItem> items, SourceRange range, boolean flush) {
        if (items.size() == 1 && items.get(0).kind == TemplateItem.Kind.INTERPOLATION) {
            return new Expression.TemplateWrap(items.get(0).expression, range);
        }
        for (TemplateItem item : items) {
            if (item.kind == TemplateItem.Kind.LITERAL) {
                item.text = escapes.decode(item);
            }
        }
        TemplateItem.applyStripMarkers(items);
        if (flush) {
            HeredocIndent.strip(items);
        }
        return new Expression.Template(new TemplateTreeBuilder(c, items).build(), range);
    }

    private void collect(List<TemplateItem> items, int open, TokenType closer) {
        while (true) {
            TokenType type = c.rawType();
            if (type == closer) {
                c.nextRaw();
                return;
            }
            switch (type) {
                case QUOTED_LIT, STRING_LIT -> {
                    int i = c.nextRaw();
                    items.add(TemplateItem.literal(tokens, i, type == TokenType.QUOTED_LIT, c.tokenRange(i)));
                }
                case INTERP_OPEN -> items.add(parseInterpolation());
                case DIRECTIVE_OPEN -> {
                    TemplateItem directive = parseDirective();
                    if (directive != null) {
                        items.add(directive);
                    }
                }
                case NEWLINE -> {
                    if (closer == TokenType.CQUOTE) {
                        c.error(
                                c.range(tokens.start(open), tokens.start(c.rawIndex())),
                                "Invalid multi-line string",
                                "Quoted strings may not be split over multiple lines. To produce a multi-line string, either "
                                        + "use the \\n escape to represent a newline character or use the \"heredoc\" "
                                        + "multi-line template syntax.");
                        return;
                    }
                    // only left behind by a broken sequence, which has been reported
                    c.nextRaw();
                }
                default -> {
                    if (open < 0) {
                        c.nextRaw();
                    } else {
                        c.error(open, "Unterminated template string", "No closing marker was found for the string.");
                        return;
                    }
                }
            }
        }
    }

    private TemplateItem parseInterpolation() {
        int open = c.nextRaw();
        c.pushNewlines(false);
        int errors = c.errorCount();
        Expression expression = expressions.parse();
        boolean stripAfter = closeSequence(open, errors, "interpolation expression");
        c.popNewlines();
        TemplateItem item = TemplateItem.sequence(TemplateItem.Kind.INTERPOLATION, c.rangeFrom(tokens.start(open)));
        item.expression = expression;
        item.stripBefore = tokens.end(open) - tokens.start(open) == 3;
        item.stripAfter = stripAfter;
        return item;
    }

    private TemplateItem parseDirective() {
        int open = c.nextRaw();
        c.pushNewlines(false);
        try {
            int keyword = c.peek();
            TemplateItem.Kind kind = directiveKind(keyword);
            if (kind == null) {
                c.recoverTo(TokenType.SEQ_END);
                return null;
            }
            int errors = c.errorCount();
            TemplateItem item = TemplateItem.sequence(kind, null);
            if (kind == TemplateItem.Kind.FOR) {
                ExpressionParser.ForIntro intro = expressions.parseForIntro(TokenType.SEQ_END);
                if (intro == null) {
                    return null;
                }
                item.forIntro = intro;
            } else {
                c.next();
                if (kind == TemplateItem.Kind.IF) {
                    item.expression = expressions.parse();
                }
            }
            item.stripAfter = closeSequence(open, errors, tokens.text(keyword) + " directive");
            item.stripBefore = tokens.end(open) - tokens.start(open) == 3;
            item.range = c.rangeFrom(tokens.start(open));
            return item;
        } finally {
            c.popNewlines();
        }
    }

    private TemplateItem.Kind directiveKind(int keyword) {
        if (tokens.type(keyword) == TokenType.IDENT) {
            for (TemplateItem.Kind kind : TemplateItem.Kind.DIRECTIVES) {
                if (tokens.textEquals(keyword, kind.keyword)) {
                    return kind;
                }
            }
            c.error(
                    keyword,
                    "Invalid template control keyword",
                    "\"" + tokens.text(keyword)
                            + "\" is not a valid template control keyword; use if, else, endif, for or endfor.");
        } else {
            c.error(
                    keyword,
                    "Invalid template directive",
                    "A template directive keyword (if, else, endif, for or endfor) is expected at the beginning of a %{ sequence.");
        }
        return null;
    }

    /** Consumes the {@code }} ending a sequence; returns whether it carries a strip marker. */
    private boolean closeSequence(int open, int errorsBefore, String what) {
        int end = c.peek();
        TokenType type = tokens.type(end);
        if (type == TokenType.SEQ_END) {
            c.next();
            return tokens.source().chars()[tokens.start(end)] == '~';
        }
        if (c.errorCount() == errorsBefore) {
            if (type == TokenType.EOF || type == TokenType.CQUOTE || type == TokenType.CHEREDOC) {
                c.error(
                        open,
                        "Unclosed template interpolation sequence",
                        "There is no closing brace for this "
                                + "sequence before the end of the template. This might be caused by incorrect nesting inside the given expression.");
            } else {
                c.error(
                        end,
                        "Extra characters after " + what,
                        "Expected a closing brace to end the " + what + ", but found extra characters.");
            }
        }
        c.recoverTo(TokenType.SEQ_END);
        return false;
    }
}
