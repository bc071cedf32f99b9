package io.netform.lang.function;

import io.netform.value.BigFloat;
import io.netform.value.Type;
import io.netform.value.TypeNames;
import io.netform.value.Unification;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** chunklist concat element flatten range reverse slice. */
final class SequenceFunctions {
    private static final int RANGE_LIMIT = 1024;

    private SequenceFunctions() {}

    static List<Function> all() {
        return List.of(chunklist(), concat(), element(), flatten(), range(), reverse(), slice());
    }

    private static boolean isSequence(Type type) {
        return type instanceof Type.ListType || type instanceof Type.SetType || type instanceof Type.TupleType;
    }

    private static Function chunklist() {
        return Function.builder("chunklist")
                .param("list", Type.list(Type.DYNAMIC))
                .param("size", Type.NUMBER)
                .returnType(args -> Type.list(args.get(0).type()))
                .impl((args, type) -> {
                    Value list = args.get(0);
                    Type listType = list.type();
                    long size;
                    try {
                        size = Arguments.wholeNumber(args.get(1), 1);
                    } catch (FunctionException e) {
                        throw new FunctionException("invalid size: " + e.reason());
                    }
                    if (size < 0) {
                        throw new FunctionException("the size argument must be positive");
                    }
                    if (list.length() == 0) {
                        return Value.list(listType, List.of());
                    }
                    if (size == 0) {
                        return Value.list(listType, List.of(list));
                    }
                    List<Value> chunks = new ArrayList<>();
                    List<Value> elements = list.elements();
                    for (int from = 0; from < elements.size(); from += (int) Math.min(size, Integer.MAX_VALUE)) {
                        int to = (int) Math.min(elements.size(), from + size);
                        chunks.add(Value.list(listType.elementType(), elements.subList(from, to)));
                    }
                    return Value.list(listType, chunks);
                })
                .build();
    }

    private static Function concat() {
        return Function.builder("concat")
                .variadic(Parameter.of("seqs", Type.DYNAMIC))
                .returnType(SequenceFunctions::concatType)
                .impl((args, type) -> {
                    List<Value> all = new ArrayList<>();
                    for (int i = 0; i < args.size(); i++) {
                        all.addAll(
                                type instanceof Type.ListType
                                        ? Arguments.convertArgument(args.get(i), type, i)
                                                .elements()
                                        : args.get(i).elements());
                    }
                    return type instanceof Type.ListType ? Value.list(type.elementType(), all) : Value.tuple(all);
                })
                .build();
    }

    private static Type concatType(List<Value> args) throws FunctionException {
        if (args.isEmpty()) {
            throw new FunctionException("at least one argument is required");
        }
        if (args.stream().allMatch(a -> a.type() instanceof Type.ListType)) {
            Optional<Type> common =
                    Unification.unify(args.stream().map(Value::type).toList());
            if (common.isPresent()) {
                return common.get();
            }
        }
        List<Type> types = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Value arg = args.get(i);
            if (arg.type() instanceof Type.TupleType tuple) {
                types.addAll(tuple.elementTypes());
            } else if (arg.type() instanceof Type.ListType) {
                if (!arg.isKnown()) {
                    return Type.DYNAMIC;
                }
                for (int j = 0; j < arg.length(); j++) {
                    types.add(arg.type().elementType());
                }
            } else {
                throw FunctionException.argument(
                        i, "all arguments must be lists or tuples; got " + TypeNames.ofValueType(arg.type()));
            }
        }
        return Type.tuple(types);
    }

    private static Function element() {
        return Function.builder("element")
                .param("list", Type.DYNAMIC)
                .param("index", Type.NUMBER)
                .resultMayBeNull()
                .returnType(args -> {
                    Value index = args.get(1);
                    Type type = args.get(0).type();
                    if (type instanceof Type.ListType) {
                        return type.elementType();
                    }
                    if (!(type instanceof Type.TupleType tuple)) {
                        throw new FunctionException("cannot read elements from " + TypeNames.ofValueType(type));
                    }
                    if (!index.isKnown()) {
                        return Type.DYNAMIC;
                    }
                    long i = wholeIndex(index);
                    if (tuple.elementTypes().isEmpty()) {
                        throw new FunctionException("cannot use element function with an empty list");
                    }
                    return tuple.elementTypes().get(wrap(i, tuple.elementTypes().size()));
                })
                .impl((args, type) -> {
                    long i = wholeIndex(args.get(1));
                    List<Value> elements = args.get(0).elements();
                    if (elements.isEmpty()) {
                        throw new FunctionException("cannot use element function with an empty list");
                    }
                    return elements.get(wrap(i, elements.size()));
                })
                .build();
    }

    /** An index taken modulo the length, negative ones counting back from the end. */
    private static int wrap(long index, int size) {
        return (int) Math.floorMod(index, (long) size);
    }

    private static long wholeIndex(Value index) throws FunctionException {
        try {
            return Arguments.wholeNumber(index, 1);
        } catch (FunctionException e) {
            throw new FunctionException("invalid index: " + e.reason());
        }
    }

    private static Function flatten() {
        return Function.builder("flatten")
                .param("list", Type.DYNAMIC)
                .returnType(args -> {
                    Value list = args.get(0);
                    if (!list.isWhollyKnown()) {
                        return Type.DYNAMIC;
                    }
                    if (!isSequence(list.type())) {
                        throw new FunctionException("can only flatten lists, sets and tuples");
                    }
                    List<Value> flat = new ArrayList<>();
                    return flattenInto(list, flat)
                            ? Type.tuple(flat.stream().map(Value::type).toList())
                            : Type.DYNAMIC;
                })
                .impl((args, type) -> {
                    List<Value> flat = new ArrayList<>();
                    return flattenInto(args.get(0), flat) ? Value.tuple(flat) : Value.unknown(type);
                })
                .build();
    }

    /** Adds the leaves of {@code sequence} to {@code out}; false if some are not known yet. */
    private static boolean flattenInto(Value sequence, List<Value> out) {
        boolean known = true;
        for (Value e : sequence.elements()) {
            if (e.type() == Type.DYNAMIC && !e.isKnown()) {
                known = false;
            }
            if (isSequence(e.type()) && !e.isNull()) {
                known &= e.isKnown() && flattenInto(e, out);
            } else {
                out.add(e);
            }
        }
        return known;
    }

    private static Function range() {
        return Function.builder("range")
                .variadic(Parameter.of("params", Type.NUMBER))
                .returns(Type.list(Type.NUMBER))
                .impl((args, t) -> {
                    List<BigFloat> n = args.stream().map(Value::asBigFloat).toList();
                    BigFloat start;
                    BigFloat end;
                    BigFloat step;
                    switch (n.size()) {
                        case 1 -> {
                            start = BigFloat.of(0);
                            end = n.get(0);
                            step = BigFloat.of(end.signum() < 0 ? -1 : 1);
                        }
                        case 2 -> {
                            start = n.get(0);
                            end = n.get(1);
                            step = BigFloat.of(end.compareTo(start) < 0 ? -1 : 1);
                        }
                        case 3 -> {
                            start = n.get(0);
                            end = n.get(1);
                            step = n.get(2);
                        }
                        default -> throw new FunctionException("must have one, two, or three arguments");
                    }
                    return Value.list(Type.NUMBER, steps(start, end, step));
                })
                .build();
    }

    /**
     * Values from start by step while short of end, by cty's comparisons: at or past the end means
     * beyond it numerically or equal in text, and the sums are binary, so 1 - 0.2 - 0.2 - 0.2 is a
     * hair above 0.4 and range(1, 0.4, -0.2) has four values.
     */
    private static List<Value> steps(BigFloat start, BigFloat end, BigFloat step) throws FunctionException {
        if (step.signum() == 0) {
            throw FunctionException.argument(2, "step must not be zero");
        }
        boolean down = step.signum() < 0;
        if (down && end.compareTo(start) > 0) {
            throw FunctionException.argument(1, "end must be less than start when step is negative");
        }
        if (!down && end.compareTo(start) < 0) {
            throw FunctionException.argument(1, "end must be greater than start when step is positive");
        }
        List<Value> values = new ArrayList<>();
        for (BigFloat at = start;
                !at.equals(end) && (down ? at.compareTo(end) > 0 : at.compareTo(end) < 0);
                at = at.add(step)) {
            if (values.size() >= RANGE_LIMIT) {
                throw new FunctionException("more than 1024 values were generated; either decrease the"
                        + " difference between start and end or use a smaller step");
            }
            values.add(Value.number(at));
        }
        return values;
    }

    private static Function reverse() {
        return Function.builder("reverse")
                .param("list", Type.DYNAMIC)
                .returnType(args -> {
                    Type type = args.get(0).type();
                    if (type instanceof Type.TupleType tuple) {
                        List<Type> reversed = new ArrayList<>(tuple.elementTypes());
                        Collections.reverse(reversed);
                        return Type.tuple(reversed);
                    }
                    if (type instanceof Type.ListType || type instanceof Type.SetType) {
                        return Type.list(type.elementType());
                    }
                    throw FunctionException.argument(
                            0, "can only reverse list or tuple values, not " + TypeNames.ofValueType(type));
                })
                .impl((args, type) -> {
                    List<Value> reversed = new ArrayList<>(args.get(0).elements());
                    Collections.reverse(reversed);
                    return type instanceof Type.TupleType
                            ? Value.tuple(reversed)
                            : Value.list(type.elementType(), reversed);
                })
                .build();
    }

    private static Function slice() {
        return Function.builder("slice")
                .param("list", Type.DYNAMIC)
                .param("start_index", Type.NUMBER)
                .param("end_index", Type.NUMBER)
                .returnType(args -> {
                    Type type = args.get(0).type();
                    if (type instanceof Type.SetType) {
                        throw FunctionException.argument(
                                0,
                                "cannot slice a set, because its elements do not have"
                                        + " indices; explicitly convert to a list if the ordering of the result is not important");
                    }
                    if (!(type instanceof Type.ListType || type instanceof Type.TupleType)) {
                        throw FunctionException.argument(0, "must be a list or tuple value");
                    }
                    int[] bounds = sliceBounds(args);
                    if (type instanceof Type.ListType) {
                        return type;
                    }
                    if (bounds == null) {
                        return Type.DYNAMIC;
                    }
                    return Type.tuple(((Type.TupleType) type).elementTypes().subList(bounds[0], bounds[1]));
                })
                .impl((args, type) -> {
                    int[] bounds = sliceBounds(args);
                    List<Value> part = args.get(0).elements().subList(bounds[0], bounds[1]);
                    return type instanceof Type.TupleType ? Value.tuple(part) : Value.list(type.elementType(), part);
                })
                .build();
    }

    /** Start and end of a slice, or null while either is unknown. */
    private static int[] sliceBounds(List<Value> args) throws FunctionException {
        Value list = args.get(0);
        int length =
                list.type() instanceof Type.TupleType t ? t.elementTypes().size() : list.isKnown() ? list.length() : -1;
        Integer start = sliceIndex(args.get(1), 1, "start", length);
        Integer end = sliceIndex(args.get(2), 2, "end", length);
        if (start == null || end == null) {
            return null;
        }
        if (start > end) {
            throw FunctionException.argument(1, "start index must not be greater than end index");
        }
        return new int[] {start, end};
    }

    private static Integer sliceIndex(Value v, int argument, String which, int length) throws FunctionException {
        if (!v.isKnown()) {
            return null;
        }
        long i;
        try {
            i = Arguments.wholeNumber(v, argument);
        } catch (FunctionException e) {
            throw FunctionException.argument(argument, "invalid " + which + " index: " + e.reason());
        }
        if (i < 0) {
            throw FunctionException.argument(argument, which + " index must not be less than zero");
        }
        if (length >= 0 && i > length) {
            throw FunctionException.argument(
                    argument, which + " index must not be greater than the length of the list");
        }
        return (int) i;
    }
}
