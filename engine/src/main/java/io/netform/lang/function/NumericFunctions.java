package io.netform.lang.function;

import io.netform.value.BigFloat;
import io.netform.value.Conversion;
import io.netform.value.ConversionException;
import io.netform.value.Type;
import io.netform.value.TypeNames;
import io.netform.value.Value;
import java.math.BigInteger;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.UnaryOperator;

/** abs ceil floor log max min parseint pow signum sum. */
final class NumericFunctions {
    private NumericFunctions() {}

    static List<Function> all() {
        return List.of(
                unary("abs", BigFloat::abs),
                unary("ceil", BigFloat::ceil),
                unary("floor", BigFloat::floor),
                signum(),
                extreme("max", 1),
                extreme("min", -1),
                binaryDouble("log", "base", (num, base) -> GoMath.log(num) / GoMath.log(base)),
                binaryDouble("pow", "power", GoMath::pow),
                parseint(),
                sum());
    }

    private static Function unary(String name, UnaryOperator<BigFloat> op) {
        return Function.builder(name)
                .param(Parameter.of("num", Type.NUMBER).allowingDynamic())
                .returns(Type.NUMBER)
                .impl((args, t) -> Value.number(op.apply(args.get(0).asBigFloat())))
                .build();
    }

    /** -1, 0 or 1 of a number that must be a whole 64-bit integer, as cty reads it into a Go int. */
    private static Function signum() {
        return Function.builder("signum")
                .param("num", Type.NUMBER)
                .returns(Type.NUMBER)
                .impl((args, t) -> Value.number(Long.signum(Arguments.wholeNumber(args.get(0)))))
                .build();
    }

    /** max (sign 1) or min (sign -1) of any number of numbers. */
    private static Function extreme(String name, int sign) {
        return Function.builder(name)
                .variadic(Parameter.of("numbers", Type.NUMBER).allowingDynamic())
                .returns(Type.NUMBER)
                .impl((args, t) -> {
                    if (args.isEmpty()) {
                        throw new FunctionException("must pass at least one number");
                    }
                    // cty starts from the opposite infinity and keeps the first of equal numbers
                    BigFloat best = sign > 0 ? BigFloat.NEGATIVE_INFINITY : BigFloat.POSITIVE_INFINITY;
                    for (Value v : args) {
                        if (v.asBigFloat().compareTo(best) * sign > 0) {
                            best = v.asBigFloat();
                        }
                    }
                    return Value.number(best);
                })
                .build();
    }

    /** log and pow, which Terraform computes in 64-bit floating point with Go's math package. */
    private static Function binaryDouble(String name, String second, DoubleBinaryOperator op) {
        return Function.builder(name)
                .param("num", Type.NUMBER)
                .param(second, Type.NUMBER)
                .returns(Type.NUMBER)
                .impl((args, t) -> {
                    double a = Arguments.float64(args.get(0));
                    double b = Arguments.float64(args.get(1));
                    return Arguments.fromDouble(op.applyAsDouble(a, b));
                })
                .build();
    }

    private static Function parseint() {
        return Function.builder("parseint")
                .param("number", Type.DYNAMIC)
                .param("base", Type.NUMBER)
                .returnType(args -> {
                    if (args.get(0).type() != Type.STRING) {
                        throw FunctionException.argument(
                                0,
                                "first argument must be a string, not "
                                        + TypeNames.ofValueType(args.get(0).type()));
                    }
                    return Type.NUMBER;
                })
                .impl((args, t) -> {
                    String text = args.get(0).asString();
                    long base = Arguments.wholeNumber(args.get(1), 1);
                    if (base < 2 || base > 62) {
                        throw FunctionException.argument(1, "base must be a whole number between 2 and 62 inclusive");
                    }
                    BigInteger n = parseInteger(text, (int) base);
                    if (n == null) {
                        throw FunctionException.argument(
                                0, "cannot parse " + GoText.quote(text) + " as a base " + base + " integer");
                    }
                    return Value.number(n);
                })
                .build();
    }

    /**
     * Go's {@code big.Int.SetString} for an explicit base: an optional sign, then digits where
     * letters count from 10 ("a"/"A"); above base 36 lower case is 10-35 and upper case 36-61.
     */
    static BigInteger parseInteger(String text, int base) {
        int start = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
        if (start == text.length()) {
            return null;
        }
        BigInteger result = BigInteger.ZERO;
        BigInteger radix = BigInteger.valueOf(base);
        for (int i = start; i < text.length(); i++) {
            int d = digitValue(text.charAt(i), base);
            if (d < 0 || d >= base) {
                return null;
            }
            result = result.multiply(radix).add(BigInteger.valueOf(d));
        }
        return text.charAt(0) == '-' ? result.negate() : result;
    }

    private static int digitValue(char c, int base) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'Z') {
            return base <= 36 ? c - 'A' + 10 : c - 'A' + 36;
        }
        return -1;
    }

    private static Function sum() {
        String wrongElements = "argument must be list, set, or tuple of number values";
        return Function.builder("sum")
                .param("list", Type.DYNAMIC)
                .returns(Type.NUMBER)
                .impl((args, t) -> {
                    Value list = args.get(0);
                    Type type = list.type();
                    if (!(type instanceof Type.ListType
                            || type instanceof Type.SetType
                            || type instanceof Type.TupleType)) {
                        throw FunctionException.argument(
                                0,
                                type.isPrimitive()
                                        ? "cannot sum noniterable"
                                        : "argument must be list, set, or tuple. Received "
                                                + TypeNames.ofValueType(type));
                    }
                    if (list.length() == 0) {
                        throw FunctionException.argument(0, "cannot sum an empty list");
                    }
                    if (!list.isWhollyKnown()) {
                        return Value.unknown(Type.NUMBER);
                    }
                    // Terraform adds from the first element on, so a sum of -0 alone is -0
                    BigFloat total = null;
                    for (Value e : list.elements()) {
                        if (e.isNull()) {
                            throw FunctionException.argument(0, wrongElements);
                        }
                        BigFloat n;
                        try {
                            n = Conversion.convert(e, Type.NUMBER).asBigFloat();
                        } catch (ConversionException ex) {
                            throw FunctionException.argument(0, wrongElements);
                        }
                        try {
                            total = total == null ? n : total.add(n);
                        } catch (ArithmeticException opposing) {
                            throw new FunctionException("can't compute sum of opposing infinities");
                        }
                    }
                    return Value.number(total);
                })
                .build();
    }
}
