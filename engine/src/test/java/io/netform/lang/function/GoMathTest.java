package io.netform.lang.function;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Go's math.Pow and math.Log as Terraform computes them on amd64, checked against HashiCorp's
 * go-cty: each case is one where Java's StrictMath gives another last bit.
 */
class GoMathTest {

    @ParameterizedTest(name = "{0}({1}, {2})")
    @CsvSource({
        "pow, 1.193697140932864, 848.0, 1.607838096097463e+65",
        "pow, 5e-324, -0.3, 2.432795866710339e+92",
        "pow, 6.903991454262574e-152, 0.9788540027285024, 1.0852960413547413e-148",
        "pow, -22.63003403537406, 41.0, -3.484123111021329e+55",
        "pow, 912.0, 21.73041828154961, 2.098582022233873e+64",
        "pow, 8.607601630019111e-120, 0.04390528339212807, 5.9212344753671295e-06",
        "pow, 4.7992886244179165e-89, -0.1594843294114705, 121749807017203.08",
        "pow, 34.67597882337759, -131.0, 1.8039998358411516e-202",
        "pow, 0.0057, 26.0, 4.495171312401207e-59",
        "pow, 5.023116684204213e+86, 1.8027040615597016, 1.9778650169858273e+156",
        "pow, 1.798872794020696e-81, 1.489787176974577, 5.094893039169589e-121",
        "pow, 3.9381517691925724e+285, -0.9711394248474008, 4.4376388185853e-278",
        "pow, 8.491236316495418e-26, 0.4987095707765006, 3.139336377009121e-13",
        "pow, 1.2942905621075393, 526.0, 8.486303507241016e+58",
        "pow, 1.5130266569516905e+60, -1.4651343325294146, 6.736598276509179e-89",
        "pow, -34.03337015087442, -118.0, 1.7187592621758466e-181",
        "log, 5e-324, 1e-05, 61.590737112850555",
        "log, 5e-324, 10.0, -307.95368556425274",
        "log, 1.7976931348623157e+308, 5e-324, -1.0009775171065494",
        "log, 90.0, 0.809075777653345, -21.23927294684534"
    })
    void givesGosBits(String function, double x, double y, double expected) {
        double result = function.equals("pow") ? GoMath.pow(x, y) : GoMath.log(x) / GoMath.log(y);
        assertThat(Double.doubleToLongBits(result)).as("%s", result).isEqualTo(Double.doubleToLongBits(expected));
    }

    @ParameterizedTest(name = "pow({0}, {1})")
    @CsvSource({
        "0, -1, Infinity",
        "-0.0, -3, -Infinity",
        "-0.0, 3, -0.0",
        "2, Infinity, Infinity",
        "0.5, Infinity, 0",
        "-1, Infinity, 1",
        "-Infinity, 3, -Infinity",
        "-Infinity, -3, -0.0",
        "-8, 0.5, NaN",
        "-8, 0.3333333333333333, NaN",
        "1, NaN, 1",
        "NaN, 0, 1",
        "2, 1024, Infinity",
        "2, -1075, 0",
        "2, -1074, 4.9E-324"
    })
    void followsGosSpecialCases(double x, double y, double expected) {
        assertThat(Double.doubleToLongBits(GoMath.pow(x, y))).isEqualTo(Double.doubleToLongBits(expected));
    }
}
