package io.netform.hcl;

import java.util.ArrayList;
import java.util.List;

/** Nests the flat items of a template into {@link TemplatePart}s, matching if/else/endif and for/endfor. */
final class TemplateTreeBuilder {
    private final TokenCursor c;
    private final List<TemplateItem> items;
    private int next;

    TemplateTreeBuilder(TokenCursor cursor, List<TemplateItem> items) {
        this.c = cursor;
        this.items = items;
    }

    List<TemplatePart> build() {
        return parts(null);
    }

    /** Parts up to (not including) a closing marker; {@code opener} is the directive being filled, or null. */
    private List<TemplatePart> parts(TemplateItem opener) {
        List<TemplatePart> parts = new ArrayList<>();
        while (next < items.size()) {
            TemplateItem item = items.get(next);
            switch (item.kind) {
                case LITERAL -> {
                    next++;
                    addLiteral(parts, item);
                }
                case INTERPOLATION -> {
                    next++;
                    parts.add(new TemplatePart.Interpolation(item.expression, item.range));
                }
                case IF -> {
                    next++;
                    parts.add(ifPart(item));
                }
                case FOR -> {
                    next++;
                    parts.add(forPart(item));
                }
                default -> {
                    if (opener == null) {
                        unexpected(item);
                        next++;
                    } else {
                        return parts;
                    }
                }
            }
        }
        return parts;
    }

    private TemplatePart ifPart(TemplateItem opener) {
        List<TemplatePart> thenParts = parts(opener);
        List<TemplatePart> elseParts = new ArrayList<>();
        boolean inElse = false;
        while (true) {
            TemplateItem.Kind found = next < items.size() ? items.get(next).kind : null;
            if (found == TemplateItem.Kind.ELSE && !inElse) {
                next++;
                inElse = true;
            } else if (found == TemplateItem.Kind.ENDIF || found == null) {
                break;
            } else {
                misplaced(opener, TemplateItem.Kind.ENDIF);
            }
            (inElse ? elseParts : thenParts).addAll(parts(opener));
        }
        SourceRange end = close(opener, TemplateItem.Kind.ENDIF);
        return new TemplatePart.If(opener.expression, thenParts, elseParts, opener.range.to(end));
    }

    private TemplatePart forPart(TemplateItem opener) {
        List<TemplatePart> body = parts(opener);
        while (next < items.size() && items.get(next).kind != TemplateItem.Kind.ENDFOR) {
            misplaced(opener, TemplateItem.Kind.ENDFOR);
            body.addAll(parts(opener));
        }
        SourceRange end = close(opener, TemplateItem.Kind.ENDFOR);
        ExpressionParser.ForIntro intro = opener.forIntro;
        return new TemplatePart.ForDirective(
                intro.keyVar(), intro.valueVar(), intro.collection(), body, opener.range.to(end));
    }

    /** Reports and skips a closing marker that does not belong to {@code opener}. */
    private void misplaced(TemplateItem opener, TemplateItem.Kind expected) {
        TemplateItem found = items.get(next++);
        c.error(
                found.range,
                "Unexpected " + found.kind.keyword + " directive",
                "Expected %{" + expected.keyword + "} to close the " + opener.kind.keyword + " directive started at "
                        + opener.range + ".");
    }

    /** Consumes the expected closing marker, or reports that the template ended without it. */
    private SourceRange close(TemplateItem opener, TemplateItem.Kind expected) {
        if (next < items.size() && items.get(next).kind == expected) {
            return items.get(next++).range;
        }
        c.error(
                opener.range,
                "Unterminated template " + opener.kind.keyword + " directive",
                "There is no %{" + expected.keyword + "} closing this directive before the end of the template.");
        return opener.range;
    }

    private void unexpected(TemplateItem item) {
        c.error(
                item.range,
                "Unexpected " + item.kind.keyword + " directive",
                "There is no %{if} or %{for} sequence that this %{" + item.kind.keyword + "} could belong to.");
    }

    private static void addLiteral(List<TemplatePart> parts, TemplateItem item) {
        if (item.text.isEmpty()) {
            return;
        }
        int last = parts.size() - 1;
        if (last >= 0 && parts.get(last) instanceof TemplatePart.Literal previous) {
            parts.set(
                    last,
                    new TemplatePart.Literal(
                            previous.text() + item.text, previous.range().to(item.range)));
        } else {
            parts.add(new TemplatePart.Literal(item.text, item.range));
        }
    }
}
