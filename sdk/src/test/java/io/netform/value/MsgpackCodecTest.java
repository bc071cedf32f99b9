package io.netform.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Golden byte vectors for the plugin protocol's msgpack form of values. */
class MsgpackCodecTest {
    private static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    private static byte[] bytes(String hex) {
        return HexFormat.ofDelimiter(" ").parseHex(hex);
    }

    private static void assertGolden(Value value, Type type, String expectedHex) throws CodecException {
        assertThat(hex(MsgpackCodec.encode(value, type))).isEqualTo(expectedHex);
        assertThat(MsgpackCodec.decode(bytes(expectedHex), type)).isEqualTo(value);
    }

    @Test
    void longStringsOfAnyCharactersRoundTrip() throws CodecException {
        String text = "segment-ü-€-𝄞-".repeat(2_000);
        Value value = Value.object(Map.of(
                "name",
                Value.string(text),
                "tags",
                Value.map(Type.STRING, Map.of("team", Value.string(text.substring(0, 5_001))))));
        Type type = Type.object(Map.of("name", Type.STRING, "tags", Type.map(Type.STRING)));
        assertThat(MsgpackCodec.decode(MsgpackCodec.encode(value, type), type)).isEqualTo(value);
    }

    @Test
    void unknownIsExtensionZero() throws CodecException {
        assertGolden(Value.unknown(Type.STRING), Type.STRING, "d4 00 00");
        assertGolden(Value.unknown(Type.list(Type.NUMBER)), Type.list(Type.NUMBER), "d4 00 00");
    }

    @Test
    void anUnrefinableDynamicUnknownIsExtensionZero() throws CodecException {
        assertGolden(Value.unknown(Type.DYNAMIC), Type.DYNAMIC, "d4 00 00");
        assertThat(hex(MsgpackCodec.encode(Value.unknown(Type.DYNAMIC, Refinement.NONE.withNotNull()), Type.DYNAMIC)))
                .isEqualTo("d4 00 00");
    }

    @Test
    void aDecimalThatNoFloatHoldsIsItsString() throws CodecException {
        assertGolden(Value.number(new BigDecimal("0.1")), Type.NUMBER, "a3 30 2e 31");
    }

    @ParameterizedTest
    @CsvSource({
        "0, 00",
        "5, 05",
        "127, 7f",
        "128, cc 80",
        "300, cd 01 2c",
        "-1, ff",
        "-33, d0 df",
        "4294967296, cf 00 00 00 01 00 00 00 00",
        "-9223372036854775808, d3 80 00 00 00 00 00 00 00",
        "0.5, cb 3f e0 00 00 00 00 00 00",
        "-2.25, cb c0 02 00 00 00 00 00 00"
    })
    void numbersAreIntsOrExactFloats(String number, String expectedHex) throws CodecException {
        assertGolden(Value.number(new BigDecimal(number)), Type.NUMBER, expectedHex);
    }

    @Test
    void aLargeIntegerIsItsDecimalString() throws CodecException {
        assertGolden(
                Value.number(new BigDecimal("123456789012345678901234567890")),
                Type.NUMBER,
                "be 31 32 33 34 35 36 37 38 39 30 31 32 33 34 35 36 37 38 39 30 31 32 33 34 35 36 37 38 39 30");
    }

    @Test
    void infinitiesAreFloat64Infinities() throws CodecException {
        assertGolden(Value.number(BigFloat.POSITIVE_INFINITY), Type.NUMBER, "cb 7f f0 00 00 00 00 00 00");
        assertGolden(Value.number(BigFloat.NEGATIVE_INFINITY), Type.NUMBER, "cb ff f0 00 00 00 00 00 00");
    }

    @Test
    void aNumberOfMoreThanSeventeenDigitsTravelsAsItsText() throws CodecException {
        Value third = Value.number(BigFloat.of(1).divide(BigFloat.parse("3")));
        byte[] encoded = MsgpackCodec.encode(third, Type.NUMBER);
        assertThat(new String(encoded, 2, encoded.length - 2, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo(third.asBigFloat().text())
                .hasSize(157);
        assertThat(MsgpackCodec.decode(encoded, Type.NUMBER)).isEqualTo(third);
    }

    @Test
    void decodedNumbersHaveCtysPrecision() throws CodecException {
        // a float64 has 53 bits, so adding a 512-bit zero shows its exact binary value
        BigFloat tenth = MsgpackCodec.decode(bytes("cb 3f b9 99 99 99 99 99 9a"), Type.NUMBER)
                .asBigFloat();
        assertThat(tenth.text()).isEqualTo("0.1");
        assertThat(tenth.add(BigFloat.parse("0")).text())
                .isEqualTo("0.1000000000000000055511151231257827021181583404541015625");
        // an int has 64 bits, and so has a quotient of two
        BigFloat one = MsgpackCodec.decode(bytes("01"), Type.NUMBER).asBigFloat();
        assertThat(one.divide(MsgpackCodec.decode(bytes("03"), Type.NUMBER).asBigFloat())
                        .text())
                .isEqualTo("0.33333333333333333334");
        assertThat(MsgpackCodec.decode(bytes("cb 7f f0 00 00 00 00 00 00"), Type.NUMBER)
                        .asBigFloat())
                .isSameAs(BigFloat.POSITIVE_INFINITY);
    }

    @Test
    void readsNumbersInAnyForm() throws CodecException {
        assertThat(MsgpackCodec.decode(bytes("cf ff ff ff ff ff ff ff ff"), Type.NUMBER))
                .isEqualTo(Value.number(new BigDecimal("18446744073709551615")));
        assertThat(MsgpackCodec.decode(bytes("ca 3f c0 00 00"), Type.NUMBER))
                .isEqualTo(Value.number(new BigDecimal("1.5")));
        assertThat(MsgpackCodec.decode(bytes("a4 31 65 2b 33"), Type.NUMBER)).isEqualTo(Value.number(1000));
    }

    @Test
    void aNestedObjectWithASetAndANull() throws CodecException {
        Type type = Type.object(Map.of("name", Type.STRING, "note", Type.STRING, "tags", Type.set(Type.STRING)));
        Value value = Value.object(Map.of(
                "name", Value.string("web"),
                "note", Value.nullOf(Type.STRING),
                "tags", Value.set(Type.STRING, List.of(Value.string("b"), Value.string("a")))));
        assertGolden(value, type, "83 a4 6e 61 6d 65 a3 77 65 62 a4 6e 6f 74 65 c0 a4 74 61 67 73 92 a1 61 a1 62");
    }

    @Test
    void aDynamicValueCarriesItsTypeAsBinary() throws CodecException {
        assertGolden(Value.string("hi"), Type.DYNAMIC, "92 c4 08 22 73 74 72 69 6e 67 22 a2 68 69");
        assertGolden(
                Value.list(Type.NUMBER, List.of(Value.number(1))),
                Type.DYNAMIC,
                "92 c4 11 5b 22 6c 69 73 74 22 2c 22 6e 75 6d 62 65 72 22 5d 91 01");
        assertGolden(Value.nullOf(Type.DYNAMIC), Type.DYNAMIC, "c0");
        assertGolden(Value.nullOf(Type.BOOL), Type.DYNAMIC, "92 c4 06 22 62 6f 6f 6c 22 c0");
    }

    @Test
    void aRefinedUnknownIsExtensionTwelve() throws CodecException {
        Value prefixed =
                Value.unknown(Type.STRING, Refinement.NONE.withNotNull().withStringPrefix("ab"));
        assertGolden(prefixed, Type.STRING, "c7 07 0c 82 01 c3 02 a2 61 62");
        Value bounded = Value.unknown(
                Type.NUMBER,
                Refinement.NONE.withLowerBound(BigDecimal.ZERO, true).withUpperBound(new BigDecimal("0.1"), false));
        assertGolden(bounded, Type.NUMBER, "c7 0c 0c 82 03 92 00 c3 04 92 a3 30 2e 31 c2");
        Value sized = Value.unknown(Type.list(Type.STRING), Refinement.NONE.withLengthBounds(1, 4));
        assertGolden(sized, Type.list(Type.STRING), "c7 05 0c 82 05 01 06 04");
    }

    @Test
    void aLongPrefixIsCutAtACharacterBoundary() throws CodecException {
        String prefix = "a" + "\u00e9".repeat(200);
        Value unknown = Value.unknown(Type.STRING, Refinement.NONE.withStringPrefix(prefix));
        Value read = MsgpackCodec.decode(MsgpackCodec.encode(unknown, Type.STRING), Type.STRING);
        assertThat(read.refinement().stringPrefix()).isEqualTo("a" + "\u00e9".repeat(127));
    }

    @Test
    void anyExtensionReadsAsUnknownAndStrangeRefinementsAreIgnored() throws CodecException {
        assertThat(MsgpackCodec.decode(bytes("d4 05 00"), Type.STRING)).isEqualTo(Value.unknown(Type.STRING));
        assertThat(MsgpackCodec.decode(bytes("c7 05 0c 82 09 c3 01 c3"), Type.STRING))
                .isEqualTo(Value.unknown(Type.STRING, Refinement.NONE.withNotNull()));
        assertThat(MsgpackCodec.decode(bytes("c7 07 0c 82 01 c3 02 a2 61 62"), Type.NUMBER))
                .isEqualTo(Value.unknown(Type.NUMBER, Refinement.NONE.withNotNull()));
        assertThat(MsgpackCodec.decode(bytes("c7 03 0c 81 01 c3"), Type.DYNAMIC))
                .isEqualTo(Value.unknown(Type.DYNAMIC));
        assertThat(MsgpackCodec.decode(bytes("c7 02 0c ff ff"), Type.STRING)).isEqualTo(Value.unknown(Type.STRING));
    }

    @Test
    void unknownsInsideCollections() throws CodecException {
        Value list = Value.list(Type.STRING, List.of(Value.string("a"), Value.unknown(Type.STRING)));
        assertGolden(list, Type.list(Type.STRING), "92 a1 61 d4 00 00");
    }

    @Test
    void aListOfDynamicTakesItsElementsType() throws CodecException {
        byte[] mixed = bytes("92 92 c4 08 22 73 74 72 69 6e 67 22 a1 61 d4 00 00");
        assertThat(MsgpackCodec.decode(mixed, Type.list(Type.DYNAMIC)))
                .isEqualTo(Value.list(Type.STRING, List.of(Value.string("a"), Value.unknown(Type.STRING))));
    }

    @Test
    void absentAttributesReadAsNull() throws CodecException {
        Type type = Type.object(Map.of("a", Type.STRING, "b", Type.NUMBER));
        assertThat(MsgpackCodec.decode(bytes("81 a1 61 a1 78"), type))
                .isEqualTo(Value.object(Map.of("a", Value.string("x"), "b", Value.nullOf(Type.NUMBER))));
    }

    @Test
    void markedValuesCannotBeEncoded() {
        Value marked = Value.object(Map.of("password", Value.string("x").mark(Mark.SENSITIVE)));
        assertThatThrownBy(() -> MsgpackCodec.encode(marked, marked.type()))
                .isInstanceOf(CodecException.class)
                .hasMessage("attribute \"password\": the value is marked [sensitive], and marked values cannot"
                        + " be serialized; unmark it first and keep its paths");
    }

    @Test
    void refusesAValueOfAnotherType() {
        assertThatThrownBy(() -> MsgpackCodec.encode(Value.string("x"), Type.NUMBER))
                .hasMessage("the value is string, which does not conform to number");
    }

    @Test
    void malformedInputIsExplainedWithItsPath() {
        Type type = Type.object(Map.of("ports", Type.list(Type.NUMBER)));
        assertThatThrownBy(() -> MsgpackCodec.decode(bytes("81 a5 70 6f 72 74 73 91 c3"), type))
                .hasMessage("attribute \"ports\": element 0: number required, but the msgpack data holds boolean");
        assertThatThrownBy(() -> MsgpackCodec.decode(bytes("81 a1 7a c0"), type))
                .hasMessage("unsupported attribute \"z\"");
        assertThatThrownBy(() -> MsgpackCodec.decode(bytes("92 01"), Type.list(Type.NUMBER)))
                .hasMessage("the msgpack data ends before the value does");
        assertThatThrownBy(() -> MsgpackCodec.decode(bytes("01 02"), Type.NUMBER))
                .hasMessage("unexpected data after the value");
        assertThatThrownBy(() -> MsgpackCodec.decode(bytes("a3 61 62 63"), Type.NUMBER))
                .hasMessage("a number is required");
        assertThatThrownBy(() -> MsgpackCodec.decode(bytes("92 c4 05 22 73 74 72 22 a1 61"), Type.DYNAMIC))
                .hasMessage("invalid type: unknown type name \"str\"");
    }

    @Test
    void problemsInsideMapsAndEncodedValuesNameTheirPath() {
        Type tags = Type.map(Type.list(Type.NUMBER));
        // {"web": [1, true]}
        assertThatThrownBy(() -> MsgpackCodec.decode(bytes("81 a3 77 65 62 92 01 c3"), tags))
                .isInstanceOf(CodecException.class)
                .hasMessage("element \"web\": element 1: number required, but the msgpack data holds boolean")
                .extracting(e -> ((CodecException) e).path())
                .isEqualTo(AttributePath.root().key("web").index(1));
        Value marked = Value.object(Map.of(
                "rules",
                Value.list(
                        Type.STRING,
                        List.of(Value.string("a"), Value.string("b").mark(Mark.SENSITIVE)))));
        assertThatThrownBy(() -> MsgpackCodec.encode(marked, marked.type()))
                .extracting(e -> ((CodecException) e).path())
                .isEqualTo(AttributePath.of("rules").index(1));
    }

    @Test
    void stringsAreReadInNormalizationFormC() throws CodecException {
        // "e" and a combining acute accent (U+0301), then plain ASCII
        Value decomposed = MsgpackCodec.decode(bytes("a3 65 cc 81"), Type.STRING);
        assertThat(decomposed.asString()).isEqualTo("\u00e9");
        assertThat(MsgpackCodec.decode(bytes("a3 61 62 63"), Type.STRING).asString())
                .isEqualTo("abc");
    }
}
