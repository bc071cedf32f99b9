package io.netform.lang.function;

import io.netform.value.Type;
import io.netform.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

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

  /** A whole number that also fits a Java int (collection sizes and indexes). */
  static int smallWholeNumber(Value v, int index) throws FunctionException {
    long n = wholeNumber(v, index);
    if (n != (int) n) {
      throw FunctionException.argument(index, "value must be a whole number, between "
          + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
    }
    return (int) n;
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

  /** A list of the given element type; empty lists need the type, which this supplies. */
  static Value list(Type elementType, List<Value> elements) {
    return Value.list(elementType, elements);
  }

  /** The strings of a list of strings. */
  static List<String> strings(Value list) {
    return list.elements().stream().map(Value::asString).toList();
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
