package io.netform.value;

import java.math.BigInteger;

/**
 * A positive decimal as Go's {@code math/big} renders floats: significant digits and where the
 * point goes ({@code 0.digits * 10^exponent}). An exact one has no trailing zeros; a leading one
 * holds only the first digits of a longer expansion, which is cheaper to make and, for the
 * shortest text, nearly always enough.
 */
record DecimalDigits(String digits, long exponent, boolean exact) {
    private static final BigInteger FIVE = BigInteger.valueOf(5);
    private static final double LOG10_2 = 0.30102999566398120;

    /** The exact digits of {@code mantissa * 2^binaryExponent}, for a positive mantissa. */
    static DecimalDigits of(BigInteger mantissa, long binaryExponent) {
        BigInteger m = mantissa;
        long e = binaryExponent;
        if (e < 0) {
            int zeros = (int) Math.min(m.getLowestSetBit(), -e);
            m = m.shiftRight(zeros);
            e += zeros;
        }
        String s;
        long point;
        if (e >= 0) {
            s = m.shiftLeft(Math.toIntExact(e)).toString();
            point = s.length();
        } else {
            // m / 2^k is m * 5^k / 10^k: the digits of m * 5^k, with the point k places to the left
            int k = Math.toIntExact(-e);
            s = m.multiply(FIVE.pow(k)).toString();
            point = s.length() - (long) k;
        }
        return new DecimalDigits(s, point, true).trimmed();
    }

    /**
     * At least the first {@code count} digits of {@code mantissa * 2^binaryExponent}, truncated; exact
     * if nothing nonzero was cut off.
     */
    static DecimalDigits leading(BigInteger mantissa, long binaryExponent, int count) {
        long bits = mantissa.bitLength() + binaryExponent;
        // at most the number's decimal exponent, so the digits below are at least count
        long point = (long) Math.floor((bits - 1) * LOG10_2 - 1e-9) + 1;
        long scale = count - point;
        BigInteger numerator = mantissa;
        BigInteger denominator = BigInteger.ONE;
        if (scale >= 0) {
            numerator = numerator.multiply(BigInteger.TEN.pow(Math.toIntExact(scale)));
        } else {
            denominator = BigInteger.TEN.pow(Math.toIntExact(-scale));
        }
        if (binaryExponent >= 0) {
            numerator = numerator.shiftLeft(Math.toIntExact(binaryExponent));
        } else {
            denominator = denominator.shiftLeft(Math.toIntExact(-binaryExponent));
        }
        BigInteger[] qr = numerator.divideAndRemainder(denominator);
        String s = qr[0].toString();
        DecimalDigits d = new DecimalDigits(s, s.length() - scale, qr[1].signum() == 0);
        return d.exact ? d.trimmed() : d;
    }

    private DecimalDigits trimmed() {
        int end = digits.length();
        while (end > 0 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return end == digits.length()
                ? this
                : new DecimalDigits(digits.substring(0, end), end == 0 ? 0 : exponent, exact);
    }

    /** The digit at {@code i}, or '0' past the digits of an exact decimal. */
    char at(long i) {
        return i >= 0 && i < digits.length() ? digits.charAt((int) i) : '0';
    }

    /** The number of significant digits; unknown, so unbounded, for leading digits. */
    private long length() {
        return exact ? digits.length() : Long.MAX_VALUE;
    }

    /** How many digits are known. */
    private long known() {
        return exact ? Long.MAX_VALUE : digits.length();
    }

    /**
     * The fewest digits between {@code lower} and {@code upper} (the halfway points to the number's
     * neighbours, which belong to it when {@code inclusive}), found as Go's {@code roundShortest}
     * finds them: digit by digit, until this number's digits part from both bounds'. Null if the
     * digits known of the three do not reach that far.
     */
    DecimalDigits shortestWithin(DecimalDigits lower, DecimalDigits upper, boolean inclusive) {
        long known = Math.min(known(), Math.min(lower.known(), upper.known()));
        for (int i = 0; i < digits.length(); i++) {
            if (i + 1 >= known) {
                return null;
            }
            char m = digits.charAt(i);
            char l = lower.at(i);
            char u = upper.at(i);
            boolean down = l != m || inclusive && i + 1 == lower.length();
            boolean up = m != u && (inclusive || m + 1 < u || i + 1 < upper.length());
            if (down && up) {
                return rounded(i + 1);
            }
            if (down) {
                return roundedDown(i + 1);
            }
            if (up) {
                return roundedUp(i + 1);
            }
        }
        return exact ? this : null;
    }

    /** To at most {@code n} digits, to nearest, ties (an exact final 5) to even. */
    DecimalDigits rounded(int n) {
        if (n < 0 || n >= digits.length()) {
            return this;
        }
        boolean tie = exact && digits.charAt(n) == '5' && n + 1 == digits.length();
        boolean up = tie ? n > 0 && (digits.charAt(n - 1) - '0') % 2 != 0 : digits.charAt(n) >= '5';
        return up ? roundedUp(n) : roundedDown(n);
    }

    DecimalDigits roundedDown(int n) {
        return n >= digits.length() && exact
                ? this
                : new DecimalDigits(digits.substring(0, Math.min(n, digits.length())), exponent, true).trimmed();
    }

    DecimalDigits roundedUp(int n) {
        if (n >= digits.length() && exact) {
            return this;
        }
        int i = Math.min(n, digits.length()) - 1;
        while (i >= 0 && digits.charAt(i) == '9') {
            i--;
        }
        if (i < 0) {
            return new DecimalDigits("1", exponent + 1, true);
        }
        return new DecimalDigits(digits.substring(0, i) + (char) (digits.charAt(i) + 1), exponent, true);
    }

    /** Go's {@code %f} with as many fraction digits as the digits need: no exponent, no trailing zeros. */
    String plain() {
        StringBuilder out = new StringBuilder(digits.length() + 8);
        if (exponent > 0) {
            for (long i = 0; i < exponent; i++) {
                out.append(at(i));
            }
        } else {
            out.append('0');
        }
        long fraction = Math.max(digits.length() - exponent, 0);
        if (fraction > 0) {
            out.append('.');
            for (long i = 1; i <= fraction; i++) {
                out.append(at(exponent - 1 + i));
            }
        }
        return out.toString();
    }
}
