package io.netform.value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes marks from a whole value while recording their paths, and puts marks back at paths:
 * Terraform strips marks before a value crosses the wire and records sensitive paths instead.
 */
final class DeepMarks {
    private DeepMarks() {}

    static Value.Unmarked unmark(Value value) {
        if (!markedAnywhere(value)) {
            // Most values carry no marks: a look through them costs no copies and no paths.
            return new Value.Unmarked(value, List.of());
        }
        List<MarkedPath> found = new ArrayList<>();
        Value stripped = unmark(value, AttributePath.root(), found);
        return new Value.Unmarked(stripped, found);
    }

    private static boolean markedAnywhere(Value value) {
        if (value.isMarked()) {
            return true;
        }
        if (!value.isKnown() || value.isNull() || value.type() instanceof Type.SetType) {
            return false;
        }
        if (value.payload() instanceof List<?>) {
            for (Value element : value.elements()) {
                if (markedAnywhere(element)) {
                    return true;
                }
            }
        } else if (value.payload() instanceof Map<?, ?>) {
            for (Value element : value.asMap().values()) {
                if (markedAnywhere(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Value unmark(Value value, AttributePath path, List<MarkedPath> found) {
        if (value.isMarked()) {
            found.add(new MarkedPath(path, value.marks()));
        }
        Value v = value.unmark();
        if (!v.isKnown() || v.isNull() || v.type() instanceof Type.SetType) {
            return v; // set elements never carry marks: the set took them when it was built
        }
        if (v.payload() instanceof List<?>) {
            List<Value> elements = v.elements();
            List<Value> out = new ArrayList<>(elements.size());
            for (int i = 0; i < elements.size(); i++) {
                out.add(unmark(elements.get(i), path.index(i), found));
            }
            return out.equals(elements) ? v : v.withElements(out);
        }
        if (v.payload() instanceof Map<?, ?>) {
            boolean isObject = v.type() instanceof Type.ObjectType;
            Map<String, Value> out = new LinkedHashMap<>();
            v.asMap().forEach((k, e) -> out.put(k, unmark(e, isObject ? path.attr(k) : path.key(k), found)));
            return out.equals(v.asMap()) ? v : v.withEntries(out);
        }
        return v;
    }

    static Value mark(Value value, Collection<MarkedPath> paths) {
        Value result = value;
        for (MarkedPath p : paths) {
            result = markAt(result, p.path().steps(), 0, p.marks());
        }
        return result;
    }

    private static Value markAt(Value v, List<AttributePath.Step> steps, int at, Set<Mark> marks) {
        if (at == steps.size() || !v.isKnown()) {
            // Inside an unknown there is nothing to mark yet; marking the unknown keeps the secret safe.
            return v.withMarks(marks);
        }
        if (v.isNull()) {
            return v;
        }
        AttributePath.Step step = steps.get(at);
        if (step instanceof AttributePath.IntKey i
                && v.payload() instanceof List<?>
                && !(v.type() instanceof Type.SetType)) {
            List<Value> elements = new ArrayList<>(v.elements());
            if (i.index() < 0 || i.index() >= elements.size()) {
                return v;
            }
            int index = (int) i.index();
            elements.set(index, markAt(elements.get(index), steps, at + 1, marks));
            return v.withElements(elements);
        }
        String key = step instanceof AttributePath.AttributeName a && v.type() instanceof Type.ObjectType
                ? a.name()
                : step instanceof AttributePath.StringKey k && v.type() instanceof Type.MapType ? k.key() : null;
        if (key == null || !v.asMap().containsKey(key)) {
            return v;
        }
        Map<String, Value> entries = new LinkedHashMap<>(v.asMap());
        entries.put(key, markAt(entries.get(key), steps, at + 1, marks));
        return v.withEntries(entries);
    }
}
