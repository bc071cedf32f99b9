package io.netform.hcl;

import java.util.List;

/** One flat element of a template while it is being parsed: a literal, an interpolation or a directive marker. */
final class TemplateItem {

    /** What the item is; directive kinds carry their keyword. */
    enum Kind {
        LITERAL(null),
        INTERPOLATION(null),
        IF("if"),
        ELSE("else"),
        ENDIF("endif"),
        FOR("for"),
        ENDFOR("endfor");

        /** The kinds written as {@code %{keyword}}. */
        static final List<Kind> DIRECTIVES = List.of(IF, ELSE, ENDIF, FOR, ENDFOR);

        final String keyword;

        Kind(String keyword) {
            this.keyword = keyword;
        }
    }

    final Kind kind;
    SourceRange range;
    /** Literal source text (escapes still encoded) and the offset where it starts. */
    String raw;

    int rawOffset;
    boolean quoted;
    /** Literal text after decoding and stripping. */
    String text;

    Expression expression;
    ExpressionParser.ForIntro forIntro;
    boolean stripBefore;
    boolean stripAfter;

    private TemplateItem(Kind kind, SourceRange range) {
        this.kind = kind;
        this.range = range;
    }

    static TemplateItem literal(Tokens tokens, int token, boolean quoted, SourceRange range) {
        TemplateItem item = new TemplateItem(Kind.LITERAL, range);
        item.raw = tokens.text(token);
        item.rawOffset = tokens.start(token);
        item.quoted = quoted;
        return item;
    }

    static TemplateItem sequence(Kind kind, SourceRange range) {
        return new TemplateItem(kind, range);
    }

    /** Removes the white space that strip markers ({@code ~}) ask for from the neighbouring literals. */
    static void applyStripMarkers(List<TemplateItem> items) {
        for (int i = 0; i < items.size(); i++) {
            TemplateItem item = items.get(i);
            if (item.kind == Kind.LITERAL) {
                continue;
            }
            if (item.stripBefore && i > 0 && items.get(i - 1).kind == Kind.LITERAL) {
                TemplateItem before = items.get(i - 1);
                before.text = trimEnd(before.text);
            }
            if (item.stripAfter && i + 1 < items.size() && items.get(i + 1).kind == Kind.LITERAL) {
                TemplateItem after = items.get(i + 1);
                after.text = trimStart(after.text);
            }
        }
    }

    static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String trimStart(String s) {
        int start = 0;
        while (start < s.length() && isSpace(s.charAt(start))) {
            start++;
        }
        return s.substring(start);
    }
}
