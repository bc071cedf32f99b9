package io.netform.hcl;

import java.util.List;

/**
 * The {@code <<-} heredoc rule: find the smallest number of leading spaces among the literals
 * that start a line (ignoring blank lines) and remove that many from each of them.
 */
final class HeredocIndent {
    private HeredocIndent() {
    }

    static void strip(List<TemplateItem> items) {
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < items.size(); i++) {
            TemplateItem item = items.get(i);
            if (startsLine(items, i) && !isBlankLine(item.raw)) {
                min = Math.min(min, leadingSpaces(item.raw));
            }
        }
        if (min == Integer.MAX_VALUE || min == 0) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            TemplateItem item = items.get(i);
            if (startsLine(items, i)) {
                int remove = Math.min(min, leadingSpaces(item.raw));
                item.raw = item.raw.substring(remove);
                item.rawOffset += remove;
            }
        }
    }

    /** A literal starts a line when it is first or follows a literal that ended with a newline. */
    private static boolean startsLine(List<TemplateItem> items, int i) {
        if (items.get(i).kind != TemplateItem.Kind.LITERAL) {
            return false;
        }
        if (i == 0) {
            return true;
        }
        TemplateItem previous = items.get(i - 1);
        return previous.kind == TemplateItem.Kind.LITERAL && previous.raw.endsWith("\n");
    }

    private static boolean isBlankLine(String raw) {
        return raw.endsWith("\n") && raw.isBlank();
    }

    private static int leadingSpaces(String raw) {
        int n = 0;
        while (n < raw.length() && raw.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
