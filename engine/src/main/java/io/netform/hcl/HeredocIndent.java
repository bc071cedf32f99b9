package io.netform.hcl;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code <<-} heredoc rule as hcl applies it, after strip markers: among the items that start a
 * line, find the fewest leading white-space characters (a blank line does not count; a line that
 * starts with an interpolation or a directive counts as none) and remove that many from each
 * line-starting literal that is not blank.
 */
final class HeredocIndent {
    private HeredocIndent() {}

    static void strip(List<TemplateItem> items) {
        int min = Integer.MAX_VALUE;
        List<TemplateItem> lineStarts = new ArrayList<>();
        boolean newline = true;
        for (TemplateItem item : items) {
            boolean literal = item.kind == TemplateItem.Kind.LITERAL;
            if (newline) {
                if (!literal) {
                    min = 0;
                } else if (!isBlankLine(item.text)) {
                    min = Math.min(min, leadingSpaces(item.text));
                    lineStarts.add(item);
                }
            }
            newline = literal && item.text.endsWith("\n");
        }
        if (min == Integer.MAX_VALUE || min == 0) {
            return;
        }
        for (TemplateItem item : lineStarts) {
            item.text = item.text.substring(item.text.offsetByCodePoints(0, min));
        }
    }

    private static boolean isBlankLine(String text) {
        return text.endsWith("\n") && text.codePoints().allMatch(TemplateItem::isSpace);
    }

    private static int leadingSpaces(String text) {
        return (int) text.codePoints().takeWhile(TemplateItem::isSpace).count();
    }
}
