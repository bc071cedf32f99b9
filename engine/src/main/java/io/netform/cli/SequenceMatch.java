package io.netform.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Lines up two sequences for a diff: elements of their longest common subsequence are kept, the
 * rest are removed or added, and between two kept elements a removed and an added element that can
 * be compared field by field (objects) are paired as one changed element.
 */
final class SequenceMatch {

    /** One row of the diff: an index into each sequence, or -1 where that side has no element. */
    record Pair(int before, int after) {}

    private SequenceMatch() {}

    static <T> List<Pair> match(List<T> before, List<T> after, BiPredicate<T, T> equal, Predicate<T> pairable) {
        List<Pair> kept = commonSubsequence(before, after, equal);
        kept.add(new Pair(before.size(), after.size())); // a sentinel that closes the last gap
        List<Pair> rows = new ArrayList<>();
        int b = 0;
        int a = 0;
        for (Pair next : kept) {
            while (b < next.before()) {
                if (a < next.after() && pairable.test(before.get(b)) && pairable.test(after.get(a))) {
                    rows.add(new Pair(b++, a++));
                } else {
                    rows.add(new Pair(b++, -1));
                }
            }
            while (a < next.after()) {
                rows.add(new Pair(-1, a++));
            }
            if (next.before() < before.size()) {
                rows.add(next);
                b = next.before() + 1;
                a = next.after() + 1;
            }
        }
        return rows;
    }

    private static <T> List<Pair> commonSubsequence(List<T> before, List<T> after, BiPredicate<T, T> equal) {
        int[][] lengths = new int[before.size() + 1][after.size() + 1];
        for (int i = before.size() - 1; i >= 0; i--) {
            for (int j = after.size() - 1; j >= 0; j--) {
                lengths[i][j] = equal.test(before.get(i), after.get(j))
                        ? lengths[i + 1][j + 1] + 1
                        : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
            }
        }
        List<Pair> pairs = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < before.size() && j < after.size()) {
            if (equal.test(before.get(i), after.get(j))) {
                pairs.add(new Pair(i++, j++));
            } else if (lengths[i + 1][j] >= lengths[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return pairs;
    }
}
