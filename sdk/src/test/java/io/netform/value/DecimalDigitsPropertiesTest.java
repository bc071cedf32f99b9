package io.netform.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The shortest text from leading digits is the one Go's walk over all the exact digits finds. */
class DecimalDigitsPropertiesTest {

    @Property(tries = 3000)
    void leadingDigitsDecideAsAllDigitsDo(
            @ForAll @IntRange(min = 2, max = 600) int precision,
            @ForAll long seed,
            @ForAll @LongRange(min = -1300, max = 1300) long exponent,
            @ForAll boolean powerOfTwo) {
        java.util.Random random = new java.util.Random(seed);
        int bits = 1 + random.nextInt(precision);
        BigInteger mantissa =
                powerOfTwo ? BigInteger.ONE.shiftLeft(bits - 1) : new BigInteger(bits, random).setBit(bits - 1);
        DecimalDigits quick = BigFloat.shortest(mantissa, exponent, precision, true);
        DecimalDigits all = BigFloat.shortest(mantissa, exponent, precision, false);

        if (quick != null) {
            assertThat(quick.plain()).isEqualTo(all.plain());
            assertThat(quick.exponent()).isEqualTo(all.exponent());
        }
    }
}
