package io.netform.lang.function;

import io.netform.value.Type;
import io.netform.value.Unification;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** alltrue anytrue coalesce coalescelist compact contains distinct index length one sort. */
final class CollectionFunctions {
    private CollectionFunctions() {}

    static List<Function> all() {
        return List.of(
                alltrue(),
                anytrue(),
                coalesce(),
                coalescelist(),
                compact(),
                contains(),
                distinct(),
                index(),
                length(),
                one(),
                sort());
    }

    private static Function alltrue() {
        return Function.builder("alltrue")
                .param("list", Type.list(Type.BOOL))
                .returns(Type.BOOL)
                .impl((args, t) -> {
                    for (Value v : args.get(0).elements()) {
                        if (!v.isKnown()) {
                            return Value.unknown(Type.BOOL);
                        }
                        if (v.isNull() || !v.asBoolean()) {
                            return Value.FALSE;
                        }
                    }
                    return Value.TRUE;
                })
                .build();
    }

    private static Function anytrue() {
        return Function.builder("anytrue")
                .param("list", Type.list(Type.BOOL))
                .returns(Type.BOOL)
                .impl((args, t) -> {
                    boolean unknown = false;
                    for (Value v : args.get(0).elements()) {
                        if (!v.isKnown()) {
                            unknown = true;
                        } else if (!v.isNull() && v.asBoolean()) {
                            return Value.TRUE;
                        }
                    }
                    return unknown ? Value.unknown(Type.BOOL) : Value.FALSE;
                })
                .build();
    }

    private static Function coalesce() {
        return Function.builder("coalesce")
                .variadic(Parameter.of("vals", Type.DYNAMIC).allowingAnything())
                .returnType(
                        args -> Unification.unify(args.stream().map(Value::type).toList())
                                .orElseThrow(() -> new FunctionException("all arguments must have the same type")))
                .impl((args, type) -> {
                    for (Value arg : args) {
                        Value v = Arguments.convert(arg, type);
                        if (!v.isKnown()) {
                            return Value.unknown(type);
                        }
                        if (!v.isNull() && !(type == Type.STRING && v.asString().isEmpty())) {
                            return v;
                        }
                    }
                    throw new FunctionException("no non-null, non-empty-string arguments");
                })
                .build();
    }

    private static Function coalescelist() {
        return Function.builder("coalescelist")
                .variadic(Parameter.of("vals", Type.DYNAMIC).allowingAnything())
                .returnType(args -> {
                    if (args.isEmpty()) {
                        throw new FunctionException("at least one argument is required");
                    }
                    for (Value arg : args) {
                        if (!arg.isKnown()) {
                            return Type.DYNAMIC;
                        }
                        if (!(arg.type() instanceof Type.ListType || arg.type() instanceof Type.TupleType)) {
                            throw new FunctionException("coalescelist arguments must be lists or tuples");
                        }
                    }
                    Type first = args.get(0).type();
                    return args.stream().allMatch(a -> a.type().equals(first)) ? first : Type.DYNAMIC;
                })
                .impl((args, type) -> {
                    for (Value arg : args) {
                        if (!arg.isKnown()) {
                            return Value.unknown(type);
                        }
                        if (!arg.isNull() && arg.length() > 0) {
                            return arg;
                        }
                    }
                    throw new FunctionException("no non-null arguments");
                })
                .build();
    }

    private static Function compact() {
        return Function.builder("compact")
                .param("list", Type.list(Type.STRING))
                .returns(Type.list(Type.STRING))
                .impl((args, t) -> {
                    Value list = args.get(0);
                    if (!list.isWhollyKnown()) {
                        return Value.unknown(t);
                    }
                    List<Value> kept = list.elements().stream()
                            .filter(v -> !v.isNull() && !v.asString().isEmpty())
                            .toList();
                    return Value.list(Type.STRING, kept);
                })
                .build();
    }

    private static Function contains() {
        return Function.builder("contains")
                .param("list", Type.DYNAMIC)
                .param("value", Type.DYNAMIC)
                .returns(Type.BOOL)
                .impl((args, t) -> {
                    Value list = args.get(0);
                    Type type = list.type();
                    if (!(type instanceof Type.ListType
                            || type instanceof Type.TupleType
                            || type instanceof Type.SetType)) {
                        throw new FunctionException("argument must be list, tuple, or set");
                    }
                    boolean undecided = false;
                    for (Value e : list.elements()) {
                        Value eq = args.get(1).valueEquals(e);
                        if (!eq.isKnown()) {
                            undecided = true;
                        } else if (eq.asBoolean()) {
                            return Value.TRUE;
                        }
                    }
                    return undecided ? Value.unknown(Type.BOOL) : Value.FALSE;
                })
                .build();
    }

    private static Function distinct() {
        return Function.builder("distinct")
                .param("list", Type.list(Type.DYNAMIC))
                .returnType(args -> args.get(0).type())
                .impl((args, type) -> {
                    Value list = args.get(0);
                    if (!list.isWhollyKnown()) {
                        return Value.unknown(type);
                    }
                    List<Value> kept = new ArrayList<>();
                    for (Value v : list.elements()) {
                        if (kept.stream().noneMatch(k -> k.valueEquals(v).asBoolean())) {
                            kept.add(v);
                        }
                    }
                    return Value.list(type.elementType(), kept);
                })
                .build();
    }

    private static Function index() {
        return Function.builder("index")
                .param("list", Type.DYNAMIC)
                .param("value", Type.DYNAMIC)
                .returns(Type.NUMBER)
                .impl((args, t) -> {
                    Value list = args.get(0);
                    if (!(list.type() instanceof Type.ListType || list.type() instanceof Type.TupleType)) {
                        throw new FunctionException("argument must be a list or tuple");
                    }
                    if (list.length() == 0) {
                        throw new FunctionException("cannot search an empty list");
                    }
                    List<Value> elements = list.elements();
                    for (int i = 0; i < elements.size(); i++) {
                        Value eq = elements.get(i).valueEquals(args.get(1));
                        if (!eq.isKnown()) {
                            return Value.unknown(Type.NUMBER);
                        }
                        if (eq.asBoolean()) {
                            return Value.number(i);
                        }
                    }
                    throw new FunctionException("item not found");
                })
                .build();
    }

    private static Function length() {
        return Function.builder("length")
                .param(Parameter.of("value", Type.DYNAMIC)
                        .allowingDynamic()
                        .allowingUnknown()
                        .allowingMarks())
                .returnType(args -> {
                    Type type = args.get(0).unmark().type();
                    if (type == Type.BOOL || type == Type.NUMBER) {
                        throw FunctionException.argument(
                                0, "argument must be a string, a collection type, or a structural type");
                    }
                    return Type.NUMBER;
                })
                .impl((args, t) -> {
                    Value v = args.get(0);
                    Value plain = v.unmark();
                    Type type = plain.type();
                    Value n;
                    if (type instanceof Type.TupleType tuple) {
                        n = Value.number(tuple.elementTypes().size());
                    } else if (type instanceof Type.ObjectType object) {
                        n = Value.number(object.attributeTypes().size());
                    } else if (!plain.isKnown()) {
                        n = Value.unknown(Type.NUMBER);
                    } else if (plain.isNull()) {
                        throw FunctionException.argument(0, "argument must not be null");
                    } else if (type == Type.STRING) {
                        n = Value.number(Graphemes.count(plain.asString()));
                    } else {
                        n = Value.number(plain.length());
                    }
                    return n.withMarks(v.marks());
                })
                .build();
    }

    private static Function one() {
        String wrong = "must be a list, set, or tuple value with either zero or one elements";
        return Function.builder("one")
                .param("list", Type.DYNAMIC)
                .resultMayBeNull()
                .returnType(args -> {
                    Type type = args.get(0).type();
                    if (type instanceof Type.ListType || type instanceof Type.SetType) {
                        return type.elementType();
                    }
                    if (type instanceof Type.TupleType tuple
                            && tuple.elementTypes().size() <= 1) {
                        return tuple.elementTypes().isEmpty()
                                ? Type.DYNAMIC
                                : tuple.elementTypes().get(0);
                    }
                    throw FunctionException.argument(0, wrong);
                })
                .impl((args, type) -> {
                    List<Value> elements = args.get(0).elements();
                    return switch (elements.size()) {
                        case 0 -> Value.nullOf(type);
                        case 1 -> elements.get(0);
                        default -> throw FunctionException.argument(0, wrong);
                    };
                })
                .build();
    }

    private static Function sort() {
        return Function.builder("sort")
                .param("list", Type.list(Type.STRING))
                .returns(Type.list(Type.STRING))
                .impl((args, t) -> {
                    Value list = args.get(0);
                    if (!list.isWhollyKnown()) {
                        return Value.unknown(t);
                    }
                    List<Value> elements = list.elements();
                    for (int i = 0; i < elements.size(); i++) {
                        if (elements.get(i).isNull()) {
                            throw new FunctionException(
                                    "given list element " + i + " is null; a null string cannot be sorted");
                        }
                    }
                    List<Value> sorted = new ArrayList<>(elements);
                    sorted.sort(Comparator.comparing(Value::asString, CollectionFunctions::compareCodePoints));
                    return Value.list(Type.STRING, sorted);
                })
                .build();
    }

    /** Go compares strings byte by byte in UTF-8, which is code point order. */
    static int compareCodePoints(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i] != y[i]) {
                return Integer.compare(x[i], y[i]);
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
