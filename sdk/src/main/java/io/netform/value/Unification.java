package io.netform.value;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Finds the one type that several types can all convert to, as for the two arms of a conditional
 * or the elements of a collection literal. Lossy conversions count (a number unifies with a string
 * as a string), like cty's {@code UnifyUnsafe}.
 */
public final class Unification {
    private Unification() {}

    /** The common type of {@code types}, or empty if there is none; dynamic for no types at all. */
    public static Optional<Type> unify(List<Type> types) {
        if (types.isEmpty()) {
            return Optional.of(Type.DYNAMIC);
        }
        List<Type> plain = types.stream().map(Type::withoutOptionalAttributes).toList();
        if (plain.stream().distinct().count() == 1) {
            return Optional.of(plain.get(0));
        }
        return sameKind(plain).orElseGet(() -> byPreference(plain));
    }

    /**
     * Converts every value to the common type of all of them.
     *
     * @throws ConversionException if there is no common type, or a value does not convert to it
     */
    public static List<Value> unifyValues(List<Value> values) throws ConversionException {
        List<Type> types = values.stream().map(Value::type).toList();
        Optional<Type> unified = unify(types);
        if (unified.isEmpty()) {
            throw new ConversionException(AttributePath.root(), "cannot find a common base type for all elements");
        }
        List<Value> converted = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            converted.add(Conversion.convert(values.get(i), unified.get(), AttributePath.root().index(i)));
        }
        return converted;
    }

    /**
     * Types all of one structural kind (give or take dynamic) unify into a type that may be none of
     * them, e.g. two tuples of different lengths into a list. Empty when this rule does not apply;
     * an inner empty when it applies and fails.
     */
    private static Optional<Optional<Type>> sameKind(List<Type> types) {
        int n = types.size();
        int maps = count(types, Type.MapType.class);
        int lists = count(types, Type.ListType.class);
        int sets = count(types, Type.SetType.class);
        int objects = count(types, Type.ObjectType.class);
        int tuples = count(types, Type.TupleType.class);
        int dynamics = (int) types.stream().filter(t -> t == Type.DYNAMIC).count();
        boolean hasDynamic = dynamics > 0;
        if (maps > 0 && maps + dynamics == n) {
            return Optional.of(hasDynamic ? Optional.of(Type.DYNAMIC) : collection(types, Type::map));
        }
        if (maps > 0 && maps + objects + dynamics == n) {
            return Optional.of(hasDynamic ? Optional.of(Type.DYNAMIC) : collection(types, Type::map));
        }
        if (lists > 0 && lists + dynamics == n) {
            return Optional.of(hasDynamic ? Optional.of(Type.DYNAMIC) : collection(types, Type::list));
        }
        if (lists > 0 && lists + tuples + dynamics == n) {
            return Optional.of(hasDynamic ? Optional.of(Type.DYNAMIC) : collection(types, Type::list));
        }
        if (sets > 0 && sets + dynamics == n) {
            return Optional.of(hasDynamic ? Optional.of(Type.DYNAMIC) : collection(types, Type::set));
        }
        if (objects > 0 && objects + dynamics == n) {
            return Optional.of(hasDynamic ? Optional.of(Type.DYNAMIC) : objects(types));
        }
        if (tuples > 0 && tuples + dynamics == n) {
            return Optional.of(hasDynamic ? Optional.of(Type.DYNAMIC) : tuples(types));
        }
        if (objects > 0 && tuples > 0) {
            return Optional.of(Optional.empty());
        }
        return Optional.empty();
    }

    private static int count(List<Type> types, Class<? extends Type> kind) {
        return (int) types.stream().filter(kind::isInstance).count();
    }

    /** A collection of the unified type of every element, attribute and collection element type. */
    private static Optional<Type> collection(List<Type> types, UnaryOperator<Type> of) {
        List<Type> elements = new ArrayList<>();
        for (Type t : types) {
            if (t instanceof Type.TupleType tuple) {
                elements.addAll(tuple.elementTypes());
            } else if (t instanceof Type.ObjectType object) {
                elements.addAll(object.attributeTypes().values());
            } else {
                elements.add(t.elementType());
            }
        }
        return unify(elements).map(of);
    }

    private static Optional<Type> objects(List<Type> types) {
        Set<String> names = ((Type.ObjectType) types.get(0)).attributeTypes().keySet();
        if (!types.stream().allMatch(t -> ((Type.ObjectType) t).attributeTypes().keySet().equals(names))) {
            return collection(types, Type::map);
        }
        Map<String, Type> unified = new LinkedHashMap<>();
        for (String name : names) {
            Optional<Type> attribute =
                    unify(types.stream().map(t -> ((Type.ObjectType) t).attributeType(name)).toList());
            if (attribute.isEmpty()) {
                return Optional.empty();
            }
            unified.put(name, attribute.get());
        }
        return Optional.of(Type.object(unified));
    }

    private static Optional<Type> tuples(List<Type> types) {
        int length = ((Type.TupleType) types.get(0)).elementTypes().size();
        if (!types.stream().allMatch(t -> ((Type.TupleType) t).elementTypes().size() == length)) {
            return collection(types, Type::list);
        }
        List<Type> unified = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            int at = i;
            Optional<Type> element =
                    unify(types.stream().map(t -> ((Type.TupleType) t).elementTypes().get(at)).toList());
            if (element.isEmpty()) {
                return Optional.empty();
            }
            unified.add(element.get());
        }
        return Optional.of(Type.tuple(unified));
    }

    /** The most general of the given types that every one of them converts to. */
    private static Optional<Type> byPreference(List<Type> types) {
        List<Type> candidates = new ArrayList<>(types);
        candidates.sort(Comparator.comparing(Unification::preference, Unification::compareKeys));
        for (Type candidate : candidates) {
            if (types.stream().allMatch(t -> Conversion.canConvert(t, candidate))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Lower sorts first: string before the other primitives (they all convert to it), a set before
     * a list before a tuple, a map before an object, dynamic last (it should take its neighbours'
     * type), collections of the same kind by their element types.
     */
    private static List<Integer> preference(Type t) {
        List<Integer> key = new ArrayList<>();
        Type current = t;
        while (true) {
            if (current == Type.DYNAMIC) {
                key.add(9);
                return key;
            }
            if (current.isPrimitive()) {
                key.add(current == Type.STRING ? 0 : 1);
                return key;
            }
            if (current instanceof Type.TupleType || current instanceof Type.ObjectType) {
                key.add(current instanceof Type.TupleType ? 4 : 6);
                return key;
            }
            key.add(current instanceof Type.SetType ? 2 : current instanceof Type.ListType ? 3 : 5);
            current = current.elementType();
        }
    }

    private static int compareKeys(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
