package io.netform.value;

import java.util.List;
import java.util.Map;

/** cty's {@code Equals} on unmarked values: true, false, or unknown when it cannot be decided. */
final class ValueEquality {
    private static final Value UNKNOWN_BOOL = Value.unknown(Type.BOOL, Refinement.NONE.withNotNull());

    private ValueEquality() {}

    static Value compare(Value a, Value b) {
        if (!a.isKnown() || !b.isKnown()) {
            return UNKNOWN_BOOL;
        }
        if (a.isNull() || b.isNull()) {
            return Value.bool(a.isNull() && b.isNull());
        }
        if (!a.type().equals(b.type())) {
            return Value.FALSE;
        }
        if (a.type() instanceof Type.SetType) {
            if (!a.isWhollyKnown() || !b.isWhollyKnown()) {
                return UNKNOWN_BOOL;
            }
            return Value.bool(a.elements().equals(b.elements()));
        }
        if (a.payload() instanceof List<?>) {
            return all(a.elements(), b.elements());
        }
        if (a.payload() instanceof Map<?, ?>) {
            Map<String, Value> left = a.asMap();
            Map<String, Value> right = b.asMap();
            if (!left.keySet().equals(right.keySet())) {
                return Value.FALSE;
            }
            return all(List.copyOf(left.values()), List.copyOf(right.values()));
        }
        return Value.bool(a.payload().equals(b.payload()));
    }

    private static Value all(List<Value> left, List<Value> right) {
        if (left.size() != right.size()) {
            return Value.FALSE;
        }
        boolean undecided = false;
        for (int i = 0; i < left.size(); i++) {
            Value eq = compare(left.get(i), right.get(i));
            if (!eq.isKnown()) {
                undecided = true;
            } else if (!eq.asBoolean()) {
                return Value.FALSE;
            }
        }
        return undecided ? UNKNOWN_BOOL : Value.TRUE;
    }
}
