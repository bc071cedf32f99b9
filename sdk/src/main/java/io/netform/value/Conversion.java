package io.netform.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Converts values between types with cty's rules: number and bool to and from string, tuple to list
 * or set, list and set to each other, object to map and back, anything to dynamic. Null and
 * unknown values stay null and unknown (of the converted type), and marks are kept.
 */
public final class Conversion {
    /** Numbers beyond this decimal exponent are refused when parsed from text, to bound their size. */
    private Conversion() {}

    public static Value convert(Value value, Type target) throws ConversionException {
        return convert(value, target, AttributePath.root());
    }

    /**
     * Converts {@code value}, which sits at {@code path} inside some larger value. As in cty, a
     * conversion impossible for the types fails with a message naming the mismatch inside them
     * (e.g. {@code attribute "port": number required}); one that fails for this particular value
     * (the string "abc" to a number) has a message without the place, which {@link
     * ConversionException#path()} gives.
     */
    public static Value convert(Value value, Type target, AttributePath path) throws ConversionException {
        Type from = value.type();
        if (!from.equals(target) && !canConvert(from, target)) {
            throw new ConversionException(path, TypeMismatch.describe(from, target));
        }
        return convertPossible(value, target, path);
    }

    /** Converts a value whose type is known to convert to {@code target}. */
    private static Value convertPossible(Value value, Type target, AttributePath path) throws ConversionException {
        if (target == Type.DYNAMIC) {
            return value;
        }
        if (value.isMarked()) {
            return convertPossible(value.unmark(), target, path).withMarks(value.marks());
        }
        if (!value.isKnown() || value.isNull()) {
            Type result = resultType(value.type(), target);
            return value.isNull()
                    ? Value.nullOf(result)
                    : Value.unknown(result, value.refinement().restrictedTo(result));
        }
        if (value.type().equals(target)) {
            return value;
        }
        return convertKnown(value, target, path);
    }

    private static Value convertKnown(Value value, Type target, AttributePath path) throws ConversionException {
        Type from = value.type();
        if (target.isPrimitive() && from.isPrimitive()) {
            return primitive(value, target, path);
        }
        if (target instanceof Type.ListType || target instanceof Type.SetType) {
            return toListOrSet(value, target, path);
        }
        if (target instanceof Type.TupleType t) {
            return toTuple(value, t, path);
        }
        if (target instanceof Type.MapType) {
            return toMap(value, target, path);
        }
        return toObject(value, (Type.ObjectType) target, path);
    }

    /**
     * True if a value of type {@code from} may convert to {@code to}. Some conversions may still
     * fail for a particular value, e.g. the string "abc" to a number or a map missing a key.
     */
    public static boolean canConvert(Type from, Type to) {
        if (to == Type.DYNAMIC || from == Type.DYNAMIC || from.equals(to)) {
            return true;
        }
        if (to.isPrimitive() || from.isPrimitive()) {
            return to.isPrimitive() && from.isPrimitive() && (to == Type.STRING || from == Type.STRING);
        }
        if (to.isCollection()) {
            return canConvertToCollection(from, to);
        }
        if (to instanceof Type.TupleType t) {
            return from instanceof Type.TupleType f
                    && f.elementTypes().size() == t.elementTypes().size()
                    && allConvert(f.elementTypes(), t.elementTypes());
        }
        Type.ObjectType o = (Type.ObjectType) to;
        if (from instanceof Type.MapType) {
            // an optional attribute's type only matters if the map turns out to hold that key
            return o.attributeTypes().entrySet().stream()
                    .allMatch(a -> o.isOptional(a.getKey()) || canConvert(from.elementType(), a.getValue()));
        }
        if (!(from instanceof Type.ObjectType f)) {
            return false;
        }
        return o.attributeTypes().entrySet().stream()
                .allMatch(a -> f.hasAttribute(a.getKey())
                        ? canConvert(f.attributeType(a.getKey()), a.getValue())
                        : o.isOptional(a.getKey()));
    }

    private static boolean canConvertToCollection(Type from, Type to) {
        boolean sameFamily = to instanceof Type.MapType
                ? from instanceof Type.MapType || from instanceof Type.ObjectType
                : from instanceof Type.ListType || from instanceof Type.SetType || from instanceof Type.TupleType;
        if (!sameFamily) {
            return false;
        }
        List<Type> elements = elementTypes(from);
        if (to.elementType() == Type.DYNAMIC && !from.isCollection() && !elements.isEmpty()) {
            // a tuple or object becomes a collection of its elements' common type, which must exist
            Optional<Type> common = Unification.unify(elements);
            return common.isPresent()
                    && (common.get() != Type.DYNAMIC
                            || to instanceof Type.MapType
                            || elements.stream().allMatch(e -> e == Type.DYNAMIC));
        }
        return elements.stream().allMatch(e -> canConvert(e, to.elementType()));
    }

    private static boolean allConvert(List<Type> from, List<Type> to) {
        for (int i = 0; i < from.size(); i++) {
            if (!canConvert(from.get(i), to.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<Type> elementTypes(Type type) {
        if (type instanceof Type.TupleType t) {
            return t.elementTypes();
        }
        if (type instanceof Type.ObjectType o) {
            return List.copyOf(o.attributeTypes().values());
        }
        return List.of(type.elementType());
    }

    /**
     * The type a null or unknown converts to: {@code target}, with its dynamic parts filled from
     * {@code from} where that is known, and without optional-attribute markers.
     */
    static Type resultType(Type from, Type target) {
        if (target == Type.DYNAMIC) {
            return from;
        }
        if (target.isCollection()) {
            Type element = target.elementType();
            Optional<Type> known = from.isCollection()
                    ? Optional.of(from.elementType())
                    : from instanceof Type.TupleType || from instanceof Type.ObjectType
                            ? Unification.unify(elementTypes(from))
                            : Optional.empty();
            Type filled = known.map(k -> resultType(k, element)).orElse(element.withoutOptionalAttributes());
            return target instanceof Type.ListType
                    ? Type.list(filled)
                    : target instanceof Type.SetType ? Type.set(filled) : Type.map(filled);
        }
        if (target instanceof Type.TupleType t
                && from instanceof Type.TupleType f
                && f.elementTypes().size() == t.elementTypes().size()) {
            List<Type> filled = new ArrayList<>();
            for (int i = 0; i < t.elementTypes().size(); i++) {
                filled.add(resultType(f.elementTypes().get(i), t.elementTypes().get(i)));
            }
            return Type.tuple(filled);
        }
        if (target instanceof Type.ObjectType o && from instanceof Type.ObjectType f) {
            Map<String, Type> filled = new LinkedHashMap<>();
            o.attributeTypes()
                    .forEach((name, t) -> filled.put(
                            name,
                            f.hasAttribute(name)
                                    ? resultType(f.attributeType(name), t)
                                    : t.withoutOptionalAttributes()));
            return Type.object(filled);
        }
        return target.withoutOptionalAttributes();
    }

    private static Value primitive(Value value, Type target, AttributePath path) throws ConversionException {
        Type from = value.type();
        if (target == Type.STRING) {
            return Value.string(from == Type.NUMBER ? value.asBigFloat().text() : Boolean.toString(value.asBoolean()));
        }
        String text = value.asString();
        if (target == Type.NUMBER) {
            return Value.number(parseNumber(text, path));
        }
        return switch (text) {
            case "true", "1" -> Value.TRUE;
            case "false", "0" -> Value.FALSE;
            default ->
                throw new ConversionException(
                        path,
                        text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")
                                ? "a bool is required; to convert from string, use lowercase \""
                                        + text.toLowerCase(Locale.ROOT) + "\""
                                : "a bool is required");
        };
    }

    /** Parses a number as cty's {@code ParseNumberVal} does ("12", "-0.5", "1e3", "Inf"). */
    static BigFloat parseNumber(String text, AttributePath path) throws ConversionException {
        try {
            return BigFloat.parse(text);
        } catch (NumberFormatException e) {
            throw new ConversionException(path, "a number is required");
        }
    }

    private static Value toListOrSet(Value value, Type target, AttributePath path) throws ConversionException {
        boolean isList = target instanceof Type.ListType;
        List<Value> converted = new ArrayList<>();
        List<Value> source = value.elements();
        for (int i = 0; i < source.size(); i++) {
            converted.add(convertPossible(source.get(i), target.elementType(), path.index(i)));
        }
        Type element = converted.isEmpty()
                ? resultType(value.type(), target).elementType()
                : unifyElements(converted, path, indexPaths(path, converted.size()));
        return isList ? Value.list(element, converted) : Value.set(element, converted);
    }

    private static Value toMap(Value value, Type target, AttributePath path) throws ConversionException {
        boolean fromObject = value.type() instanceof Type.ObjectType;
        Map<String, Value> converted = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : value.asMap().entrySet()) {
            AttributePath at = fromObject ? path.attr(e.getKey()) : path.key(e.getKey());
            converted.put(e.getKey(), convertPossible(e.getValue(), target.elementType(), at));
        }
        if (converted.isEmpty()) {
            return Value.map(resultType(value.type(), target).elementType(), converted);
        }
        List<Value> elements = new ArrayList<>(converted.values());
        List<AttributePath> paths = converted.keySet().stream()
                .map(k -> fromObject ? path.attr(k) : path.key(k))
                .toList();
        Type element = unifyElements(elements, path, paths);
        int i = 0;
        for (String key : converted.keySet()) {
            converted.put(key, elements.get(i++));
        }
        return Value.map(element, converted);
    }

    private static Value toObject(Value value, Type.ObjectType target, AttributePath path) throws ConversionException {
        Map<String, Value> source = value.asMap();
        boolean fromMap = value.type() instanceof Type.MapType;
        Map<String, Value> converted = new LinkedHashMap<>();
        for (Map.Entry<String, Type> attribute : target.attributeTypes().entrySet()) {
            String name = attribute.getKey();
            Value given = source.get(name);
            if (given == null && target.isOptional(name)) {
                converted.put(name, Value.nullOf(attribute.getValue().withoutOptionalAttributes()));
            } else if (given == null) {
                throw new ConversionException(path, "map has no element for required attribute " + Value.quote(name));
            } else if (fromMap && !canConvert(given.type(), attribute.getValue())) {
                throw new ConversionException(
                        path,
                        "map element type is incompatible with attribute " + Value.quote(name) + ": "
                                + TypeMismatch.describe(given.type(), attribute.getValue()));
            } else {
                converted.put(
                        name, convertPossible(given, attribute.getValue(), fromMap ? path.key(name) : path.attr(name)));
            }
        }
        return Value.object(converted);
    }

    private static Value toTuple(Value value, Type.TupleType target, AttributePath path) throws ConversionException {
        List<Value> source = value.elements();
        List<Type> types = target.elementTypes();
        List<Value> converted = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            converted.add(convertPossible(source.get(i), types.get(i), path.index(i)));
        }
        return Value.tuple(converted);
    }

    /**
     * Converting to a collection whose element type has dynamic parts may leave elements of
     * different types; they are brought to their unified type, in place.
     */
    private static Type unifyElements(List<Value> elements, AttributePath path, List<AttributePath> elementPaths)
            throws ConversionException {
        List<Type> types = elements.stream().map(Value::type).toList();
        if (types.stream().distinct().count() == 1) {
            return types.get(0);
        }
        Optional<Type> unified = Unification.unify(types);
        if (unified.isEmpty()) {
            throw new ConversionException(path, "cannot find a common base type for all elements");
        }
        for (int i = 0; i < elements.size(); i++) {
            elements.set(i, convert(elements.get(i), unified.get(), elementPaths.get(i)));
        }
        if (elements.stream().map(Value::type).distinct().count() > 1) {
            // A unified type with dynamic parts (list(dynamic) for list(string) and list(tuple))
            // leaves the elements as they were; cty finds no single type for them either.
            throw new ConversionException(path, "cannot find a common base type for all elements");
        }
        return unified.get();
    }

    private static List<AttributePath> indexPaths(AttributePath path, int count) {
        List<AttributePath> paths = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            paths.add(path.index(i));
        }
        return paths;
    }
}
