package io.netform.lang.function;

import io.netform.value.Conversion;
import io.netform.value.Mark;
import io.netform.value.Type;
import io.netform.value.TypeNames;
import io.netform.value.Unification;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** keys lookup matchkeys merge transpose values zipmap. */
final class MapFunctions {
    private MapFunctions() {}

    static List<Function> all() {
        return List.of(keys(), lookup(), matchkeys(), merge(), transpose(), values(), zipmap());
    }

    private static Function keys() {
        return Function.builder("keys")
                .param(Parameter.of("inputMap", Type.DYNAMIC).allowingUnknown())
                .returnType(args -> {
                    Type type = args.get(0).type();
                    if (type instanceof Type.MapType) {
                        return Type.list(Type.STRING);
                    }
                    if (type instanceof Type.ObjectType o) {
                        return Type.tuple(o.attributeTypes().keySet().stream()
                                .map(k -> Type.STRING)
                                .toList());
                    }
                    throw FunctionException.argument(0, "must have map or object type");
                })
                .impl((args, type) -> {
                    Value m = args.get(0);
                    if (m.type() instanceof Type.ObjectType o) {
                        return Value.tuple(o.attributeTypes().keySet().stream()
                                .map(Value::string)
                                .toList());
                    }
                    if (!m.isKnown()) {
                        return Value.unknown(type);
                    }
                    return Value.list(
                            Type.STRING,
                            m.asMap().keySet().stream().map(Value::string).toList());
                })
                .build();
    }

    private static Function values() {
        return Function.builder("values")
                .param("mapping", Type.DYNAMIC)
                .returnType(args -> {
                    Type type = args.get(0).type();
                    if (type instanceof Type.MapType) {
                        return Type.list(type.elementType());
                    }
                    if (type instanceof Type.ObjectType o) {
                        return Type.tuple(List.copyOf(o.attributeTypes().values()));
                    }
                    throw new FunctionException("values() requires a map as the first argument");
                })
                .impl((args, type) -> {
                    List<Value> values = List.copyOf(args.get(0).asMap().values());
                    return type instanceof Type.TupleType
                            ? Value.tuple(values)
                            : Value.list(type.elementType(), values);
                })
                .build();
    }

    private static Function lookup() {
        return Function.builder("lookup")
                .param(Parameter.of("inputMap", Type.DYNAMIC).allowingMarks().allowingUnknown())
                .param(Parameter.of("key", Type.STRING).allowingMarks().allowingUnknown())
                .variadic(
                        Parameter.of("default", Type.DYNAMIC).allowingAnything().allowingMarks())
                .resultMayBeNull()
                .returnType(MapFunctions::lookupType)
                .impl((args, type) -> {
                    Value map = args.get(0).unmark();
                    Value key = args.get(1).unmark();
                    Set<Mark> marks = new TreeSet<>(args.get(0).marks());
                    marks.addAll(args.get(1).marks());
                    if (!map.isKnown() || !key.isKnown()) {
                        return Value.unknown(type).withMarks(marks);
                    }
                    String k = key.asString();
                    if (map.type() instanceof Type.ObjectType o
                            ? o.hasAttribute(k)
                            : map.asMap().containsKey(k)) {
                        return map.asMap().get(k).withMarks(marks);
                    }
                    if (args.size() == 3) {
                        return Arguments.convert(args.get(2), type).withMarks(marks);
                    }
                    String shown = args.get(1).isSensitive() ? "(sensitive value)" : GoText.quote(k);
                    throw new FunctionException("lookup failed to find key " + shown);
                })
                .build();
    }

    private static Type lookupType(List<Value> args) throws FunctionException {
        if (args.size() > 3) {
            throw new FunctionException("lookup() takes two or three arguments, got " + args.size());
        }
        Type type = args.get(0).unmark().type();
        if (type instanceof Type.ObjectType o) {
            Value key = args.get(1).unmark();
            if (!key.isKnown()) {
                return Type.DYNAMIC;
            }
            if (o.hasAttribute(key.asString())) {
                return o.attributeType(key.asString());
            }
            if (args.size() == 3) {
                return args.get(2).unmark().type();
            }
            throw FunctionException.argument(0, "the given object has no attribute " + GoText.quote(key.asString()));
        }
        if (type instanceof Type.MapType) {
            if (args.size() == 3 && !Conversion.canConvert(args.get(2).unmark().type(), type.elementType())) {
                throw FunctionException.argument(2, "the default value must have the same type as the map elements");
            }
            return type.elementType();
        }
        throw FunctionException.argument(0, "lookup() requires a map as the first argument");
    }

    private static Function matchkeys() {
        return Function.builder("matchkeys")
                .param("values", Type.list(Type.DYNAMIC))
                .param("keys", Type.list(Type.DYNAMIC))
                .param("searchset", Type.list(Type.DYNAMIC))
                .returnType(args -> {
                    if (Unification.unify(
                                    List.of(args.get(1).type(), args.get(2).type()))
                            .isEmpty()) {
                        throw new FunctionException("keys and searchset must be of the same type");
                    }
                    return args.get(0).type();
                })
                .impl((args, type) -> {
                    Value values = args.get(0);
                    if (values.length() != args.get(1).length()) {
                        throw new FunctionException("length of keys and values should be equal");
                    }
                    Type keyType = Unification.unify(
                                    List.of(args.get(1).type(), args.get(2).type()))
                            .orElseThrow();
                    Value keys = Arguments.convert(args.get(1), keyType);
                    Value search = Arguments.convert(args.get(2), keyType);
                    if (search.length() == 0) {
                        return Value.list(type.elementType(), List.of());
                    }
                    if (!values.isWhollyKnown() || !keys.isWhollyKnown()) {
                        return Value.unknown(type);
                    }
                    List<Value> out = new ArrayList<>();
                    List<Value> keyList = keys.elements();
                    for (int i = 0; i < keyList.size(); i++) {
                        for (Value s : search.elements()) {
                            Value eq = keyList.get(i).valueEquals(s);
                            if (!eq.isKnown()) {
                                return Value.list(type.elementType(), List.of());
                            }
                            if (eq.asBoolean()) {
                                out.add(values.elements().get(i));
                                break;
                            }
                        }
                    }
                    return Value.list(type.elementType(), out);
                })
                .build();
    }

    private static Function merge() {
        return Function.builder("merge")
                .variadic(Parameter.of("maps", Type.DYNAMIC).allowingDynamic().allowingNull())
                .returnType(MapFunctions::mergeType)
                .impl((args, type) -> {
                    Map<String, Value> merged = new LinkedHashMap<>();
                    for (Value arg : args) {
                        if (!arg.isNull()) {
                            merged.putAll(arg.asMap());
                        }
                    }
                    return type instanceof Type.MapType ? Value.map(type.elementType(), merged) : Value.object(merged);
                })
                .build();
    }

    private static Type mergeType(List<Value> args) throws FunctionException {
        if (args.isEmpty()) {
            return Type.object(Map.of());
        }
        Map<String, Type> attributes = new TreeMap<>();
        boolean matching = true;
        boolean attributesKnown = true;
        Type first = args.get(0).type();
        for (Value arg : args) {
            Type type = arg.type();
            if (type == Type.DYNAMIC) {
                return Type.DYNAMIC;
            }
            if (!(type instanceof Type.MapType || type instanceof Type.ObjectType)) {
                throw new FunctionException(
                        "arguments must be maps or objects, got " + GoText.quote(TypeNames.ofValueType(type)));
            }
            if (type instanceof Type.ObjectType o && !arg.isNull()) {
                attributes.putAll(o.attributeTypes());
            } else if (type instanceof Type.MapType && !arg.isNull()) {
                if (arg.isKnown()) {
                    arg.asMap().keySet().forEach(k -> attributes.put(k, type.elementType()));
                } else {
                    attributesKnown = false;
                }
            }
            matching &= type.equals(first);
        }
        if (matching) {
            return first;
        }
        return attributesKnown ? Type.object(attributes) : Type.DYNAMIC;
    }

    private static Function transpose() {
        Type result = Type.map(Type.list(Type.STRING));
        return Function.builder("transpose")
                .param("values", result)
                .returns(result)
                .impl((args, type) -> {
                    if (!args.get(0).isWhollyKnown()) {
                        return Value.unknown(type);
                    }
                    Map<String, List<String>> swapped = new TreeMap<>();
                    for (Map.Entry<String, Value> e : args.get(0).asMap().entrySet()) {
                        for (Value v : e.getValue().elements()) {
                            if (v.isNull()) {
                                throw new FunctionException("input must be a map of lists of strings");
                            }
                            swapped.computeIfAbsent(v.asString(), k -> new ArrayList<>())
                                    .add(e.getKey());
                        }
                    }
                    Map<String, Value> out = new LinkedHashMap<>();
                    swapped.forEach((k, v) -> out.put(
                            k,
                            Value.list(
                                    Type.STRING,
                                    v.stream()
                                            .sorted(CollectionFunctions::compareCodePoints)
                                            .map(Value::string)
                                            .toList())));
                    return Value.map(Type.list(Type.STRING), out);
                })
                .build();
    }

    private static Function zipmap() {
        return Function.builder("zipmap")
                .param("keys", Type.list(Type.STRING))
                .param("values", Type.DYNAMIC)
                .returnType(args -> {
                    Value keys = args.get(0);
                    Type valuesType = args.get(1).type();
                    if (valuesType instanceof Type.ListType) {
                        return Type.map(valuesType.elementType());
                    }
                    if (!(valuesType instanceof Type.TupleType tuple)) {
                        throw new FunctionException("values argument must be a list or tuple value");
                    }
                    if (!keys.isWhollyKnown()) {
                        return Type.DYNAMIC;
                    }
                    List<Value> keyList = keys.elements();
                    if (keyList.size() != tuple.elementTypes().size()) {
                        throw new FunctionException(
                                "number of keys (" + keyList.size() + ") does not match number of values ("
                                        + tuple.elementTypes().size() + ")");
                    }
                    Map<String, Type> attributes = new LinkedHashMap<>();
                    for (int i = 0; i < keyList.size(); i++) {
                        if (keyList.get(i).isNull()) {
                            throw new FunctionException("keys list has null value at index " + i);
                        }
                        attributes.put(
                                keyList.get(i).asString(), tuple.elementTypes().get(i));
                    }
                    return Type.object(attributes);
                })
                .impl((args, type) -> {
                    Value keys = args.get(0);
                    if (!keys.isWhollyKnown()) {
                        return Value.unknown(type);
                    }
                    List<Value> keyList = keys.elements();
                    List<Value> values = args.get(1).elements();
                    if (keyList.size() != values.size()) {
                        throw new FunctionException("number of keys (" + keyList.size()
                                + ") does not match number of values (" + values.size() + ")");
                    }
                    Map<String, Value> out = new LinkedHashMap<>();
                    for (int i = 0; i < keyList.size(); i++) {
                        if (keyList.get(i).isNull()) {
                            throw new FunctionException("keys list has null value at index " + i);
                        }
                        out.put(keyList.get(i).asString(), values.get(i));
                    }
                    return type instanceof Type.MapType ? Value.map(type.elementType(), out) : Value.object(out);
                })
                .build();
    }
}
