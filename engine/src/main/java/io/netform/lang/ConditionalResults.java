package io.netform.lang;

import io.netform.value.Refinement;
import io.netform.value.Type;
import io.netform.value.TypeNames;
import io.netform.value.Unification;
import io.netform.value.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * HCL's rules for the two arms of a conditional that are not about evaluation order: the type of
 * the result, how to say why the arms' types do not unify, and what is known of the result when the
 * condition is unknown.
 */
final class ConditionalResults {
    private ConditionalResults() {}

    /**
     * The type of the conditional's result, as HCL finds it: a literal {@code null} arm takes the
     * other arm's type, an arm of dynamic type makes the result dynamic, and otherwise the arms'
     * types unify (lossily: a number and a string make a string). Empty if they do not unify.
     */
    static Optional<Type> resultType(Value whenTrue, Value whenFalse) {
        if (isUntypedNull(whenTrue)) {
            return Optional.of(whenFalse.type());
        }
        if (isUntypedNull(whenFalse)) {
            return Optional.of(whenTrue.type());
        }
        if (whenTrue.type() == Type.DYNAMIC || whenFalse.type() == Type.DYNAMIC) {
            return Optional.of(Type.DYNAMIC);
        }
        return Unification.unify(List.of(whenTrue.type(), whenFalse.type()));
    }

    /** A bare {@code null}: of no type yet, so it converts to whatever the other arm is. */
    private static boolean isUntypedNull(Value v) {
        return v.isKnown() && v.isNull() && v.type() == Type.DYNAMIC && !v.isMarked();
    }

    /**
     * Why {@code whenTrue} and {@code whenFalse} have no common type, looking inside objects,
     * tuples and collections of them, as HCL does; attributes are examined in name order.
     */
    static String describeMismatch(Type whenTrue, Type whenFalse) {
        Optional<String> inside = Optional.empty();
        if (whenTrue instanceof Type.ObjectType t && whenFalse instanceof Type.ObjectType f) {
            inside = objects(t, f);
        } else if (whenTrue instanceof Type.TupleType t && whenFalse instanceof Type.TupleType f) {
            inside = tuples(t, f);
        } else if (whenTrue.isCollection()
                && whenTrue.getClass() == whenFalse.getClass()
                && structuralOfOneKind(whenTrue.elementType(), whenFalse.elementType())) {
            String noun = whenTrue instanceof Type.ListType ? "list" : whenTrue instanceof Type.SetType ? "set" : "map";
            inside = Optional.of("Mismatched " + noun + " element types: "
                    + describeMismatch(whenTrue.elementType(), whenFalse.elementType()));
        }
        return inside.orElseGet(() -> {
            String t = TypeNames.ofValueType(whenTrue);
            String f = TypeNames.ofValueType(whenFalse);
            return t.equals(f)
                    ? "At least one deeply-nested attribute or element is not compatible across both the 'true' "
                            + "and the 'false' value"
                    : "The 'true' value is " + t + ", but the 'false' value is " + f;
        });
    }

    private static boolean structuralOfOneKind(Type a, Type b) {
        return (a instanceof Type.ObjectType && b instanceof Type.ObjectType)
                || (a instanceof Type.TupleType && b instanceof Type.TupleType);
    }

    private static Optional<String> objects(Type.ObjectType whenTrue, Type.ObjectType whenFalse) {
        for (Map.Entry<String, Type> a : new TreeMap<>(whenTrue.attributeTypes()).entrySet()) {
            if (!whenFalse.hasAttribute(a.getKey())) {
                return Optional.of("The 'true' value includes object attribute " + Value.quote(a.getKey())
                        + ", which is absent in the 'false' value");
            }
            Type other = whenFalse.attributeType(a.getKey());
            if (!a.getValue().equals(other)) {
                return Optional.of("Type mismatch for object attribute " + Value.quote(a.getKey()) + ": "
                        + describeMismatch(a.getValue(), other));
            }
        }
        for (String name : new TreeSet<>(whenFalse.attributeTypes().keySet())) {
            if (!whenTrue.hasAttribute(name)) {
                return Optional.of("The 'false' value includes object attribute " + Value.quote(name)
                        + ", which is absent in the 'true' value");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> tuples(Type.TupleType whenTrue, Type.TupleType whenFalse) {
        int trueCount = whenTrue.elementTypes().size();
        int falseCount = whenFalse.elementTypes().size();
        if (trueCount != falseCount) {
            return Optional.of(
                    "The 'true' tuple has length " + trueCount + ", but the 'false' tuple has length " + falseCount);
        }
        for (int i = 0; i < trueCount; i++) {
            Type t = whenTrue.elementTypes().get(i);
            Type f = whenFalse.elementTypes().get(i);
            if (!t.equals(f)) {
                return Optional.of("Type mismatch for tuple element " + i + ": " + describeMismatch(t, f));
            }
        }
        return Optional.empty();
    }

    /**
     * The result of a conditional whose condition is unknown: null if both arms are null, else an
     * unknown of {@code type} refined by what both arms share (not null; a number range or a
     * collection length range spanning both).
     */
    static Value unknownResult(Value whenTrue, Value whenFalse, Type type) {
        if (whenTrue.isNull() && whenFalse.isNull()) {
            return Value.nullOf(type);
        }
        Refinement r = definitelyNotNull(whenTrue) && definitelyNotNull(whenFalse)
                ? Refinement.NONE.withNotNull()
                : Refinement.NONE;
        if (whenTrue.type() == Type.NUMBER && whenFalse.type() == Type.NUMBER) {
            r = numberRange(whenTrue, whenFalse, r);
        } else if (whenTrue.type().isCollection() && whenTrue.type().equals(whenFalse.type())) {
            r = r.withLengthBounds(
                    Math.min(minLength(whenTrue), minLength(whenFalse)),
                    Math.max(maxLength(whenTrue), maxLength(whenFalse)));
        }
        return Value.unknown(type, r);
    }

    private static boolean definitelyNotNull(Value v) {
        return v.isKnown() ? !v.isNull() : v.refinement().notNull();
    }

    private static Refinement numberRange(Value whenTrue, Value whenFalse, Refinement r) {
        Optional<Refinement.NumberBound> trueLow = bound(whenTrue, true);
        Optional<Refinement.NumberBound> falseLow = bound(whenFalse, true);
        Optional<Refinement.NumberBound> trueHigh = bound(whenTrue, false);
        Optional<Refinement.NumberBound> falseHigh = bound(whenFalse, false);
        Refinement result = r;
        if (trueLow.isPresent() && falseLow.isPresent()) {
            Refinement.NumberBound low = wider(trueLow.get(), falseLow.get(), true);
            result = result.withLowerBound(low.value(), low.inclusive());
        }
        if (trueHigh.isPresent() && falseHigh.isPresent()) {
            Refinement.NumberBound high = wider(trueHigh.get(), falseHigh.get(), false);
            result = result.withUpperBound(high.value(), high.inclusive());
        }
        return result;
    }

    /** The lower or upper bound of a number: itself if known, else its refinement's (if any). */
    private static Optional<Refinement.NumberBound> bound(Value v, boolean lower) {
        if (v.isKnown()) {
            return v.isNull() || v.asBigFloat().isInfinite()
                    ? Optional.empty()
                    : Optional.of(new Refinement.NumberBound(v.asBigDecimal(), true));
        }
        return lower ? v.refinement().lowerBound() : v.refinement().upperBound();
    }

    private static Refinement.NumberBound wider(Refinement.NumberBound a, Refinement.NumberBound b, boolean lower) {
        int c = a.value().compareTo(b.value());
        if (c == 0) {
            return new Refinement.NumberBound(a.value(), a.inclusive() || b.inclusive());
        }
        return (c < 0) == lower ? a : b;
    }

    private static long minLength(Value v) {
        return v.isKnown() ? (v.isNull() ? 0 : v.length()) : v.refinement().minLength();
    }

    private static long maxLength(Value v) {
        return v.isKnown()
                ? (v.isNull() ? Long.MAX_VALUE : v.length())
                : v.refinement().maxLength();
    }
}
