package io.netform.lang.function;

/**
 * Go's {@code math.Log}, {@code math.Exp} and {@code math.Pow} bit for bit as Terraform computes
 * them on amd64, where Log and Exp are assembly (Exp taking its fused multiply-add path, as on every
 * x86 processor with FMA) and Pow is Go's own reduction to Exp, Log and repeated squaring. Java's
 * StrictMath (fdlibm) differs from these in the last bit for many inputs.
 */
final class GoMath {
    private static final double HALF_SQRT2 = 7.07106781186547524401e-01;
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double[] LOG_ODD = {
        6.666666666666735130e-01, 2.857142874366239149e-01, 1.818357216161805012e-01, 1.479819860511658591e-01
    };
    private static final double[] LOG_EVEN = {
        3.999999999940941908e-01, 2.222219843214978396e-01, 1.531383769920937332e-01
    };

    private static final double LOG2E = 1.4426950408889634073599246810018920;
    private static final double LN2_UPPER = 0.69314718055966295651160180568695068359375;
    private static final double LN2_LOWER = 0.28235290563031577122588448175013436025525412068e-12;
    private static final double EXP_OVERFLOW = 7.09782712893384e+02;
    /** Taylor coefficients 1/7! down to 1/2!, then 1: e^r - 1 for the reduced argument. */
    private static final double[] EXP_TAYLOR = {
        2.4801587301587301587e-5,
        1.9841269841269841270e-4,
        1.3888888888888888889e-3,
        8.3333333333333333333e-3,
        4.1666666666666666667e-2,
        1.6666666666666666667e-1,
        0.5,
        1.0
    };

    private static final long MANTISSA_BITS = 0x000FFFFFFFFFFFFFL;
    private static final long HALF_BITS = 0x3FE0000000000000L;

    private GoMath() {}

    /** The natural logarithm: ln(2^k * f) = k*ln2 + ln(f), ln(f) from a polynomial in s = (f-1)/(f+1). */
    static double log(double x) {
        long bits = Double.doubleToRawLongBits(x);
        if ((bits & Long.MAX_VALUE) == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (bits < 0) {
            return Double.NaN;
        }
        if (bits >= Double.doubleToRawLongBits(Double.POSITIVE_INFINITY)) {
            return x;
        }
        // the fraction and exponent straight from the bits, as the assembly takes them
        double f1 = Double.longBitsToDouble((bits & MANTISSA_BITS) | HALF_BITS);
        double k = (double) (((bits >>> 52) & 0x7FF) - 0x3FE);
        double below = f1 <= HALF_SQRT2 ? 1.0 : 0.0;
        k = k - below;
        f1 = f1 * (below + 1.0);
        double f = f1 - 1.0;
        double s = f / (2.0 + f);
        double s2 = s * s;
        double s4 = s2 * s2;
        double t1 = s2 * (((LOG_ODD[3] * s4 + LOG_ODD[2]) * s4 + LOG_ODD[1]) * s4 + LOG_ODD[0]);
        double t2 = s4 * ((LOG_EVEN[2] * s4 + LOG_EVEN[1]) * s4 + LOG_EVEN[0]);
        double r = t1 + t2;
        double hfsq = 0.5 * f * f;
        return k * LN2_HI - ((hfsq - (s * (hfsq + r) + k * LN2_LO)) - f);
    }

    /**
     * e^x: x = k*ln2 + r, e^(r/16) - 1 by its Taylor series, squared four times as
     * (y+1)^2 - 1 = y*(y+2), then scaled by 2^k.
     */
    static double exp(double x) {
        if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x == Double.NEGATIVE_INFINITY) {
            return 0.0;
        }
        if (x > EXP_OVERFLOW) {
            return Double.POSITIVE_INFINITY;
        }
        double scaled = Math.rint(x * LOG2E);
        // the conversion to a 32-bit integer gives its "indefinite" value, the minimum, when out of range
        int k = scaled >= Integer.MIN_VALUE && scaled <= Integer.MAX_VALUE ? (int) scaled : Integer.MIN_VALUE;
        double kd = k;
        double r = Math.fma(-kd, LN2_UPPER, x);
        r = Math.fma(-kd, LN2_LOWER, r);
        r = r * 0.0625;
        double p = EXP_TAYLOR[0];
        for (int i = 1; i < EXP_TAYLOR.length; i++) {
            p = Math.fma(r, p, EXP_TAYLOR[i]);
        }
        double y = r * p;
        y = y * (y + 2.0);
        y = y * (y + 2.0);
        y = y * (y + 2.0);
        y = Math.fma(y + 2.0, y, 1.0);
        long biased = (long) k + 0x3FF;
        if (biased <= 0) {
            if (biased < -52) {
                return 0.0;
            }
            y = y * Double.longBitsToDouble((biased + 0x3FE) << 52);
            biased = 1;
        } else if (biased >= 0x7FF) {
            return Double.POSITIVE_INFINITY;
        }
        return y * Double.longBitsToDouble(biased << 52);
    }

    /** x^y as Go's {@code math.Pow}: its special cases, then e^(yf*ln x) times x^yi by squaring. */
    static double pow(double x, double y) {
        if (y == 0 || x == 1) {
            return 1;
        }
        if (y == 1) {
            return x;
        }
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.NaN;
        }
        if (x == 0) {
            if (y < 0) {
                return isOddInteger(y) ? Math.copySign(Double.POSITIVE_INFINITY, x) : Double.POSITIVE_INFINITY;
            }
            return isOddInteger(y) ? x : 0;
        }
        if (Double.isInfinite(y)) {
            if (x == -1) {
                return 1;
            }
            return (Math.abs(x) < 1) == (y > 0) ? 0 : Double.POSITIVE_INFINITY;
        }
        if (Double.isInfinite(x)) {
            if (x < 0) {
                return pow(1 / x, -y);
            }
            return y < 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        if (y == 0.5) {
            return Math.sqrt(x);
        }
        if (y == -0.5) {
            return 1 / Math.sqrt(x);
        }
        double ay = Math.abs(y);
        double yi = ay < 1 ? 0 : Math.floor(ay);
        double yf = ay - yi;
        if (yf != 0 && x < 0) {
            return Double.NaN;
        }
        if (yi >= 0x1p63) {
            if (x == -1) {
                return 1;
            }
            return (Math.abs(x) < 1) == (y > 0) ? 0 : Double.POSITIVE_INFINITY;
        }
        double a1 = 1.0;
        long ae = 0;
        if (yf != 0) {
            if (yf > 0.5) {
                yf--;
                yi++;
            }
            a1 = exp(yf * log(x));
        }
        int xe = exponentOf(x);
        double x1 = Math.scalb(x, -xe);
        for (long i = (long) yi; i != 0; i >>= 1) {
            if (xe < -(1 << 12) || (1 << 12) < xe) {
                // the square overflows or underflows anyway; the final scaling settles which
                ae += xe;
                break;
            }
            if ((i & 1) == 1) {
                a1 *= x1;
                ae += xe;
            }
            x1 *= x1;
            xe <<= 1;
            if (x1 < .5) {
                x1 += x1;
                xe--;
            }
        }
        if (y < 0) {
            a1 = 1 / a1;
            ae = -ae;
        }
        return Math.scalb(a1, (int) Math.max(Math.min(ae, 1 << 20), -(1 << 20)));
    }

    /** The e of Go's {@code Frexp}: x = f * 2^e with 0.5 <= |f| < 1. */
    private static int exponentOf(double x) {
        int e = Math.getExponent(x);
        if (e == Double.MIN_EXPONENT - 1) {
            return Math.getExponent(x * 0x1p52) - 52 + 1;
        }
        return e + 1;
    }

    private static boolean isOddInteger(double y) {
        double a = Math.abs(y);
        // beyond 2^53 every double is even
        return a < 0x1p53 && a == Math.floor(a) && ((long) a & 1) == 1;
    }
}
