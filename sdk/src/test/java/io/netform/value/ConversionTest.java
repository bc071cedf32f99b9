package io.netform.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConversionTest {
    private static Value strings(String... items) {
        return Value.list(
                Type.STRING, java.util.Arrays.stream(items).map(Value::string).toList());
    }

    @ParameterizedTest
    @CsvSource({
        "5, 5",
        "-0.5, -0.5",
        "1.50, 1.5",
        "1e3, 1000",
        "100, 100",
        "123456789012345678901234567890, 123456789012345678901234567890"
    })
    void numbersBecomeStringsInPlainDecimal(String number, String text) throws ConversionException {
        assertThat(Conversion.convert(Value.number(new BigDecimal(number)), Type.STRING))
                .isEqualTo(Value.string(text));
    }

    @Test
    void numbersBecomeTheirShortestText() throws ConversionException {
        Value third = Value.number(BigFloat.of(1).divide(BigFloat.parse("3")));
        assertThat(Conversion.convert(third, Type.STRING).asString())
                .startsWith("0.3333")
                .endsWith("335")
                .hasSize(157);
        assertThat(Conversion.convert(Value.number(Math.sqrt(2)), Type.STRING))
                .isEqualTo(Value.string("1.4142135623730951"));
        assertThat(Conversion.convert(Value.number(BigFloat.NEGATIVE_INFINITY), Type.STRING))
                .isEqualTo(Value.string("-Inf"));
        assertThat(Conversion.convert(Value.number(BigFloat.parse("-0")), Type.STRING))
                .isEqualTo(Value.string("-0"));
    }

    @Test
    void stringsBecomeNumbersAsGoParsesThem() throws ConversionException {
        assertThat(Conversion.convert(Value.string("inf"), Type.NUMBER).asBigFloat())
                .isSameAs(BigFloat.POSITIVE_INFINITY);
        assertThat(Conversion.convert(Value.string("1p4"), Type.NUMBER)).isEqualTo(Value.number(16));
        assertThatThrownBy(() -> Conversion.convert(Value.string("0x10"), Type.NUMBER))
                .isInstanceOf(ConversionException.class)
                .hasMessage("a number is required");
    }

    @Test
    void stringsBecomeNumbers() throws ConversionException {
        assertThat(Conversion.convert(Value.string("12.50"), Type.NUMBER))
                .isEqualTo(Value.number(new BigDecimal("12.5")));
        assertThat(Conversion.convert(Value.string("-7"), Type.NUMBER)).isEqualTo(Value.number(-7));
        assertThatThrownBy(() -> Conversion.convert(Value.string("twelve"), Type.NUMBER))
                .isInstanceOf(ConversionException.class)
                .hasMessage("a number is required");
    }

    @Test
    void boolsAndStringsConvertBothWays() throws ConversionException {
        assertThat(Conversion.convert(Value.TRUE, Type.STRING)).isEqualTo(Value.string("true"));
        assertThat(Conversion.convert(Value.FALSE, Type.STRING)).isEqualTo(Value.string("false"));
        assertThat(Conversion.convert(Value.string("true"), Type.BOOL)).isEqualTo(Value.TRUE);
        assertThat(Conversion.convert(Value.string("0"), Type.BOOL)).isEqualTo(Value.FALSE);
        assertThatThrownBy(() -> Conversion.convert(Value.string("yes"), Type.BOOL))
                .hasMessage("a bool is required");
        assertThatThrownBy(() -> Conversion.convert(Value.string("True"), Type.BOOL))
                .hasMessage("a bool is required; to convert from string, use lowercase \"true\"");
    }

    @Test
    void numbersAndBoolsDoNotConvert() {
        assertThatThrownBy(() -> Conversion.convert(Value.number(1), Type.BOOL)).hasMessage("bool required");
        assertThatThrownBy(() -> Conversion.convert(Value.TRUE, Type.NUMBER)).hasMessage("number required");
        assertThat(Conversion.canConvert(Type.NUMBER, Type.BOOL)).isFalse();
    }

    @Test
    void tuplesBecomeListsAndSets() throws ConversionException {
        Value tuple = Value.tuple(Value.string("b"), Value.number(1), Value.string("b"));
        assertThat(Conversion.convert(tuple, Type.list(Type.STRING))).isEqualTo(strings("b", "1", "b"));
        assertThat(Conversion.convert(tuple, Type.set(Type.STRING)))
                .isEqualTo(Value.set(Type.STRING, List.of(Value.string("1"), Value.string("b"))));
    }

    @Test
    void aTupleToListOfDynamicUnifiesItsElements() throws ConversionException {
        Value tuple = Value.tuple(Value.string("a"), Value.number(1));
        assertThat(Conversion.convert(tuple, Type.list(Type.DYNAMIC))).isEqualTo(strings("a", "1"));
        assertThat(Conversion.convert(Value.tuple(), Type.list(Type.DYNAMIC)))
                .isEqualTo(Value.list(Type.DYNAMIC, List.of()));
        assertThatThrownBy(() -> Conversion.convert(Value.tuple(Value.TRUE, Value.number(1)), Type.list(Type.DYNAMIC)))
                .hasMessage("all list elements must have the same type");
    }

    @Test
    void elementsWithNoSingleTypeAreAConversionErrorNotACrash() {
        Value tuple = Value.tuple(
                Value.list(Type.DYNAMIC, List.of()), strings("a"), Value.list(List.of(Value.tuple(Value.string("b")))));
        for (Type target : List.of(Type.set(Type.DYNAMIC), Type.list(Type.DYNAMIC))) {
            assertThatThrownBy(() -> Conversion.convert(tuple, target))
                    .isInstanceOf(ConversionException.class)
                    .hasMessageContaining("cannot find a common base type for all elements");
        }
    }

    @Test
    void listsAndSetsConvertToEachOther() throws ConversionException {
        Value set = Conversion.convert(strings("b", "a", "b"), Type.set(Type.STRING));
        assertThat(set.elements()).containsExactly(Value.string("a"), Value.string("b"));
        assertThat(Conversion.convert(set, Type.list(Type.STRING))).isEqualTo(strings("a", "b"));
    }

    @Test
    void onlyTuplesOfTheSameLengthBecomeTuples() throws ConversionException {
        Value tuple = Value.tuple(Value.string("1"), Value.string("x"));
        assertThat(Conversion.convert(tuple, Type.tuple(Type.NUMBER, Type.STRING)))
                .isEqualTo(Value.tuple(Value.number(1), Value.string("x")));
        assertThatThrownBy(
                        () -> Conversion.convert(Value.tuple(Value.string("1")), Type.tuple(Type.NUMBER, Type.STRING)))
                .hasMessage("tuple required");
        assertThatThrownBy(() -> Conversion.convert(strings("1", "x"), Type.tuple(Type.NUMBER, Type.STRING)))
                .hasMessage("tuple required");
    }

    @Test
    void objectsBecomeMapsAndMapsBecomeObjects() throws ConversionException {
        Value object = Value.object(Map.of("a", Value.string("x"), "b", Value.number(2)));
        Value map = Conversion.convert(object, Type.map(Type.STRING));
        assertThat(map).isEqualTo(Value.map(Type.STRING, Map.of("a", Value.string("x"), "b", Value.string("2"))));
        Type target = Type.object(Map.of("a", Type.STRING, "b", Type.NUMBER));
        assertThat(Conversion.convert(map, target)).isEqualTo(object);
    }

    @Test
    void objectToMapOfDynamicUnifiesAttributes() throws ConversionException {
        Value object = Value.object(Map.of("a", Value.string("x"), "b", Value.number(2)));
        assertThat(Conversion.convert(object, Type.map(Type.DYNAMIC)).type()).isEqualTo(Type.map(Type.STRING));
    }

    @Test
    void objectConversionDropsExtrasAndFillsOptionals() throws ConversionException {
        Type wanted = Type.object(Map.of("name", Type.STRING, "gateway", Type.STRING), Set.of("gateway"));
        Value given = Value.object(Map.of("name", Value.string("web"), "extra", Value.TRUE));
        assertThat(Conversion.convert(given, wanted))
                .isEqualTo(Value.object(Map.of("name", Value.string("web"), "gateway", Value.nullOf(Type.STRING))));
        assertThatThrownBy(() -> Conversion.convert(Value.object(Map.of("gateway", Value.string("g"))), wanted))
                .hasMessage("attribute \"name\" is required");
        assertThatThrownBy(() -> Conversion.convert(Value.map(Type.STRING, Map.of("zone", Value.string("z"))), wanted))
                .hasMessage("map has no element for required attribute \"name\"");
        Value fromMap = Conversion.convert(
                Value.map(Type.STRING, Map.of("name", Value.string("db"), "zone", Value.string("z"))), wanted);
        assertThat(fromMap)
                .isEqualTo(Value.object(Map.of("name", Value.string("db"), "gateway", Value.nullOf(Type.STRING))));
    }

    @Test
    void errorsNameTheAttributePath() {
        Type wanted = Type.object(Map.of("subnet", Type.list(Type.NUMBER)));
        Value given = Value.object(Map.of("subnet", strings("ten")));
        assertThatThrownBy(() -> Conversion.convert(given, wanted))
                .isInstanceOfSatisfying(ConversionException.class, e -> {
                    assertThat(e).hasMessage("a number is required");
                    assertThat(e.path()).isEqualTo(AttributePath.of("subnet").index(0));
                });
        assertThatThrownBy(() -> Conversion.convert(
                        Value.map(Type.STRING, Map.of("k", Value.string("v"))), Type.map(Type.NUMBER)))
                .isInstanceOfSatisfying(ConversionException.class, e -> {
                    assertThat(e).hasMessage("a number is required");
                    assertThat(e.path()).isEqualTo(AttributePath.root().key("k"));
                });
    }

    @Test
    void typeMismatchesAreDescribedInCtysWords() {
        Type wanted = Type.object(Map.of("subnet", Type.list(Type.NUMBER)));
        assertThatThrownBy(() -> Conversion.convert(Value.object(Map.of("subnet", Value.TRUE)), wanted))
                .hasMessage("attribute \"subnet\": list of number required");
        assertThatThrownBy(() -> Conversion.convert(
                        Value.object(Map.of()), Type.object(Map.of("c", Type.STRING, "a", Type.STRING))))
                .hasMessage("attributes \"a\" and \"c\" are required");
        assertThatThrownBy(() -> Conversion.convert(
                        Value.object(Map.of()),
                        Type.object(Map.of("c", Type.STRING, "a", Type.STRING, "b", Type.STRING))))
                .hasMessage("attributes \"a\", \"b\", and \"c\" are required");
        assertThatThrownBy(
                        () -> Conversion.convert(Value.tuple(Value.number(1), Value.tuple()), Type.list(Type.NUMBER)))
                .hasMessage("element 1: number required");
        assertThatThrownBy(() -> Conversion.convert(Value.list(Type.BOOL, List.of()), Type.list(Type.NUMBER)))
                .hasMessage("incorrect list element type: number required");
        assertThatThrownBy(() ->
                        Conversion.convert(Value.map(Type.BOOL, Map.of("k", Value.TRUE)), Type.map(Type.NUMBER)))
                .hasMessage("incorrect map element type: number required");
        assertThatThrownBy(() -> Conversion.convert(Value.string("a"), Type.list(Type.DYNAMIC)))
                .hasMessage("list of any single type required");
        assertThatThrownBy(() -> Conversion.convert(Value.string("a"), Type.object(Map.of())))
                .hasMessage("object required");
        assertThatThrownBy(() -> Conversion.convert(
                        Value.object(Map.of("a", Value.TRUE, "b", Value.tuple())), Type.map(Type.DYNAMIC)))
                .hasMessage("all map elements must have the same type");
    }

    @Test
    void anythingConvertsToDynamicUnchanged() throws ConversionException {
        Value v = Value.object(Map.of("a", Value.string("x")));
        assertThat(Conversion.convert(v, Type.DYNAMIC)).isSameAs(v);
    }

    @Test
    void nullsAndUnknownsStayNullAndUnknownOfTheNewType() throws ConversionException {
        assertThat(Conversion.convert(Value.nullOf(Type.NUMBER), Type.STRING)).isEqualTo(Value.nullOf(Type.STRING));
        assertThat(Conversion.convert(Value.unknown(Type.DYNAMIC), Type.list(Type.STRING)))
                .isEqualTo(Value.unknown(Type.list(Type.STRING)));
        assertThat(Conversion.convert(Value.nullOf(Type.DYNAMIC), Type.STRING)).isEqualTo(Value.nullOf(Type.STRING));
        assertThat(Conversion.convert(Value.nullOf(Type.list(Type.STRING)), Type.list(Type.DYNAMIC)))
                .isEqualTo(Value.nullOf(Type.list(Type.STRING)));
        Value refined = Value.unknown(Type.STRING, Refinement.NONE.withNotNull().withStringPrefix("ab"));
        assertThat(Conversion.convert(refined, Type.NUMBER))
                .isEqualTo(Value.unknown(Type.NUMBER, Refinement.NONE.withNotNull()));
        assertThatThrownBy(() -> Conversion.convert(Value.nullOf(Type.BOOL), Type.NUMBER))
                .hasMessage("number required");
        assertThatThrownBy(() -> Conversion.convert(Value.unknown(Type.tuple(Type.BOOL)), Type.NUMBER))
                .hasMessage("number required");
    }

    @Test
    void elementsInsideKnownCollectionsMayBeUnknown() throws ConversionException {
        Value list = Value.list(Type.NUMBER, List.of(Value.number(1), Value.unknown(Type.NUMBER)));
        assertThat(Conversion.convert(list, Type.list(Type.STRING)))
                .isEqualTo(Value.list(Type.STRING, List.of(Value.string("1"), Value.unknown(Type.STRING))));
    }

    @Test
    void marksSurviveConversion() throws ConversionException {
        Value secret = Value.number(5).mark(Mark.SENSITIVE);
        assertThat(Conversion.convert(secret, Type.STRING))
                .isEqualTo(Value.string("5").mark(Mark.SENSITIVE));
        Value inner = Value.tuple(Value.string("a").mark(Mark.SENSITIVE));
        Value converted = Conversion.convert(inner, Type.list(Type.STRING));
        assertThat(converted.index(0).isSensitive()).isTrue();
        assertThat(converted.isMarked()).isFalse();
    }

    @Test
    void aBasePathIsWhereTheErrorIs() {
        assertThatThrownBy(() -> Conversion.convert(Value.string("x"), Type.NUMBER, AttributePath.of("port")))
                .isInstanceOfSatisfying(ConversionException.class, e -> {
                    assertThat(e).hasMessage("a number is required");
                    assertThat(e.path()).isEqualTo(AttributePath.of("port"));
                });
    }

    @Test
    void canConvertAnswersAtTheTypeLevel() {
        assertThat(Conversion.canConvert(Type.tuple(Type.STRING, Type.NUMBER), Type.list(Type.STRING)))
                .isTrue();
        assertThat(Conversion.canConvert(Type.list(Type.STRING), Type.map(Type.STRING)))
                .isFalse();
        assertThat(Conversion.canConvert(Type.map(Type.STRING), Type.object(Map.of("a", Type.NUMBER))))
                .isTrue();
        assertThat(Conversion.canConvert(Type.object(Map.of()), Type.object(Map.of("a", Type.NUMBER))))
                .isFalse();
        assertThat(Conversion.canConvert(Type.object(Map.of()), Type.object(Map.of("a", Type.NUMBER), Set.of("a"))))
                .isTrue();
        assertThat(Conversion.canConvert(Type.STRING, Type.list(Type.STRING))).isFalse();
        assertThat(Conversion.canConvert(Type.list(Type.STRING), Type.tuple(Type.STRING)))
                .isFalse();
        assertThat(Conversion.canConvert(Type.tuple(Type.BOOL, Type.list(Type.BOOL)), Type.set(Type.DYNAMIC)))
                .isFalse();
        assertThat(Conversion.canConvert(
                        Type.map(Type.BOOL),
                        Type.object(Map.of("a", Type.BOOL, "b", Type.list(Type.BOOL)), Set.of("b"))))
                .isTrue();
    }
}
