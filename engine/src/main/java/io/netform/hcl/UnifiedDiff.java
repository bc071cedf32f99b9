package io.netform.hcl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A line-based unified diff (three lines of context), as {@code diff -u} prints it. Uses the
 * Myers shortest-edit algorithm on the part between the common prefix and suffix; when the two
 * texts differ too much for that to be cheap, the differing middle is shown as replaced.
 */
final class UnifiedDiff {
    private static final int CONTEXT = 3;
    private static final int MAX_EDIT_DISTANCE = 1000;

    private enum Op {
        KEEP,
        DELETE,
        INSERT
    }

    private record Edit(Op op, int oldLine, int newLine) {}

    private UnifiedDiff() {}

    static String between(String oldName, String newName, String oldText, String newText) {
        if (oldText.equals(newText)) {
            return "";
        }
        String[] a = lines(oldText);
        String[] b = lines(newText);
        List<Edit> edits = edits(a, b);
        StringBuilder out = new StringBuilder();
        out.append("--- ")
                .append(oldName)
                .append('\n')
                .append("+++ ")
                .append(newName)
                .append('\n');
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).op() == Op.KEEP) {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = hunkEnd(edits, i);
            hunk(out, edits.subList(start, end), a, b, oldText, newText);
            i = end;
        }
        return out.toString();
    }

    /** The end (exclusive) of the hunk whose first change is at {@code i}: changes closer than 2×context merge. */
    private static int hunkEnd(List<Edit> edits, int i) {
        int lastChange = i;
        for (int k = i; k < edits.size(); k++) {
            if (edits.get(k).op() != Op.KEEP) {
                lastChange = k;
            } else if (k - lastChange > 2 * CONTEXT) {
                break;
            }
        }
        return Math.min(edits.size(), lastChange + 1 + CONTEXT);
    }

    private static void hunk(
            StringBuilder out, List<Edit> hunk, String[] a, String[] b, String oldText, String newText) {
        int oldStart = -1;
        int newStart = -1;
        int oldCount = 0;
        int newCount = 0;
        StringBuilder body = new StringBuilder();
        for (Edit e : hunk) {
            if (oldStart < 0) {
                oldStart = e.oldLine();
                newStart = e.newLine();
            }
            switch (e.op()) {
                case KEEP -> {
                    line(body, ' ', a, e.oldLine(), oldText);
                    oldCount++;
                    newCount++;
                }
                case DELETE -> {
                    line(body, '-', a, e.oldLine(), oldText);
                    oldCount++;
                }
                case INSERT -> {
                    line(body, '+', b, e.newLine(), newText);
                    newCount++;
                }
            }
        }
        out.append("@@ -")
                .append(range(oldStart, oldCount))
                .append(" +")
                .append(range(newStart, newCount))
                .append(" @@\n");
        out.append(body);
    }

    private static String range(int start, int count) {
        return (count == 0 ? start : start + 1) + "," + count;
    }

    private static void line(StringBuilder out, char marker, String[] lines, int index, String text) {
        out.append(marker).append(lines[index]).append('\n');
        if (index == lines.length - 1 && !text.endsWith("\n")) {
            out.append("\\ No newline at end of file\n");
        }
    }

    private static String[] lines(String text) {
        if (text.isEmpty()) {
            return new String[0];
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return body.split("\n", -1);
    }

    private static List<Edit> edits(String[] a, String[] b) {
        int prefix = 0;
        while (prefix < a.length && prefix < b.length && a[prefix].equals(b[prefix])) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.length - prefix
                && suffix < b.length - prefix
                && a[a.length - 1 - suffix].equals(b[b.length - 1 - suffix])) {
            suffix++;
        }
        List<Edit> edits = new ArrayList<>();
        for (int k = 0; k < prefix; k++) {
            edits.add(new Edit(Op.KEEP, k, k));
        }
        middle(a, b, prefix, a.length - suffix, prefix, b.length - suffix, edits);
        for (int k = suffix; k > 0; k--) {
            edits.add(new Edit(Op.KEEP, a.length - k, b.length - k));
        }
        return edits;
    }

    /** Myers' greedy algorithm over a[aFrom..aTo) and b[bFrom..bTo), keeping each round's frontier to trace back. */
    private static void middle(String[] a, String[] b, int aFrom, int aTo, int bFrom, int bTo, List<Edit> edits) {
        int n = aTo - aFrom;
        int m = bTo - bFrom;
        int max = Math.min(n + m, MAX_EDIT_DISTANCE);
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        for (int d = 0; d <= max; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                        ? v[offset + k + 1]
                        : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[aFrom + x].equals(b[bFrom + y])) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    backtrack(trace, offset, n, m, d, aFrom, bFrom, edits);
                    return;
                }
            }
        }
        for (int k = aFrom; k < aTo; k++) {
            edits.add(new Edit(Op.DELETE, k, bFrom));
        }
        for (int k = bFrom; k < bTo; k++) {
            edits.add(new Edit(Op.INSERT, aTo, k));
        }
    }

    private static void backtrack(
            List<int[]> trace, int offset, int n, int m, int dEnd, int aFrom, int bFrom, List<Edit> edits) {
        Edit[] reversed = new Edit[n + m];
        int count = 0;
        int x = n;
        int y = m;
        for (int d = dEnd; d > 0; d--) {
            int[] v = trace.get(d);
            int k = x - y;
            boolean down = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]);
            int prevK = down ? k + 1 : k - 1;
            int prevX = v[offset + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                x--;
                y--;
                reversed[count++] = new Edit(Op.KEEP, aFrom + x, bFrom + y);
            }
            if (down) {
                y--;
                reversed[count++] = new Edit(Op.INSERT, aFrom + x, bFrom + y);
            } else {
                x--;
                reversed[count++] = new Edit(Op.DELETE, aFrom + x, bFrom + y);
            }
        }
        while (x > 0 && y > 0) {
            x--;
            y--;
            reversed[count++] = new Edit(Op.KEEP, aFrom + x, bFrom + y);
        }
        Edit[] ordered = Arrays.copyOf(reversed, count);
        for (int k = count - 1; k >= 0; k--) {
            edits.add(ordered[k]);
        }
    }
}
