package io.netform.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers as go-cty holds them; every expected text is what HashiCorp's hcl/v2 and go-cty print. */
class BigFloatTest {
    private static final String THIRD =
            "0.333333333333333333333333333333333333333333333333333333333333333333333333333333"
                    + "33333333333333333333333333333333333333333333333333333333333333333333333333335";

    private static BigFloat n(String text) {
        return BigFloat.parse(text);
    }

    @Test
    void aQuotientHas512BitsAndPrintsAsGoPrintsIt() {
        assertThat(n("1").divide(n("3")).text()).isEqualTo(THIRD);
        assertThat(n("2").divide(n("3")).text())
                .isEqualTo("0.666666666666666666666666666666666666666666666666666666666666666666666666666666"
                        + "6666666666666666666666666666666666666666666666666666666666666666666666666667");
        assertThat(n("1").divide(n("3")).multiply(n("3")).text()).isEqualTo("1");
    }

    @Test
    void decimalsAreBinaryButPrintShort() {
        assertThat(n("0.1").add(n("0.2")).text()).isEqualTo("0.3");
        assertThat(n("0.1").multiply(n("0.1")).text())
                .isEqualTo("0.010000000000000000000000000000000000000000000000000000000000000000000000000000"
                        + "000000000000000000000000000000000000000000000000000000000000000000000000000001");
        assertThat(n("-7").remainder(n("3.14159")).text())
                .isEqualTo("-0.71681999999999999999999999999999999999999999999999999999999999999999999999999"
                        + "99999999999999999999999999999999999999999999999999999999999999999999999999999");
    }

    @Test
    void eachNumberPrintsAtItsOwnPrecision() {
        BigFloat root = BigFloat.of(Math.sqrt(2));
        assertThat(root.precision()).isEqualTo(53);
        assertThat(root.text()).isEqualTo("1.4142135623730951");
        // the sum takes the larger precision, where the float's exact binary value shows
        assertThat(root.add(n("1")).text()).isEqualTo("2.4142135623730951454746218587388284504413604736328125");
        // a product keeps every bit of two float64s
        assertThat(root.multiply(root).text()).isEqualTo("2.00000000000000027343234630647693");
        assertThat(BigFloat.of(0.1).add(n("0")).text())
                .isEqualTo("0.1000000000000000055511151231257827021181583404541015625");
        // whole numbers from Go's int64 have 64 bits, and so has their quotient
        assertThat(BigFloat.of(1).divide(BigFloat.of(3)).text()).isEqualTo("0.33333333333333333334");
        assertThat(BigFloat.of(Math.pow(2, 100)).text()).isEqualTo("1267650600228229400000000000000");
        assertThat(BigFloat.of(Double.MIN_VALUE).text()).endsWith("0004940656458412465");
    }

    @Test
    void equalityIsByTextAsInCty() {
        assertThat(BigFloat.of(Math.sqrt(2)))
                .isEqualTo(n("1.4142135623730951"))
                .hasSameHashCodeAs(n("1.4142135623730951"));
        assertThat(BigFloat.of(Math.sqrt(2)).compareTo(n("1.4142135623730951"))).isNotZero();
        assertThat(n("-0")).isEqualTo(n("0")).hasSameHashCodeAs(n("0"));
        assertThat(n("1").divide(n("3"))).isEqualTo(n(THIRD));
        assertThat(n("0.1").add(n("0.2"))).isEqualTo(n("0.3"));
    }

    @Test
    void infinitiesAndSignedZeros() {
        BigFloat inf = n("1").divide(n("0"));
        assertThat(inf).isSameAs(BigFloat.POSITIVE_INFINITY);
        assertThat(inf.text()).isEqualTo("+Inf");
        assertThat(n("-1").divide(n("0")).text()).isEqualTo("-Inf");
        assertThat(inf.compareTo(n("1e1000"))).isPositive();
        assertThat(inf.negate().compareTo(n("-1e1000"))).isNegative();
        assertThat(inf.add(inf).text()).isEqualTo("+Inf");
        assertThat(n("5").remainder(n("0")).text()).isEqualTo("5");
        assertThat(n("0").negate().text()).isEqualTo("-0");
        assertThat(n("0").multiply(n("-1")).text()).isEqualTo("-0");
        assertThat(n("1").subtract(n("1")).text()).isEqualTo("0");
        assertThat(n("-0").add(n("-0")).text()).isEqualTo("-0");
        assertThat(n("-0").remainder(n("5")).text()).isEqualTo("-0");
        assertThat(n("-0.5").ceil().text()).isEqualTo("0");
        assertThat(n("-2.5").floor().text()).isEqualTo("-3");
    }

    @Test
    void beyondGosExponentRangeNumbersOverflowAndUnderflow() {
        assertThat(n("1e999999999").text()).isEqualTo("+Inf");
        assertThat(n("1e-999999999").text()).isEqualTo("0");
        assertThat(n("-1e-999999999").text()).isEqualTo("-0");
        assertThat(n("1e600000000").multiply(n("1e600000000")).text()).isEqualTo("+Inf");
    }

    @Test
    void operationsWithoutANumberFail() {
        BigFloat inf = BigFloat.POSITIVE_INFINITY;
        assertThatThrownBy(() -> n("0").divide(n("0"))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> inf.divide(inf)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> inf.subtract(inf)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> inf.multiply(n("0"))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> n("5").remainder(inf)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> inf.remainder(n("2"))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> BigFloat.of(Double.NaN)).isInstanceOf(ArithmeticException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "inf,+Inf",
        "-Inf,-Inf",
        "+Inf,+Inf",
        "-0,-0",
        "1p4,16",
        ".5,0.5",
        "5.,5",
        "+5,5",
        "1E+5,100000",
        "007,7",
        "1e23,100000000000000000000000",
        "2.675,2.675"
    })
    void parsesAsGoParseFloat(String text, String printed) {
        assertThat(n(text).text()).isEqualTo(printed);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", ".", "-", "INF", "0x10", " 1", "1 ", "1_0", "1e", "1e+", "1.2.3", "1e400000000000", "e5"})
    void refusesWhatGoRefuses(String text) {
        assertThatThrownBy(() -> n(text)).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void aDecimalIsReadAsItsTextWouldBe() {
        assertThat(BigFloat.of(new BigDecimal(THIRD))).isEqualTo(n(THIRD));
        assertThat(BigFloat.of(new BigDecimal("1E+3")).text()).isEqualTo("1000");
        assertThat(n("2.675").exactDecimal().toPlainString()).startsWith("2.67499999999999999999");
        assertThat(n("2.675").toBigDecimal()).isEqualByComparingTo("2.675");
    }

    @ParameterizedTest
    @ValueSource(
            doubles = {
                0.1,
                1.0 / 3,
                1e308,
                4.9e-324,
                2.2250738585072014e-308,
                2.225073858507201e-308,
                123456789.125,
                -0.0,
                1.7976931348623157e308
            })
    void float64sComeBackExactly(double d) {
        assertThat(BigFloat.of(d).toDouble()).isEqualTo(d);
        assertThat(Double.doubleToRawLongBits(n(BigFloat.of(d).text()).toDouble()))
                .isEqualTo(Double.doubleToRawLongBits(d));
    }

    @Test
    void theNearestFloat64TiesToEven() {
        assertThat(n("1e400").toDouble()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(n("1e-400").toDouble()).isEqualTo(0.0);
        assertThat(n("2.4703282292062328e-324").toDouble()).isEqualTo(Double.MIN_VALUE);
        assertThat(n("9007199254740993").toDouble()).isEqualTo(9007199254740992.0);
        assertThat(n("9007199254740995").toDouble()).isEqualTo(9007199254740996.0);
    }
}
