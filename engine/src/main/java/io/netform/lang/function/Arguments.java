package io.netform.lang.function;

import io.netform.value.BigFloat;
import io.netform.value.Conversion;
import io.netform.value.ConversionException;
import io.netform.value.Type;
import io.netform.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Reads Java values out of function arguments with cty's wording when they do not fit. */
final class Arguments {
    private static final String WHOLE_NUMBER =
            "value must be a whole number, between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE;
    private static final String MAX_FLOAT64 = new BigDecimal(Double.MAX_VALUE).toPlainString() + ".000000";

    private Arguments() {}

    /** A whole number in the range of a 64-bit integer, as Go's {@code int}. */
    static long wholeNumber(Value v, int index) throws FunctionException {
        Long n = int64(v.asBigFloat());
        if (n == null) {
            throw FunctionException.argument(index, WHOLE_NUMBER);
        }
        return n;
    }

    /** The same, where cty reports the failure as the function's rather than the argument's. */
    static long wholeNumber(Value v) throws FunctionException {
        Long n = int64(v.asBigFloat());
        if (n == null) {
            throw new FunctionException(WHOLE_NUMBER);
        }
        return n;
    }

    private static Long int64(BigFloat n) {
        return n.isLong() ? n.longValue() : null;
    }

    /** A whole number of any size, as Go's {@code *big.Int}. */
    static BigInteger bigInteger(Value v, int index) throws FunctionException {
        BigFloat n = v.asBigFloat();
        if (!n.isInteger()) {
            throw FunctionException.argument(index, "value must be a whole number");
        }
        return n.truncated();
    }

    /**
     * The nearest float64, as cty reads a number into a Go {@code float64}: precision may go, but a
     * finite number too large for a float64 is refused rather than made infinite.
     */
    static double float64(Value v) throws FunctionException {
        BigFloat n = v.asBigFloat();
        double d = n.toDouble();
        if (Double.isInfinite(d) && !n.isInfinite()) {
            throw new FunctionException("value must be between -" + MAX_FLOAT64 + " and " + MAX_FLOAT64 + " inclusive");
        }
        return d;
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

    /**
     * A number from a double, as cty's {@code NumberFloatVal}: infinities are numbers too, but a NaN
     * (the logarithm of a negative number, say) is not, where Terraform's function panics.
     */
    static Value fromDouble(double d) throws FunctionException {
        if (Double.isNaN(d)) {
            throw new FunctionException("the result is not a number (NaN)");
        }
        return Value.number(d);
    }
}
