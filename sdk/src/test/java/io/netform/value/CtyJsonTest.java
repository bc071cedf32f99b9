package io.netform.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** cty JSON against the golden files under src/test/resources/value/json. */
class CtyJsonTest {
    private static String golden(String name) throws IOException {
        try (InputStream in = CtyJsonTest.class.getResourceAsStream("/value/json/" + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private static Value number(String n) {
        return Value.number(new BigDecimal(n));
    }

    static Stream<Arguments> goldenCases() {
        Type segmentType = Type.object(Map.of(
                "name",
                Type.STRING,
                "vlan",
                Type.NUMBER,
                "ratio",
                Type.NUMBER,
                "enabled",
                Type.BOOL,
                "note",
                Type.STRING,
                "subnets",
                Type.list(Type.STRING),
                "tags",
                Type.map(Type.STRING),
                "ports",
                Type.set(Type.NUMBER),
                "pair",
                Type.tuple(Type.STRING, Type.NUMBER)));
        Value segment = Value.object(Map.of(
                "name",
                Value.string("web"),
                "vlan",
                Value.number(100),
                "ratio",
                number("0.25"),
                "enabled",
                Value.TRUE,
                "note",
                Value.nullOf(Type.STRING),
                "subnets",
                Value.list(Type.STRING, List.of(Value.string("10.0.0.0/24"), Value.string("10.0.1.0/24"))),
                "tags",
                Value.map(Type.STRING, Map.of("team", Value.string("net"), "env", Value.string("prod"))),
                "ports",
                Value.set(Type.NUMBER, List.of(Value.number(443), Value.number(80))),
                "pair",
                Value.tuple(Value.string("x"), Value.number(1))));
        Type dynamicType =
                Type.object(Map.of("extra", Type.DYNAMIC, "missing", Type.DYNAMIC, "typed_null", Type.DYNAMIC));
        Value dynamic = Value.object(Map.of(
                "extra", Value.object(Map.of("a", Value.list(Type.NUMBER, List.of(Value.number(1), number("2.5"))))),
                "missing", Value.nullOf(Type.DYNAMIC),
                "typed_null", Value.nullOf(Type.STRING)));
        Value numbers = Value.list(
                Type.NUMBER,
                List.of(
                        number("123456789012345678901234567890"),
                        number("0.1"),
                        number("-0.000001"),
                        number("1E-7"),
                        number("1E+20"),
                        Value.number(-42)));
        Value strings = Value.list(
                Type.STRING,
                List.of(
                        Value.string("e\u0301 \"quoted\" \\ back"),
                        Value.string("日本"),
                        Value.string("tab\tnew\nline")));
        return Stream.of(
                Arguments.of("segment.json", segment, segmentType),
                Arguments.of("dynamic.json", dynamic, dynamicType),
                Arguments.of("numbers.json", numbers, Type.list(Type.NUMBER)),
                Arguments.of("strings.json", strings, Type.list(Type.STRING)));
    }

    @ParameterizedTest
    @MethodSource("goldenCases")
    void encodesToTheGoldenFile(String file, Value value, Type type) throws Exception {
        assertThat(CtyJson.encode(value, type)).isEqualTo(golden(file));
    }

    @ParameterizedTest
    @MethodSource("goldenCases")
    void decodesTheGoldenFile(String file, Value value, Type type) throws Exception {
        assertThat(CtyJson.decode(golden(file), type)).isEqualTo(value);
    }

    @Test
    void unknownValuesCannotBeEncoded() {
        Value v = Value.object(Map.of("id", Value.unknown(Type.STRING)));
        assertThatThrownBy(() -> CtyJson.encode(v, v.type()))
                .isInstanceOf(CodecException.class)
                .hasMessage("attribute \"id\": the value is not known yet, and JSON cannot express an unknown value");
    }

    @Test
    void markedValuesCannotBeEncoded() {
        Value v = Value.list(Type.STRING, List.of(Value.string("x").mark(Mark.SENSITIVE)));
        assertThatThrownBy(() -> CtyJson.encode(v, v.type())).hasMessageStartingWith("element 0: the value is marked");
    }

    @Test
    void readsPrimitivesLeniently() throws CodecException {
        assertThat(CtyJson.decode("\"5\"", Type.NUMBER)).isEqualTo(Value.number(5));
        assertThat(CtyJson.decode("\"true\"", Type.BOOL)).isEqualTo(Value.TRUE);
        assertThat(CtyJson.decode("5.50", Type.STRING)).isEqualTo(Value.string("5.5"));
        assertThat(CtyJson.decode("false", Type.STRING)).isEqualTo(Value.string("false"));
    }

    @Test
    void absentAttributesAreNull() throws CodecException {
        Type type = Type.object(Map.of("a", Type.STRING, "b", Type.list(Type.NUMBER)));
        assertThat(CtyJson.decode("{\"a\":\"x\"}", type))
                .isEqualTo(Value.object(Map.of("a", Value.string("x"), "b", Value.nullOf(Type.list(Type.NUMBER)))));
    }

    @Test
    void explainsWhatDoesNotFit() {
        Type type = Type.object(Map.of("ports", Type.list(Type.NUMBER)));
        assertThatThrownBy(() -> CtyJson.decode("{\"ports\":[\"eighty\"]}", type))
                .hasMessage("attribute \"ports\": element 0: a number is required");
        assertThatThrownBy(() -> CtyJson.decode("{\"ports\":{}}", type))
                .hasMessage("attribute \"ports\": list of number required, but the JSON holds object");
        assertThatThrownBy(() -> CtyJson.decode("{\"port\":[]}", type)).hasMessage("unsupported attribute \"port\"");
        assertThatThrownBy(() -> CtyJson.decode("{\"value\":1}", Type.DYNAMIC))
                .hasMessage("a value of dynamic type is an object with exactly the attributes \"value\" and \"type\"");
        assertThatThrownBy(() -> CtyJson.decode("[1,", Type.list(Type.NUMBER)))
                .hasMessageStartingWith("not valid JSON: ");
        assertThatThrownBy(() -> CtyJson.decode("[1, 2]", Type.tuple(Type.NUMBER)))
                .hasMessage("a tuple of 1 elements is required, but the JSON array has 2");
    }

    @Test
    void readsTheTypeBeforeOrAfterTheValue() throws CodecException {
        assertThat(CtyJson.decode("{\"type\":\"number\",\"value\":7}", Type.DYNAMIC))
                .isEqualTo(Value.number(7));
    }

    @Test
    void numbersAreWrittenAsTheirShortestText() throws CodecException {
        Value third = Value.number(BigFloat.of(1).divide(BigFloat.parse("3")));
        assertThat(CtyJson.encode(third, Type.NUMBER))
                .isEqualTo(third.asBigFloat().text())
                .hasSize(157);
        assertThat(CtyJson.decode(CtyJson.encode(third, Type.NUMBER), Type.NUMBER))
                .isEqualTo(third);
        assertThat(CtyJson.encode(Value.number(Math.sqrt(2)), Type.NUMBER)).isEqualTo("1.4142135623730951");
        assertThat(CtyJson.encode(Value.number(Math.pow(2, 100)), Type.NUMBER))
                .isEqualTo("1267650600228229400000000000000");
        assertThat(CtyJson.encode(Value.number(Math.pow(2, 60)), Type.NUMBER)).isEqualTo("1152921504606847000");
        assertThat(CtyJson.encode(Value.number(1L << 60), Type.NUMBER)).isEqualTo("1152921504606846976");
    }

    @Test
    void infinityHasNoJson() {
        Type type = Type.object(Map.of("ratio", Type.NUMBER));
        Value value = Value.object(Map.of("ratio", Value.number(BigFloat.POSITIVE_INFINITY)));
        assertThatThrownBy(() -> CtyJson.encode(value, type))
                .isInstanceOf(CodecException.class)
                .hasMessage("attribute \"ratio\": cannot serialize infinity as JSON");
    }
}
