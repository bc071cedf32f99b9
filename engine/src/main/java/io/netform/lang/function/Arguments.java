package io.netform.lang.function;

import io.netform.value.Conversion;
import io.netform.value.ConversionException;
import io.netform.value.Type;
import io.netform.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Reads Java values out of function arguments with cty's wording when they do not fit. */
final class Arguments {
    private static final BigDecimal MIN_LONG = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);

    private Arguments() {}

    /** A whole number in the range of a 64-bit integer, as Go's {@code int}. */
    static long wholeNumber(Value v, int index) throws FunctionException {
        BigDecimal n = v.asBigDecimal();
        if (n.compareTo(MIN_LONG) < 0 || n.compareTo(MAX_LONG) > 0 || !isWhole(n)) {
            throw FunctionException.argument(index, "value must be a whole number, between "
                    + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
        }
        return n.longValueExact();
    }

    /** A whole number of any size, as Go's {@code *big.Int}. */
    static BigInteger bigInteger(Value v, int index) throws FunctionException {
        BigDecimal n = v.asBigDecimal();
        if (!isWhole(n)) {
            throw FunctionException.argument(index, "value must be a whole number");
        }
        return n.toBigIntegerExact();
    }

    static boolean isWhole(BigDecimal n) {
        return n.signum() == 0 || n.scale() <= 0 || n.stripTrailingZeros().scale() <= 0;
    }

    /** A conversion that type checking has already shown to be possible; failure fails the call. */
    static Value convert(Value v, Type type) throws FunctionException {
        try {
            return Conversion.convert(v, type);
        } catch (ConversionException e) {
            throw new FunctionException(e.getMessage());
        }
    }

    /** Converts argument {@code index}; failure is that argument's fault. */
    static Value convertArgument(Value v, Type type, int index) throws FunctionException {
        try {
            return Conversion.convert(v, type);
        } catch (ConversionException e) {
            throw FunctionException.argument(index, e.getMessage());
        }
    }

    /** A number from a double, as cty's {@code NumberFloatVal}; infinities cannot be held. */
    static Value fromDouble(double d) throws FunctionException {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new FunctionException("the result (" + (Double.isNaN(d) ? "NaN" : d > 0 ? "+Inf" : "-Inf")
                    + ") is not a finite number, which Netform cannot represent");
        }
        return Value.number(new BigDecimal(Double.toString(d)));
    }
}
