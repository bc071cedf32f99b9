package io.netform.lang.function;

import io.netform.value.Conversion;
import io.netform.value.ConversionException;
import io.netform.value.Mark;
import io.netform.value.Type;
import io.netform.value.TypeNames;
import io.netform.value.Value;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * tobool tonumber tostring tolist toset tomap, sensitive nonsensitive issensitive, and
 * ephemeralasnull. can and try
 * evaluate unevaluated expressions, so they belong to the expression evaluator.
 */
final class TypeFunctions {
    private TypeFunctions() {}

    static List<Function> all() {
        return List.of(
                conversion("tobool", Type.BOOL),
                conversion("tonumber", Type.NUMBER),
                conversion("tostring", Type.STRING),
                conversion("tolist", Type.list(Type.DYNAMIC)),
                conversion("toset", Type.set(Type.DYNAMIC)),
                conversion("tomap", Type.map(Type.DYNAMIC)),
                sensitive(),
                nonsensitive(),
                issensitive(),
                ephemeralasnull());
    }

    private static Parameter anyValue() {
        return Parameter.of("value", Type.DYNAMIC).allowingAnything().allowingMarks();
    }

    /** A to* function: an explicit conversion with messages worded for being explicit. */
    private static Function conversion(String name, Type wanted) {
        return Function.builder(name)
                .param(Parameter.of("v", Type.DYNAMIC)
                        .allowingNull()
                        .allowingMarks()
                        .allowingDynamic())
                .resultMayBeNull()
                .returnType(args -> {
                    Type given = args.get(0).unmark().type();
                    if (!given.equals(wanted) && !Conversion.canConvert(given, wanted)) {
                        throw FunctionException.argument(
                                0,
                                "cannot convert " + TypeNames.ofConstraint(given) + " to "
                                        + TypeNames.ofConstraint(wanted));
                    }
                    return wanted;
                })
                .impl((args, type) -> {
                    Value v = args.get(0);
                    try {
                        return Conversion.convert(v, wanted);
                    } catch (ConversionException e) {
                        throw FunctionException.argument(0, failure(v, wanted));
                    }
                })
                .build();
    }

    private static String failure(Value v, Type wanted) {
        Value plain = v.unmarkDeep();
        Type given = plain.type();
        if (v.unmarkDeepWithPaths().paths().stream().anyMatch(p -> p.marks().contains(Mark.SENSITIVE))) {
            return "cannot convert this sensitive " + TypeNames.ofValueType(given) + " to "
                    + TypeNames.ofConstraint(wanted);
        }
        String what = given == Type.STRING && !plain.isNull() ? GoText.quote(plain.asString()) : "string";
        if (given == Type.STRING && wanted == Type.BOOL) {
            return "cannot convert " + what + " to bool; only the strings \"true\" or \"false\" are allowed";
        }
        if (given == Type.STRING && wanted == Type.NUMBER) {
            return "cannot convert " + what + " to number; given string must be a decimal representation of a number";
        }
        return "cannot convert " + TypeNames.ofValueType(given) + " to " + TypeNames.ofConstraint(wanted);
    }

    private static Function sensitive() {
        return Function.builder("sensitive")
                .param(anyValue())
                .resultMayBeNull()
                .returnType(args -> args.get(0).type())
                .impl((args, t) -> args.get(0).mark(Mark.SENSITIVE))
                .build();
    }

    private static Function nonsensitive() {
        return Function.builder("nonsensitive")
                .param(anyValue())
                .resultMayBeNull()
                .returnType(args -> args.get(0).type())
                .impl((args, t) -> {
                    Value v = args.get(0);
                    Set<Mark> kept = new TreeSet<>(v.marks());
                    kept.remove(Mark.SENSITIVE);
                    return v.unmark().withMarks(kept);
                })
                .build();
    }

    private static Function issensitive() {
        return Function.builder("issensitive")
                .param(anyValue())
                .returns(Type.BOOL)
                .impl((args, t) -> {
                    Value v = args.get(0);
                    if (v.isSensitive()) {
                        return Value.TRUE;
                    }
                    return v.isKnown() ? Value.FALSE : Value.unknown(Type.BOOL);
                })
                .build();
    }

    /**
     * Terraform 1.10's ephemeralasnull replaces every ephemeral part of a value, however deep, with a
     * null of its type and keeps the rest as it is, marks, unknowns and nulls included. Netform has no
     * ephemeral values (it rejects {@code ephemeral = true}), so every part is kept: the argument itself.
     */
    private static Function ephemeralasnull() {
        return Function.builder("ephemeralasnull")
                .param(anyValue())
                .resultMayBeNull()
                .returnType(args -> args.get(0).type())
                .impl((args, t) -> args.get(0))
                .build();
    }
}
