package io.netform.lang.function;

import io.netform.value.Refinement;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.List;

/** format and formatlist. */
final class FormatFunctions {
    private FormatFunctions() {}

    static List<Function> all() {
        return List.of(format(), formatlist());
    }

    private static Parameter args() {
        return Parameter.of("args", Type.DYNAMIC).allowingNull().allowingUnknown();
    }

    private static Function format() {
        return Function.builder("format")
                .param("format", Type.STRING)
                .variadic(args())
                .returns(Type.STRING)
                .impl((args, t) -> {
                    String format = args.get(0).asString();
                    List<Value> values = args.subList(1, args.size());
                    if (!values.stream().allMatch(Value::isWhollyKnown)) {
                        int percent = format.indexOf('%');
                        Refinement known = Refinement.NONE.withNotNull();
                        return Value.unknown(
                                Type.STRING,
                                percent > 0 ? known.withStringPrefix(format.substring(0, percent)) : known);
                    }
                    return Value.string(PrintfFormat.format(format, values));
                })
                .build();
    }

    private static Function formatlist() {
        return Function.builder("formatlist")
                .param("format", Type.STRING)
                .variadic(args())
                .returns(Type.list(Type.STRING))
                .impl((args, t) -> {
                    String format = args.get(0).asString();
                    List<Value> values = args.subList(1, args.size());
                    int length = -1;
                    int lengthFrom = -1;
                    for (int i = 0; i < values.size(); i++) {
                        Value v = values.get(i);
                        if (!isSequence(v)) {
                            if (v.type() == Type.DYNAMIC && !v.isKnown()) {
                                return Value.unknown(t);
                            }
                            continue;
                        }
                        if (!v.isKnown()) {
                            if (!(v.type() instanceof Type.TupleType tuple)) {
                                return Value.unknown(t);
                            }
                            length = checkLength(
                                    length, lengthFrom, tuple.elementTypes().size(), i);
                            return Value.unknown(t);
                        }
                        int thisLength = v.length();
                        if (length < 0) {
                            length = thisLength;
                            lengthFrom = i;
                        } else {
                            checkLength(length, lengthFrom, thisLength, i);
                        }
                    }
                    return Value.list(Type.STRING, formatEach(format, values, Math.max(length, 1), length == 0));
                })
                .build();
    }

    private static boolean isSequence(Value v) {
        Type type = v.type();
        return !v.isNull()
                && (type instanceof Type.ListType || type instanceof Type.SetType || type instanceof Type.TupleType);
    }

    private static int checkLength(int length, int lengthFrom, int thisLength, int i) throws FunctionException {
        if (length >= 0 && thisLength != length) {
            throw FunctionException.argument(
                    i + 1,
                    "argument " + (i + 1) + " has length " + thisLength + ", which is inconsistent with argument "
                            + (lengthFrom + 1) + " of length " + length);
        }
        return thisLength;
    }

    private static List<Value> formatEach(String format, List<Value> values, int count, boolean empty)
            throws FunctionException {
        List<Value> results = new ArrayList<>();
        if (empty) {
            return results;
        }
        for (int n = 0; n < count; n++) {
            List<Value> callArgs = new ArrayList<>();
            boolean known = true;
            for (Value v : values) {
                Value arg = isSequence(v) ? v.elements().get(n) : v;
                known &= arg.isWhollyKnown();
                callArgs.add(arg);
            }
            if (!known) {
                results.add(Value.unknown(Type.STRING, Refinement.NONE.withNotNull()));
                continue;
            }
            try {
                results.add(Value.string(PrintfFormat.format(format, callArgs)));
            } catch (FunctionException e) {
                throw new FunctionException("error on format iteration " + n + ": " + e.reason());
            }
        }
        return results;
    }
}
