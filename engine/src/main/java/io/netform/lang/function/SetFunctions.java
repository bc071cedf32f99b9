package io.netform.lang.function;

import io.netform.value.Type;
import io.netform.value.Unification;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;

/** setintersection setproduct setsubtract setunion. */
final class SetFunctions {
    private static final Type ANY_SET = Type.set(Type.DYNAMIC);

    private SetFunctions() {}

    static List<Function> all() {
        return List.of(
                setOperation("setunion", SetFunctions::union, true),
                setOperation("setintersection", SetFunctions::intersection, false),
                Function.builder("setsubtract")
                        .param(Parameter.of("a", ANY_SET).allowingDynamic())
                        .param(Parameter.of("b", ANY_SET).allowingDynamic())
                        .returnType(SetFunctions::commonSetType)
                        .impl((args, type) -> combine(args, type, SetFunctions::difference, false))
                        .build(),
                setproduct());
    }

    /** A function of one set or more, like cty's: {@code first_set} and then {@code other_sets}. */
    private static Function setOperation(String name, BinaryOperator<List<Value>> op, boolean unknownElements) {
        return Function.builder(name)
                .param(Parameter.of("first_set", ANY_SET).allowingDynamic())
                .variadic(Parameter.of("other_sets", ANY_SET).allowingDynamic())
                .returnType(SetFunctions::commonSetType)
                .impl((args, type) -> combine(args, type, op, unknownElements))
                .build();
    }

    /**
     * The set type all arguments convert to, as cty finds it: the element types unify, except that
     * a known empty set of dynamic elements (such as {@code []}) converts to any set and is left out.
     */
    private static Type commonSetType(List<Value> args) throws FunctionException {
        List<Type> elementTypes = new ArrayList<>();
        for (Value arg : args) {
            Type element = arg.type().elementType();
            if (!(arg.isKnown() && arg.length() == 0 && element == Type.DYNAMIC)) {
                elementTypes.add(element);
            }
        }
        if (elementTypes.isEmpty()) {
            return ANY_SET;
        }
        return Type.set(Unification.unify(elementTypes)
                .orElseThrow(() -> new FunctionException("given sets must all have compatible element types")));
    }

    /**
     * Folds the sets with {@code op}. Unless {@code unknownElements} (a union), a set with an unknown
     * element makes the result unknown: which elements it has depends on that element's value.
     */
    private static Value combine(List<Value> args, Type type, BinaryOperator<List<Value>> op, boolean unknownElements)
            throws FunctionException {
        List<Value> result = null;
        for (Value arg : args) {
            Value converted = Arguments.convert(arg, type);
            if (!unknownElements && !converted.isWhollyKnown()) {
                return Value.unknown(type);
            }
            List<Value> elements = converted.elements();
            result = result == null ? elements : op.apply(result, elements);
        }
        List<Value> elements = result == null ? List.of() : result;
        if (elements.stream().map(Value::type).distinct().count() > 1) {
            // Only sets of dynamic elements get here: an element of no known type yet (an unknown,
            // such as what a failed expression leaves) keeps the union's element type open, and
            // known elements of different types have no set to go in, in cty either.
            if (elements.stream().anyMatch(e -> !e.isKnown())) {
                return Value.unknown(type);
            }
            throw new FunctionException("given sets must all have compatible element types");
        }
        return Value.set(type.elementType(), elements);
    }

    private static List<Value> union(List<Value> a, List<Value> b) {
        List<Value> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<Value> intersection(List<Value> a, List<Value> b) {
        return a.stream().filter(b::contains).toList();
    }

    private static List<Value> difference(List<Value> a, List<Value> b) {
        return a.stream().filter(v -> !b.contains(v)).toList();
    }

    private static Function setproduct() {
        return Function.builder("setproduct")
                .variadic(Parameter.of("sets", Type.DYNAMIC))
                .returnType(args -> {
                    if (args.size() < 2) {
                        throw new FunctionException("at least two arguments are required");
                    }
                    boolean allLists = true;
                    List<Type> elementTypes = new ArrayList<>();
                    for (int i = 0; i < args.size(); i++) {
                        Type type = args.get(i).type();
                        if (type instanceof Type.SetType) {
                            allLists = false;
                            elementTypes.add(type.elementType());
                        } else if (type instanceof Type.ListType) {
                            elementTypes.add(type.elementType());
                        } else if (type instanceof Type.TupleType tuple) {
                            int at = i;
                            elementTypes.add(Unification.unify(tuple.elementTypes())
                                    .orElseThrow(() ->
                                            FunctionException.argument(at, "all elements must be of the same type")));
                        } else {
                            throw FunctionException.argument(i, "a set or a list is required");
                        }
                    }
                    Type tuple = Type.tuple(elementTypes);
                    return allLists ? Type.list(tuple) : Type.set(tuple);
                })
                .impl((args, type) -> {
                    List<Type> elementTypes = ((Type.TupleType) type.elementType()).elementTypes();
                    List<List<Value>> product = new ArrayList<>();
                    product.add(List.of());
                    for (int i = 0; i < args.size(); i++) {
                        List<List<Value>> next = new ArrayList<>();
                        for (List<Value> prefix : product) {
                            for (Value v : args.get(i).elements()) {
                                List<Value> longer = new ArrayList<>(prefix);
                                longer.add(Arguments.convert(v, elementTypes.get(i)));
                                next.add(longer);
                            }
                        }
                        product = next;
                    }
                    List<Value> tuples = product.stream().map(Value::tuple).toList();
                    return type instanceof Type.ListType
                            ? Value.list(type.elementType(), tuples)
                            : Value.set(type.elementType(), tuples);
                })
                .build();
    }
}
