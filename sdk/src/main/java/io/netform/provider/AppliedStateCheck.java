package io.netform.provider;

import io.netform.value.AttributePath;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The protocol's rule for a new state after apply: every value known in the plan comes back
 * unchanged and every unknown is resolved. A provider that breaks it is reported, naming the
 * attribute but not the values, which may be secret.
 */
final class AppliedStateCheck {

    private AppliedStateCheck() {}

    /** The paths where the new state breaks the plan, each with what is wrong. */
    static List<String> violations(Value planned, Value applied) {
        List<String> problems = new ArrayList<>();
        check(planned, applied, AttributePath.root(), problems);
        return problems;
    }

    private static void check(Value planned, Value applied, AttributePath path, List<String> problems) {
        String where = path.isRoot() ? "the object" : path.toString();
        if (!planned.isKnown()) {
            if (!applied.isWhollyKnown()) {
                problems.add(where + " is still unknown after apply");
            }
            return;
        }
        if (planned.isNull() || applied.isNull() || !applied.isKnown()) {
            if (!planned.equals(applied)) {
                problems.add(where + " was planned as " + describe(planned) + " but is " + describe(applied));
            }
            return;
        }
        Type type = planned.type();
        if (type instanceof Type.ObjectType || type instanceof Type.MapType) {
            checkEntries(planned.asMap(), applied, path, problems);
        } else if (type instanceof Type.ListType || type instanceof Type.TupleType) {
            checkElements(planned.elements(), applied, path, problems);
        } else if (type instanceof Type.SetType && !planned.isWhollyKnown()) {
            if (!applied.isWhollyKnown()) {
                problems.add(where + " is still unknown after apply");
            }
        } else if (!planned.equals(applied)) {
            problems.add(where + " was planned as one value but the provider returned another");
        }
    }

    private static void checkEntries(
            Map<String, Value> planned, Value applied, AttributePath path, List<String> problems) {
        boolean object = applied.type() instanceof Type.ObjectType;
        Map<String, Value> actual = applied.asMap();
        for (Map.Entry<String, Value> entry : planned.entrySet()) {
            AttributePath inner = object ? path.attr(entry.getKey()) : path.key(entry.getKey());
            Value value = actual.get(entry.getKey());
            if (value == null) {
                problems.add(inner + " was planned but is missing after apply");
            } else {
                check(entry.getValue(), value, inner, problems);
            }
        }
        if (!object && actual.size() != planned.size()) {
            problems.add((path.isRoot() ? "the object" : path.toString()) + " has entries that were not planned");
        }
    }

    private static void checkElements(List<Value> planned, Value applied, AttributePath path, List<String> problems) {
        List<Value> actual = applied.elements();
        if (actual.size() != planned.size()) {
            problems.add(path + " was planned with " + planned.size() + " element(s) but has " + actual.size());
            return;
        }
        for (int i = 0; i < planned.size(); i++) {
            check(planned.get(i), actual.get(i), path.index(i), problems);
        }
    }

    private static String describe(Value value) {
        return value.isNull() ? "null" : value.isKnown() ? "a value" : "unknown";
    }
}
