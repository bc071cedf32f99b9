package io.netform.value;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The total order that fixes how set elements iterate, as cty orders them: known values first
 * (strings by code point, numbers numerically, false before true, anything else by its
 * {@link SetOrderKey} and then element by element), then unknowns, then nulls. Marks are ignored;
 * values of different types order by type name.
 */
final class ValueOrder implements Comparator<Value> {
    static final ValueOrder INSTANCE = new ValueOrder();

    private ValueOrder() {}

    @Override
    public int compare(Value a, Value b) {
        int byKind = Integer.compare(rank(a), rank(b));
        if (byKind != 0) {
            return byKind;
        }
        if (!a.type().equals(b.type())) {
            return a.type().friendlyName().compareTo(b.type().friendlyName());
        }
        if (a.isNull()) {
            return 0;
        }
        if (!a.isKnown()) {
            return a.refinement().toString().compareTo(b.refinement().toString());
        }
        if (!a.type().isPrimitive()) {
            // Keys can coincide (numbers keep ten digits); element by element then keeps equal values
            // next to each other, which Value.set relies on to drop duplicates.
            int byKey = compareCodePoints(SetOrderKey.of(a), SetOrderKey.of(b));
            if (byKey != 0) {
                return byKey;
            }
        }
        return comparePayloads(a.payload(), b.payload());
    }

    private static int rank(Value v) {
        return v.isNull() ? 2 : !v.isKnown() ? 1 : 0;
    }

    @SuppressWarnings("unchecked")
    private int comparePayloads(Object a, Object b) {
        if (a instanceof String s) {
            return compareCodePoints(s, (String) b);
        }
        if (a instanceof BigFloat n) {
            // numerically, and numbers cty counts as different by their text even when no bit differs
            int c = n.compareTo((BigFloat) b);
            return c != 0 || n.equals(b) ? c : n.text().compareTo(((BigFloat) b).text());
        }
        if (a instanceof Boolean t) {
            return t.compareTo((Boolean) b);
        }
        if (a instanceof List<?> elements) {
            return compareLists((List<Value>) elements, (List<Value>) b);
        }
        return compareMaps((Map<String, Value>) a, (Map<String, Value>) b);
    }

    /** Go compares strings byte by byte in UTF-8, which is code point order (not UTF-16's). */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private int compareLists(List<Value> a, List<Value> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private int compareMaps(Map<String, Value> a, Map<String, Value> b) {
        Iterator<Map.Entry<String, Value>> left = a.entrySet().iterator();
        Iterator<Map.Entry<String, Value>> right = b.entrySet().iterator();
        while (left.hasNext() && right.hasNext()) {
            Map.Entry<String, Value> l = left.next();
            Map.Entry<String, Value> r = right.next();
            int c = l.getKey().compareTo(r.getKey());
            if (c == 0) {
                c = compare(l.getValue(), r.getValue());
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
