package io.netform.lang;

import java.util.Collection;

/** Finds the expected name closest to a mistyped one, for "Did you mean …?" hints. */
public final class NameSuggestion {

    private NameSuggestion() {}

    /** The candidate within a small edit distance of {@code given}, or null when none is close. */
    public static String closest(String given, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(given, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, given.length() / 3) ? best : null;
    }

    /** " Did you mean \"x\"?" when a candidate is close, else the empty string. */
    public static String didYouMean(String given, Collection<String> candidates) {
        String best = closest(given, candidates);
        return best == null ? "" : " Did you mean \"" + best + "\"?";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
