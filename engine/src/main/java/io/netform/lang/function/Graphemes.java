package io.netform.lang.function;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits text into user-perceived characters (extended grapheme clusters), as cty counts them. */
final class Graphemes {
    private static final Pattern CLUSTER = Pattern.compile("\\X");

    private Graphemes() {}

    static List<String> of(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = CLUSTER.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    static int count(String s) {
        int n = 0;
        Matcher m = CLUSTER.matcher(s);
        while (m.find()) {
            n++;
        }
        return n;
    }
}
