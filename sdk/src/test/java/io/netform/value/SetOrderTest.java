package io.netform.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sets iterate in cty's order (the expected orders are go-cty 1.12's, as Terraform shows them). */
class SetOrderTest {

    @Test
    void stringsOrderByCodePointAsGoComparesThem() {
        assertThat(strings(Value.set(Type.STRING, List.of(s("😀"), s("\uFFFD"), s("z")))))
                .containsExactly("z", "\uFFFD", "😀");
    }

    @Test
    void knownValuesComeFirstThenUnknownsThenNulls() {
        Value set = Value.set(Type.STRING, List.of(Value.nullOf(Type.STRING), Value.unknown(Type.STRING), s("a")));
        assertThat(set.elements().get(0)).isEqualTo(s("a"));
        assertThat(set.elements().get(1).isKnown()).isFalse();
        assertThat(set.elements().get(2).isNull()).isTrue();
    }

    @Test
    void listsOrderByCtysSetKeyNotElementByElement() {
        Value set = Value.set(Type.list(Type.STRING), List.of(list(s("a")), list(), list(s("b"), s("c"))));
        assertThat(set.elements()).containsExactly(list(s("a")), list(s("b"), s("c")), list());
        Value withNulls = Value.set(
                Type.list(Type.STRING),
                List.of(list(s("a"), Value.nullOf(Type.STRING)), list(Value.nullOf(Type.STRING)), list(s("a"))));
        assertThat(withNulls.elements())
                .containsExactly(
                        list(s("a")), list(s("a"), Value.nullOf(Type.STRING)), list(Value.nullOf(Type.STRING)));
    }

    @Test
    void objectsMapsAndTuplesOrderByTheirKeys() {
        Value objects = Value.set(
                Type.object(Map.of("a", Type.NUMBER)),
                List.of(
                        Value.object(Map.of("a", Value.number(2))),
                        Value.object(Map.of("a", Value.number(1))),
                        Value.object(Map.of("a", Value.number(10)))));
        assertThat(objects.elements()).extracting(o -> o.getAttr("a").asLong()).containsExactly(10L, 1L, 2L);
        Value maps = Value.set(
                Type.map(Type.NUMBER),
                List.of(
                        Value.map(Type.NUMBER, Map.of("b", Value.number(1))),
                        Value.map(Type.NUMBER, Map.of("a", Value.number(2))),
                        Value.map(Type.NUMBER, Map.of())));
        assertThat(maps.elements()).extracting(Value::length).containsExactly(1, 1, 0);
        assertThat(maps.elements().get(0).asMap()).containsKey("a");
        Value tuples = Value.set(
                Type.tuple(List.of(Type.STRING)),
                List.of(Value.tuple(s("~")), Value.tuple(s("\u00a0")), Value.tuple(s("\t")), Value.tuple(s(" "))));
        assertThat(tuples.elements())
                .extracting(t -> t.elements().get(0).asString())
                .containsExactly(" ", "\t", "\u00a0", "~");
    }

    @Test
    void numbersInKeysAreGoBigFloatStrings() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("0", "0"),
                Map.entry("-1", "-1"),
                Map.entry("100", "100"),
                Map.entry("0.5", "0.5"),
                Map.entry("1e21", "1e+21"),
                Map.entry("12345678901", "1.23456789e+10"),
                Map.entry("1234567890", "1234567890"),
                Map.entry("0.0001", "0.0001"),
                Map.entry("0.00001", "1e-05"),
                Map.entry("2.675", "2.675"),
                Map.entry("123456.7890125", "123456.789"),
                Map.entry("99999999995", "1e+11"),
                Map.entry("1e-7", "1e-07"),
                Map.entry("-0.000123456789012", "-0.000123456789"),
                Map.entry("1e400", "1e+400"),
                Map.entry("0.33333333333333333", "0.3333333333"));
        expected.forEach((n, text) ->
                assertThat(SetOrderKey.number(new BigDecimal(n))).as(n).isEqualTo(text));
    }

    @Test
    void duplicatesGoEvenWhenTheirKeysTie() {
        Value a = list(Value.number(new BigDecimal("1.00000000001")));
        Value b = list(Value.number(new BigDecimal("1.00000000002")));
        assertThat(Value.set(Type.list(Type.NUMBER), List.of(a, b, a)).elements())
                .hasSize(2);
    }

    private static Value s(String s) {
        return Value.string(s);
    }

    private static Value list(Value... elements) {
        return elements.length == 0 ? Value.list(Type.STRING, List.of()) : Value.list(List.of(elements));
    }

    private static List<String> strings(Value set) {
        return set.elements().stream().map(Value::asString).toList();
    }
}
