package io.netform.value;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Finds the one type that several types can all convert to, as for the two arms of a conditional
 * or the elements of a collection literal. Lossy conversions count (a number unifies with a string
 * as a string), and the rules and their order are cty's {@code UnifyUnsafe}.
 */
public final class Unification {
    private Unification() {}

    /** The common type of {@code types}, or empty if there is none; dynamic for no types at all. */
    public static Optional<Type> unify(List<Type> types) {
        if (types.isEmpty()) {
            return Optional.of(Type.DYNAMIC);
        }
        return common(types.stream().map(Type::withoutOptionalAttributes).toList());
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
            converted.add(Conversion.convert(
                    values.get(i), unified.get(), AttributePath.root().index(i)));
        }
        return converted;
    }

    /**
     * cty's unification proper, where no types at all have no common type. Repeated types are
     * looked at once: the many elements of a literal often share a few types, and the preference
     * order compares every pair.
     */
    private static Optional<Type> common(List<Type> types) {
        List<Type> distinct = types.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return Optional.empty();
        }
        if (distinct.size() == 1) {
            return Optional.of(distinct.get(0));
        }
        return sameKind(distinct).orElseGet(() -> byPreference(distinct));
    }

    /**
     * Types all of one structural kind (give or take dynamic) unify into a type that may be none of
     * them, e.g. two tuples of different lengths into a list. Empty when this rule does not apply
     * (tuples that do not make a list with the lists beside them, or objects a map with the maps,
     * fall back to the preference order); an inner empty when it applies and fails.
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
            return Optional.of(collections(types, Type::map, hasDynamic));
        }
        if (maps > 0 && maps + objects + dynamics == n) {
            Optional<Type> asMap = structuralAsCollection(types, Type.ObjectType.class, Type::map);
            if (asMap.isPresent()) {
                return Optional.of(asMap);
            }
        } else if (lists > 0 && lists + dynamics == n) {
            return Optional.of(collections(types, Type::list, hasDynamic));
        } else if (lists > 0 && lists + tuples + dynamics == n) {
            Optional<Type> asList = structuralAsCollection(types, Type.TupleType.class, Type::list);
            if (asList.isPresent()) {
                return Optional.of(asList);
            }
        } else if (sets > 0 && sets + dynamics == n) {
            return Optional.of(collections(types, Type::set, hasDynamic));
        } else if (objects > 0 && objects + dynamics == n) {
            return Optional.of(hasDynamic ? Optional.of(Type.DYNAMIC) : objects(types));
        } else if (tuples > 0 && tuples + dynamics == n) {
            return Optional.of(hasDynamic ? Optional.of(Type.DYNAMIC) : tuples(types));
        } else if (objects > 0 && tuples > 0) {
            return Optional.of(Optional.empty());
        }
        return Optional.empty();
    }

    private static int count(List<Type> types, Class<? extends Type> kind) {
        return (int) types.stream().filter(kind::isInstance).count();
    }

    /**
     * Collections of one kind: that kind of the unified element type. Beside a dynamic type the
     * result could be anything once that type is known, so it is dynamic.
     */
    private static Optional<Type> collections(List<Type> types, UnaryOperator<Type> of, boolean hasDynamic) {
        if (hasDynamic) {
            return Optional.of(Type.DYNAMIC);
        }
        return common(types.stream().map(Type::elementType).toList()).map(of).filter(t -> allConvert(types, t));
    }

    /**
     * Tuples among lists (objects among maps): the structural types are first unified into a
     * collection of {@code kind}, which must then unify with the collections into that kind.
     */
    private static Optional<Type> structuralAsCollection(
            List<Type> types, Class<? extends Type> kind, UnaryOperator<Type> of) {
        List<Type> structural = types.stream().filter(kind::isInstance).toList();
        Optional<Type> collection = elementsAsCollection(structural, of);
        if (collection.isEmpty()) {
            return Optional.empty();
        }
        List<Type> replaced = types.stream()
                .map(t -> kind.isInstance(t) ? collection.get() : t)
                .toList();
        Type target = of.apply(Type.DYNAMIC);
        return common(replaced).filter(t -> t.getClass() == target.getClass());
    }

    /** Tuples (objects) as one collection of {@code of} whose element type unifies all their elements. */
    private static Optional<Type> elementsAsCollection(List<Type> types, UnaryOperator<Type> of) {
        List<Type> elements = new ArrayList<>();
        for (Type t : types) {
            if (t instanceof Type.TupleType tuple) {
                elements.addAll(tuple.elementTypes());
            } else {
                elements.addAll(((Type.ObjectType) t).attributeTypes().values());
            }
        }
        return common(elements).map(of).filter(t -> allConvert(types, t));
    }

    private static Optional<Type> objects(List<Type> types) {
        Set<String> names = ((Type.ObjectType) types.get(0)).attributeTypes().keySet();
        if (!types.stream()
                .allMatch(t -> ((Type.ObjectType) t).attributeTypes().keySet().equals(names))) {
            return elementsAsCollection(types, Type::map);
        }
        Map<String, Type> unified = new LinkedHashMap<>();
        for (String name : names) {
            Optional<Type> attribute = common(types.stream()
                    .map(t -> ((Type.ObjectType) t).attributeType(name))
                    .toList());
            if (attribute.isEmpty()) {
                return Optional.empty();
            }
            unified.put(name, attribute.get());
        }
        Type result = Type.object(unified);
        return allConvert(types, result) ? Optional.of(result) : elementsAsCollection(types, Type::map);
    }

    private static Optional<Type> tuples(List<Type> types) {
        int length = ((Type.TupleType) types.get(0)).elementTypes().size();
        if (!types.stream().allMatch(t -> ((Type.TupleType) t).elementTypes().size() == length)) {
            return elementsAsCollection(types, Type::list);
        }
        List<Type> unified = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            int at = i;
            Optional<Type> element = common(types.stream()
                    .map(t -> ((Type.TupleType) t).elementTypes().get(at))
                    .toList());
            if (element.isEmpty()) {
                return Optional.empty();
            }
            unified.add(element.get());
        }
        Type result = Type.tuple(unified);
        return allConvert(types, result) ? Optional.of(result) : elementsAsCollection(types, Type::list);
    }

    private static boolean allConvert(List<Type> types, Type target) {
        return types.stream().allMatch(t -> t.equals(target) || Conversion.canConvert(t, target));
    }

    /** The first of the given types, most general first, that every one of them converts to. */
    private static Optional<Type> byPreference(List<Type> types) {
        for (int candidate : preferenceOrder(types)) {
            if (allConvert(types, types.get(candidate))) {
                return Optional.of(types.get(candidate));
            }
        }
        return Optional.empty();
    }

    /**
     * Indices of {@code types}, each before those it is more general than, and otherwise in the
     * order given (a topological sort, as cty's, so that incomparable types keep their order).
     */
    private static List<Integer> preferenceOrder(List<Type> types) {
        int n = types.size();
        List<List<Integer>> lessGeneral = new ArrayList<>();
        int[] inDegree = new int[n];
        for (int i = 0; i < n; i++) {
            lessGeneral.add(new ArrayList<>());
        }
        for (int i = 0; i < n - 1; i++) {
            for (int j = i + 1; j < n; j++) {
                int c = compare(types.get(i), types.get(j));
                if (c < 0) {
                    lessGeneral.get(i).add(j);
                    inDegree[j]++;
                } else if (c > 0) {
                    lessGeneral.get(j).add(i);
                    inDegree[i]++;
                }
            }
        }
        List<Integer> order = new ArrayList<>(n);
        Deque<Integer> queue = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (inDegree[i] == 0) {
                queue.add(i);
            }
        }
        while (!queue.isEmpty()) {
            int i = queue.poll();
            order.add(i);
            for (int j : lessGeneral.get(i)) {
                if (--inDegree[j] == 0) {
                    queue.add(j);
                }
            }
        }
        return order;
    }

    /**
     * Negative if {@code a} is the more general type (the better unification result), positive if
     * {@code b} is, zero if neither: dynamic is the least general (it should take its neighbours'
     * type), string the most general primitive, a list more than a tuple or a set, a tuple more
     * than a set, a map more than an object, and like structures by their parts.
     */
    private static int compare(Type a, Type b) {
        if (a == Type.DYNAMIC || b == Type.DYNAMIC) {
            return a == b ? 0 : a == Type.DYNAMIC ? 1 : -1;
        }
        if (a.isPrimitive() && b.isPrimitive()) {
            return a == b || (a != Type.STRING && b != Type.STRING) ? 0 : a == Type.STRING ? -1 : 1;
        }
        if (a.isCollection() && a.getClass() == b.getClass()) {
            return compare(a.elementType(), b.elementType());
        }
        int order = generality(a) - generality(b);
        if (order != 0 && generality(a) > 0 && generality(b) > 0 && sameFamily(a, b)) {
            return order > 0 ? -1 : 1;
        }
        if (a instanceof Type.ObjectType x && b instanceof Type.ObjectType y) {
            if (!x.attributeTypes().keySet().equals(y.attributeTypes().keySet())) {
                return 0;
            }
            return byParts(x.attributeTypes().keySet().stream()
                    .map(k -> compare(x.attributeType(k), y.attributeType(k)))
                    .toList());
        }
        if (a instanceof Type.TupleType x && b instanceof Type.TupleType y) {
            if (x.elementTypes().size() != y.elementTypes().size()) {
                return 0;
            }
            List<Integer> parts = new ArrayList<>();
            for (int i = 0; i < x.elementTypes().size(); i++) {
                parts.add(compare(x.elementTypes().get(i), y.elementTypes().get(i)));
            }
            return byParts(parts);
        }
        return 0;
    }

    /** Rank among sequences (set 1, tuple 2, list 3) and among mappings (object 1, map 2); 0 otherwise. */
    private static int generality(Type t) {
        if (t instanceof Type.SetType || t instanceof Type.ObjectType) {
            return 1;
        }
        if (t instanceof Type.TupleType) {
            return 2;
        }
        if (t instanceof Type.ListType) {
            return 3;
        }
        return t instanceof Type.MapType ? 2 : 0;
    }

    private static boolean sameFamily(Type a, Type b) {
        boolean aMapping = a instanceof Type.MapType || a instanceof Type.ObjectType;
        boolean bMapping = b instanceof Type.MapType || b instanceof Type.ObjectType;
        return aMapping == bMapping;
    }

    /** A structure is more general than another if some part is and none is less. */
    private static int byParts(List<Integer> parts) {
        boolean aMore = parts.stream().anyMatch(c -> c < 0);
        boolean bMore = parts.stream().anyMatch(c -> c > 0);
        return aMore == bMore ? 0 : aMore ? -1 : 1;
    }
}
