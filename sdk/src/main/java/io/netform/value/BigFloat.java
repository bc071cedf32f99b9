package io.netform.value;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A cty number: a binary floating-point value with a mantissa of {@link #precision()} bits, or an
 * infinity, with the semantics of Go's {@code big.Float} as cty uses it (rounding to nearest even).
 *
 * <p>Text is Go's {@code Text('f', -1)}: the shortest decimal that identifies the value at its own
 * precision, so {@code 1/3} (512 bits) has about 155 digits and a result of {@code pow} (53 bits)
 * reads as a float64 does. Equality is cty's: two numbers are equal when their texts are, with -0
 * equal to 0; {@link #compareTo} is numeric.
 */
public final class BigFloat implements Comparable<BigFloat> {
    /** The precision of numbers parsed from text (cty's {@code ParseNumberVal}). */
    public static final int PARSE_PRECISION = 512;
    /** The precision of numbers made from Go's {@code int64}. */
    public static final int LONG_PRECISION = 64;
    /** The precision of numbers made from Go's {@code float64}. */
    public static final int DOUBLE_PRECISION = 53;

    public static final BigFloat POSITIVE_INFINITY = new BigFloat(Form.INFINITE, false, BigInteger.ZERO, 0, 0);
    public static final BigFloat NEGATIVE_INFINITY = new BigFloat(Form.INFINITE, true, BigInteger.ZERO, 0, 0);

    /** Five to the power of {@code n} fits Go's 64-bit table up to here; beyond, it is computed rounded. */
    private static final int EXACT_POWERS_OF_FIVE = 27;
    /** Go bounds a float's binary exponent to a 32-bit integer: text beyond it fails to parse, results overflow or underflow. */
    private static final long MAX_EXPONENT = Integer.MAX_VALUE;

    private enum Form {
        ZERO,
        FINITE,
        INFINITE
    }

    private final Form form;
    private final boolean negative;
    /** Positive and odd when finite; zero otherwise. */
    private final BigInteger mantissa;
    /** The value is {@code mantissa * 2^exponent}. */
    private final long exponent;

    private final int precision;
    /**
     * Whether this is zero or a whole number below 2^63 that its precision holds exactly, whose text
     * is then just its digits: counts, indexes and ports, nearly every number, compare, hash and print
     * as a long.
     */
    private final boolean small;
    /** The value when {@link #small}. */
    private final long smallValue;

    private String text;

    private BigFloat(Form form, boolean negative, BigInteger mantissa, long exponent, int precision) {
        this.form = form;
        this.negative = negative;
        this.mantissa = mantissa;
        this.exponent = exponent;
        this.precision = precision;
        long top = exponent + mantissa.bitLength();
        this.small =
                form == Form.ZERO || form == Form.FINITE && exponent >= 0 && top < Long.SIZE - 1 && top <= precision;
        this.smallValue = small && form == Form.FINITE ? (negative ? -1 : 1) * (mantissa.longValue() << exponent) : 0;
    }

    /** The numbers from -128 to 1024 as int64s and as parsed, which are made far more often than others. */
    private static final int CACHED_MIN = -128;

    private static final int CACHED_MAX = 1024;
    private static final BigFloat[] CACHED_LONGS = cache(LONG_PRECISION);
    private static final BigFloat[] CACHED_PARSED = cache(PARSE_PRECISION);

    private static BigFloat[] cache(int precision) {
        BigFloat[] cached = new BigFloat[CACHED_MAX - CACHED_MIN + 1];
        for (int i = CACHED_MIN; i <= CACHED_MAX; i++) {
            cached[i - CACHED_MIN] = round(i < 0, BigInteger.valueOf(i).abs(), 0, precision);
        }
        return cached;
    }

    // ---- making numbers ---------------------------------------------------------------------------

    /** A whole number from a 64-bit integer (64 bits of precision, as cty's {@code NumberIntVal}). */
    public static BigFloat of(long value) {
        if (value >= CACHED_MIN && value <= CACHED_MAX) {
            return CACHED_LONGS[(int) value - CACHED_MIN];
        }
        return round(value < 0, BigInteger.valueOf(value).abs(), 0, LONG_PRECISION);
    }

    /** A whole number, exact: the precision is its bit length, and at least 64 (Go's {@code SetInt}). */
    public static BigFloat of(BigInteger value) {
        return round(value.signum() < 0, value.abs(), 0, Math.max(LONG_PRECISION, value.bitLength()));
    }

    /** A float64's value (53 bits, as cty's {@code NumberFloatVal}); NaN has none. */
    public static BigFloat of(double value) {
        if (Double.isNaN(value)) {
            throw new ArithmeticException("NaN is not a number cty can hold");
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY;
        }
        boolean negative = (Double.doubleToRawLongBits(value) < 0);
        long bits = Double.doubleToRawLongBits(value) & Long.MAX_VALUE;
        int biased = (int) (bits >>> 52);
        long fraction = bits & ((1L << 52) - 1);
        if (biased == 0 && fraction == 0) {
            return zero(negative, DOUBLE_PRECISION);
        }
        long significand = biased == 0 ? fraction : fraction | (1L << 52);
        int exp = (biased == 0 ? 1 : biased) - 1075;
        return round(negative, BigInteger.valueOf(significand), exp, DOUBLE_PRECISION);
    }

    /** A decimal's value rounded to 512 bits, as if its text were parsed. */
    public static BigFloat of(BigDecimal value) {
        if (value.scale() == 0 && value.precision() < 5) {
            int n = value.intValue();
            if (n >= CACHED_MIN && n <= CACHED_MAX) {
                return CACHED_PARSED[n - CACHED_MIN];
            }
        }
        BigInteger unscaled = value.unscaledValue();
        return fromDecimal(unscaled.signum() < 0, unscaled.abs(), -(long) value.scale(), 0, PARSE_PRECISION);
    }

    /**
     * Go's {@code big.ParseFloat(s, 10, 512, ToNearestEven)}, which cty's {@code ParseNumberVal} uses:
     * an optional sign, then {@code inf}/{@code Inf}, or decimal digits with at most one point and at
     * least one digit, optionally followed by an exponent ({@code e} or {@code E} for a power of ten,
     * {@code p} or {@code P} for a power of two).
     *
     * @throws NumberFormatException if the text is not such a number
     */
    public static BigFloat parse(String text) {
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("Inf") || s.equals("inf")) {
            return negative ? NEGATIVE_INFINITY : POSITIVE_INFINITY;
        }
        int i = 0;
        int digitsAfterPoint = 0;
        boolean point = false;
        boolean anyDigit = false;
        StringBuilder digits = new StringBuilder(s.length());
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
                anyDigit = true;
                digitsAfterPoint += point ? 1 : 0;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (!anyDigit) {
            throw new NumberFormatException("no digits in " + Value.quote(text));
        }
        long exp10 = 0;
        long exp2 = 0;
        if (i < s.length()) {
            char e = s.charAt(i);
            if (e != 'e' && e != 'E' && e != 'p' && e != 'P') {
                throw new NumberFormatException(
                        "unexpected " + Value.quote(String.valueOf(e)) + " in " + Value.quote(text));
            }
            String power = s.substring(i + 1);
            if (!power.matches("[+-]?[0-9]+")) {
                throw new NumberFormatException("invalid exponent in " + Value.quote(text));
            }
            long n;
            try {
                n = Long.parseLong(power);
            } catch (NumberFormatException overflow) {
                throw new NumberFormatException("exponent overflow in " + Value.quote(text));
            }
            if (e == 'e' || e == 'E') {
                exp10 = n;
            } else {
                exp2 = n;
            }
        }
        BigInteger whole = new BigInteger(digits.toString());
        return fromDecimal(negative, whole, exp10 - digitsAfterPoint, exp2, PARSE_PRECISION);
    }

    /**
     * {@code magnitude * 10^exp10 * 2^exp2} the way Go's parser computes it: the exact mantissa is
     * multiplied or divided by five to the power, which beyond 5^27 is itself rounded to the
     * precision plus 64 bits; the result is rounded once to the precision.
     */
    private static BigFloat fromDecimal(boolean negative, BigInteger magnitude, long exp10, long exp2, int precision) {
        if (magnitude.signum() == 0) {
            return zero(negative, precision);
        }
        long binaryExponent = exp2 + exp10 + magnitude.bitLength();
        if (binaryExponent > MAX_EXPONENT || binaryExponent < -MAX_EXPONENT - 1) {
            throw new NumberFormatException("exponent overflow");
        }
        BigFloat exact = new BigFloat(Form.FINITE, negative, magnitude, exp2 + exp10, Integer.MAX_VALUE);
        if (exp10 == 0) {
            return round(negative, magnitude, exp2, precision);
        }
        BigFloat five = powerOfFive(Math.abs(exp10), precision + 64);
        return exp10 < 0 ? quotient(exact, five, precision) : product(exact, five, precision);
    }

    /** Go's {@code pow5}: exact up to 5^27, then by squaring with rounding to {@code precision}. */
    private static BigFloat powerOfFive(long n, int precision) {
        if (n <= EXACT_POWERS_OF_FIVE) {
            return round(false, BigInteger.valueOf(5).pow((int) n), 0, precision);
        }
        BigFloat result = round(false, BigInteger.valueOf(5).pow(EXACT_POWERS_OF_FIVE), 0, precision);
        BigFloat square = round(false, BigInteger.valueOf(5), 0, precision + 64);
        for (long rest = n - EXACT_POWERS_OF_FIVE; rest > 0; rest >>= 1) {
            if ((rest & 1) != 0) {
                result = product(result, square, precision);
            }
            square = product(square, square, precision + 64);
        }
        return result;
    }

    private static BigFloat zero(boolean negative, int precision) {
        return new BigFloat(Form.ZERO, negative, BigInteger.ZERO, 0, precision);
    }

    /** {@code magnitude * 2^exponent} rounded to nearest even at {@code precision} bits. */
    private static BigFloat round(boolean negative, BigInteger magnitude, long exponent, int precision) {
        if (magnitude.signum() == 0) {
            return zero(negative, precision);
        }
        BigInteger m = magnitude;
        long e = exponent;
        int excess = m.bitLength() - precision;
        if (excess > 0) {
            boolean half = m.testBit(excess - 1);
            boolean sticky = m.getLowestSetBit() < excess - 1;
            m = m.shiftRight(excess);
            e += excess;
            if (half && (sticky || m.testBit(0))) {
                m = m.add(BigInteger.ONE);
            }
        }
        // beyond Go's 32-bit binary exponent a number overflows to an infinity or underflows to zero
        long top = e + m.bitLength();
        if (top > MAX_EXPONENT) {
            return negative ? NEGATIVE_INFINITY : POSITIVE_INFINITY;
        }
        if (top < -MAX_EXPONENT - 1) {
            return zero(negative, precision);
        }
        int zeros = m.getLowestSetBit();
        return new BigFloat(Form.FINITE, negative, m.shiftRight(zeros), e + zeros, precision);
    }

    // ---- what the number is -----------------------------------------------------------------------

    /** The mantissa's bits: what arithmetic rounds to and what the text distinguishes. */
    public int precision() {
        return precision;
    }

    public boolean isInfinite() {
        return form == Form.INFINITE;
    }

    public boolean isZero() {
        return form == Form.ZERO;
    }

    /** True for negative numbers, negative zero and negative infinity. */
    public boolean isNegative() {
        return negative;
    }

    /** -1, 0 or 1; zero of either sign gives 0. */
    public int signum() {
        return form == Form.ZERO ? 0 : negative ? -1 : 1;
    }

    /** True if the number is finite and whole. */
    public boolean isInteger() {
        return form == Form.ZERO || (form == Form.FINITE && exponent >= 0);
    }

    /** True if the number is whole and within the range of a long (Go's {@code Int64} is exact). */
    public boolean isLong() {
        return small || isInteger() && truncated().bitLength() < Long.SIZE;
    }

    /**
     * The number as a long.
     *
     * @throws ArithmeticException unless {@link #isLong()}
     */
    public long longValue() {
        if (small) {
            return smallValue;
        }
        if (!isLong()) {
            throw new ArithmeticException(text() + " is not a whole number in the range of a 64-bit integer");
        }
        return truncated().longValue();
    }

    /** The integer part, truncated towards zero (Go's {@code Float.Int}). */
    public BigInteger truncated() {
        requireFinite();
        if (form == Form.ZERO) {
            return BigInteger.ZERO;
        }
        BigInteger magnitude = exponent >= 0
                ? mantissa.shiftLeft(Math.toIntExact(exponent))
                : exponent <= -mantissa.bitLength() ? BigInteger.ZERO : mantissa.shiftRight((int) -exponent);
        return negative ? magnitude.negate() : magnitude;
    }

    /** The nearest float64, ties to even (Go's {@code Float.Float64}); beyond its range, an infinity. */
    public double toDouble() {
        if (form != Form.FINITE) {
            return form == Form.ZERO
                    ? (negative ? -0.0 : 0.0)
                    : negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        long top = exponent + mantissa.bitLength();
        // below float64's normal range fewer bits remain, down to the last subnormal at 2^-1074
        long bits = Math.min(DOUBLE_PRECISION, top + 1074);
        double magnitude;
        if (bits <= 0) {
            // at most half the smallest subnormal: exactly half rounds to even (zero), more rounds up
            boolean aboveHalf = bits == 0 && mantissa.bitLength() > 1;
            magnitude = aboveHalf ? Double.MIN_VALUE : 0.0;
        } else if (top > 1024) {
            magnitude = Double.POSITIVE_INFINITY;
        } else {
            BigFloat r = round(false, mantissa, exponent, (int) bits);
            magnitude = Math.scalb((double) r.mantissa.longValueExact(), (int) r.exponent);
        }
        return negative ? -magnitude : magnitude;
    }

    /** The exact value as a decimal (every finite binary fraction has one). */
    public BigDecimal exactDecimal() {
        requireFinite();
        if (form == Form.ZERO) {
            return BigDecimal.ZERO;
        }
        BigDecimal magnitude = exponent >= 0
                ? new BigDecimal(mantissa.shiftLeft(Math.toIntExact(exponent)))
                : new BigDecimal(
                        mantissa.multiply(BigInteger.valueOf(5).pow(Math.toIntExact(-exponent))),
                        Math.toIntExact(-exponent));
        return negative ? magnitude.negate() : magnitude;
    }

    /** The number its {@link #text() text} shows, as a decimal; zero of either sign is plain zero. */
    public BigDecimal toBigDecimal() {
        requireFinite();
        if (small) {
            return BigDecimal.valueOf(smallValue);
        }
        return wholeBelowPrecision() ? new BigDecimal(truncated()) : new BigDecimal(text());
    }

    private void requireFinite() {
        if (form == Form.INFINITE) {
            throw new ArithmeticException("infinity is not a finite number");
        }
    }

    // ---- arithmetic (cty's operators) -------------------------------------------------------------

    public BigFloat negate() {
        return new BigFloat(form, !negative, mantissa, exponent, precision);
    }

    public BigFloat abs() {
        return negative ? negate() : this;
    }

    /** The sum at the larger precision; opposing infinities have none. */
    public BigFloat add(BigFloat other) {
        int p = Math.max(precision, other.precision);
        if (form == Form.INFINITE || other.form == Form.INFINITE) {
            if (form == Form.INFINITE && other.form == Form.INFINITE && negative != other.negative) {
                throw new ArithmeticException("opposing infinities");
            }
            return form == Form.INFINITE ? this : other;
        }
        if (form == Form.ZERO && other.form == Form.ZERO) {
            return zero(negative && other.negative, p);
        }
        if (form == Form.ZERO) {
            return round(other.negative, other.mantissa, other.exponent, p);
        }
        if (other.form == Form.ZERO) {
            return round(negative, mantissa, exponent, p);
        }
        long e = Math.min(exponent, other.exponent);
        BigInteger a = signed(mantissa.shiftLeft(Math.toIntExact(exponent - e)), negative);
        BigInteger b = signed(other.mantissa.shiftLeft(Math.toIntExact(other.exponent - e)), other.negative);
        BigInteger sum = a.add(b);
        return round(sum.signum() < 0, sum.abs(), e, p);
    }

    public BigFloat subtract(BigFloat other) {
        return add(other.negate());
    }

    /**
     * cty's product: rounded to 512 bits, at the larger precision of the operands or the product's
     * own bits if it needs more (so two float64s multiply exactly); zero times infinity has none.
     */
    public BigFloat multiply(BigFloat other) {
        BigFloat product = product(this, other, PARSE_PRECISION);
        int p = Math.max(Math.max(precision, other.precision), product.mantissa.bitLength());
        return product.form == Form.FINITE
                ? new BigFloat(Form.FINITE, product.negative, product.mantissa, product.exponent, p)
                : product.withPrecision(p);
    }

    /** The quotient at the larger precision; a finite number over zero is an infinity. */
    public BigFloat divide(BigFloat other) {
        return quotient(this, other, Math.max(precision, other.precision));
    }

    /**
     * cty's modulo: {@code a - b * trunc(a / b)} computed at this number's precision, so the result
     * has the sign of this number; anything modulo zero is itself.
     */
    public BigFloat remainder(BigFloat other) {
        if (other.form == Form.ZERO) {
            return this;
        }
        BigFloat ratio = divide(other);
        if (ratio.form == Form.INFINITE) {
            throw new ArithmeticException("infinity has no remainder");
        }
        BigInteger whole = ratio.truncated();
        BigFloat times = round(whole.signum() < 0, whole.abs(), 0, precision);
        return add(product(other, times, precision).negate());
    }

    /** The greatest whole number not above this one, at this precision; infinities stay. */
    public BigFloat floor() {
        return whole(negative && !isInteger());
    }

    /** The least whole number not below this one, at this precision; infinities stay. */
    public BigFloat ceil() {
        return whole(!negative && !isInteger());
    }

    private BigFloat whole(boolean awayFromZero) {
        if (form == Form.INFINITE) {
            return this;
        }
        BigInteger t = truncated();
        if (awayFromZero) {
            t = t.add(BigInteger.valueOf(negative ? -1 : 1));
        }
        // made from an integer, which has no negative zero: ceil(-0.5) is 0, not -0
        return round(t.signum() < 0, t.abs(), 0, precision);
    }

    private BigFloat withPrecision(int p) {
        return p == precision
                ? this
                : form == Form.FINITE
                        ? round(negative, mantissa, exponent, p)
                        : new BigFloat(form, negative, mantissa, exponent, p);
    }

    private static BigInteger signed(BigInteger magnitude, boolean negative) {
        return negative ? magnitude.negate() : magnitude;
    }

    /** {@code a * b} rounded to {@code p} bits; zero times infinity has none. */
    private static BigFloat product(BigFloat a, BigFloat b, int p) {
        boolean negative = a.negative != b.negative;
        if (a.form == Form.INFINITE || b.form == Form.INFINITE) {
            if (a.form == Form.ZERO || b.form == Form.ZERO) {
                throw new ArithmeticException("zero times infinity");
            }
            return negative ? NEGATIVE_INFINITY : POSITIVE_INFINITY;
        }
        if (a.form == Form.ZERO || b.form == Form.ZERO) {
            return zero(negative, p);
        }
        return round(negative, a.mantissa.multiply(b.mantissa), a.exponent + b.exponent, p);
    }

    /** {@code a / b} correctly rounded to {@code p} bits; zero over zero and infinity over infinity have none. */
    private static BigFloat quotient(BigFloat a, BigFloat b, int p) {
        boolean negative = a.negative != b.negative;
        if (a.form == Form.INFINITE || b.form == Form.INFINITE) {
            if (a.form == Form.INFINITE && b.form == Form.INFINITE) {
                throw new ArithmeticException("infinity over infinity");
            }
            return a.form == Form.INFINITE ? (negative ? NEGATIVE_INFINITY : POSITIVE_INFINITY) : zero(negative, p);
        }
        if (b.form == Form.ZERO) {
            if (a.form == Form.ZERO) {
                throw new ArithmeticException("zero over zero");
            }
            return negative ? NEGATIVE_INFINITY : POSITIVE_INFINITY;
        }
        if (a.form == Form.ZERO) {
            return zero(negative, p);
        }
        // enough quotient bits for the precision plus a rounding bit, then one sticky bit for a remainder
        int shift = Math.max(0, p + 2 + b.mantissa.bitLength() - a.mantissa.bitLength());
        BigInteger[] qr = a.mantissa.shiftLeft(shift).divideAndRemainder(b.mantissa);
        BigInteger q = qr[0];
        long e = a.exponent - b.exponent - shift;
        if (qr[1].signum() != 0) {
            q = q.shiftLeft(1).setBit(0);
            e -= 1;
        }
        return round(negative, q, e, p);
    }

    @Override
    public int compareTo(BigFloat other) {
        if (small && other.small) {
            return Long.compare(smallValue, other.smallValue);
        }
        int s = signum();
        int o = other.signum();
        if (s != o) {
            return Integer.compare(s, o);
        }
        if (s == 0) {
            return 0;
        }
        if (form == Form.INFINITE || other.form == Form.INFINITE) {
            int magnitude = Boolean.compare(form == Form.INFINITE, other.form == Form.INFINITE);
            return s * magnitude;
        }
        long top = exponent + mantissa.bitLength();
        long otherTop = other.exponent + other.mantissa.bitLength();
        int magnitude;
        if (top != otherTop) {
            magnitude = Long.compare(top, otherTop);
        } else {
            long e = Math.min(exponent, other.exponent);
            magnitude = mantissa.shiftLeft(Math.toIntExact(exponent - e))
                    .compareTo(other.mantissa.shiftLeft(Math.toIntExact(other.exponent - e)));
        }
        return s * magnitude;
    }

    // ---- text -------------------------------------------------------------------------------------

    /**
     * Go's {@code Text('f', -1)}: {@code +Inf}, {@code -Inf}, {@code -0}, or the fewest decimal digits
     * that round back to this number at its precision, without an exponent.
     */
    public String text() {
        String t = text;
        if (t == null) {
            t = switch (form) {
                case INFINITE -> negative ? "-Inf" : "+Inf";
                case ZERO -> negative ? "-0" : "0";
                case FINITE ->
                    small
                            ? Long.toString(smallValue)
                            : (negative ? "-" : "") + shortest().plain();
            };
            text = t;
        }
        return t;
    }

    /**
     * A whole number below 2^precision, or zero: its neighbours are at least 1 away, so its shortest
     * text is all its digits. Larger whole numbers print with zeros where their bits are not known.
     */
    private boolean wholeBelowPrecision() {
        return form == Form.ZERO
                || form == Form.FINITE && exponent >= 0 && mantissa.bitLength() + exponent <= precision;
    }

    /** The shortest decimal digits that identify this finite, nonzero number at its precision. */
    DecimalDigits shortest() {
        if (wholeBelowPrecision()) {
            return DecimalDigits.of(mantissa, exponent);
        }
        DecimalDigits quick = shortest(mantissa, exponent, precision, true);
        return quick != null ? quick : shortest(mantissa, exponent, precision, false);
    }

    /**
     * The shortest decimal digits that identify {@code mantissa * 2^exponent} at {@code precision} bits,
     * from the precision's worth of leading digits and a few more ({@code quick}, which nearly always
     * decide and gives null when they do not), or from all the exact digits.
     */
    static DecimalDigits shortest(BigInteger mantissa, long exponent, int precision, boolean quick) {
        // the mantissa at precision + 1 bits, so that its last bit is half a unit in the last place
        int widen = precision + 1 - mantissa.bitLength();
        BigInteger doubled = mantissa.shiftLeft(widen);
        long e = exponent - widen;
        BigInteger below = doubled.subtract(BigInteger.ONE);
        BigInteger above = doubled.add(BigInteger.ONE);
        boolean inclusive = !doubled.testBit(1);
        if (!quick) {
            return DecimalDigits.of(mantissa, exponent)
                    .shortestWithin(DecimalDigits.of(below, e), DecimalDigits.of(above, e), inclusive);
        }
        int enough = (int) (precision * 0.30103) + 8;
        return DecimalDigits.leading(mantissa, exponent, enough)
                .shortestWithin(
                        DecimalDigits.leading(below, e, enough), DecimalDigits.leading(above, e, enough), inclusive);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof BigFloat f)) {
            return false;
        }
        if (small && f.small) {
            return smallValue == f.smallValue;
        }
        return canonicalText().equals(f.canonicalText());
    }

    /** A hash of the text, taken as the long it spells where it spells one, so that small numbers need no text. */
    @Override
    public int hashCode() {
        if (small) {
            return Long.hashCode(smallValue);
        }
        String t = canonicalText();
        if (form == Form.FINITE && t.indexOf('.') < 0 && t.length() <= 20) {
            try {
                return Long.hashCode(Long.parseLong(t));
            } catch (NumberFormatException beyondLong) {
                return t.hashCode();
            }
        }
        return t.hashCode();
    }

    private String canonicalText() {
        return form == Form.ZERO ? "0" : text();
    }

    @Override
    public String toString() {
        return text();
    }
}
