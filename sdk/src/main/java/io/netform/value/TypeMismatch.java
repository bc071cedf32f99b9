package io.netform.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Says, in cty's words, why a type cannot convert to another, e.g. {@code string required},
 * {@code attribute "port": number required} or {@code incorrect list element type: bool required}.
 * Attributes are examined in name order so that the message is always the same.
 */
final class TypeMismatch {
    private TypeMismatch() {}

    /** Why {@code got} does not convert to {@code want}; only meaningful when it does not. */
    static String describe(Type got, Type want) {
        boolean wantsDynamicElements = want.isCollection() && want.elementType() == Type.DYNAMIC;
        if (got instanceof Type.ObjectType g && want instanceof Type.ObjectType w) {
            return objects(g, w);
        }
        if (wantsDynamicElements && got instanceof Type.TupleType && !(want instanceof Type.MapType)) {
            return "all " + (want instanceof Type.ListType ? "list" : "set") + " elements must have the same type";
        }
        if (wantsDynamicElements && got instanceof Type.ObjectType && want instanceof Type.MapType) {
            return "all map elements must have the same type";
        }
        if ((got instanceof Type.TupleType || got instanceof Type.ObjectType) && want.isCollection()) {
            return fromStructural(got, want);
        }
        if (got.isCollection() && want.isCollection()) {
            return fromCollection(got, want);
        }
        return required(want);
    }

    /** {@code number required}, {@code list of string required}. */
    static String required(Type want) {
        return TypeNames.ofConstraint(want) + " required";
    }

    private static String objects(Type.ObjectType got, Type.ObjectType want) {
        List<String> missing = new ArrayList<>();
        String mismatch = null;
        for (Map.Entry<String, Type> wanted : new TreeMap<>(want.attributeTypes()).entrySet()) {
            String name = wanted.getKey();
            if (!got.hasAttribute(name)) {
                if (!want.isOptional(name)) {
                    missing.add(name);
                }
            } else if (mismatch == null && !Conversion.canConvert(got.attributeType(name), wanted.getValue())) {
                mismatch =
                        "attribute " + Value.quote(name) + ": " + describe(got.attributeType(name), wanted.getValue());
            }
        }
        if (!missing.isEmpty()) {
            return missingAttributes(missing);
        }
        return mismatch != null ? mismatch : "incorrect object attributes";
    }

    private static String missingAttributes(List<String> names) {
        List<String> quoted = names.stream().map(Value::quote).toList();
        if (quoted.size() == 1) {
            return "attribute " + quoted.get(0) + " is required";
        }
        if (quoted.size() == 2) {
            return "attributes " + quoted.get(0) + " and " + quoted.get(1) + " are required";
        }
        return "attributes " + String.join(", ", quoted.subList(0, quoted.size() - 1)) + ", and "
                + quoted.get(quoted.size() - 1) + " are required";
    }

    private static String fromStructural(Type got, Type want) {
        boolean kindMatches =
                want instanceof Type.MapType ? got instanceof Type.ObjectType : got instanceof Type.TupleType;
        if (!kindMatches) {
            return required(want);
        }
        Type element = want.elementType();
        if (got instanceof Type.TupleType t) {
            for (int i = 0; i < t.elementTypes().size(); i++) {
                Type given = t.elementTypes().get(i);
                if (!Conversion.canConvert(given, element)) {
                    return "element " + i + ": " + describe(given, element);
                }
            }
        } else {
            for (Map.Entry<String, Type> a : new TreeMap<>(((Type.ObjectType) got).attributeTypes()).entrySet()) {
                if (!Conversion.canConvert(a.getValue(), element)) {
                    return "element " + Value.quote(a.getKey()) + ": " + describe(a.getValue(), element);
                }
            }
        }
        return "all elements must be " + TypeNames.ofConstraint(element);
    }

    private static String fromCollection(Type got, Type want) {
        boolean kindMatches =
                want instanceof Type.MapType ? got instanceof Type.MapType : !(got instanceof Type.MapType);
        if (!kindMatches) {
            return required(want);
        }
        String noun = want instanceof Type.ListType ? "list" : want instanceof Type.SetType ? "set" : "map";
        return "incorrect " + noun + " element type: " + describe(got.elementType(), want.elementType());
    }
}
