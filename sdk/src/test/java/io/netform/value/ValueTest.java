package io.netform.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValueTest {
    @Test
    void numbersCompareNumericallyAndHashAlike() {
        Value one = Value.number(1);
        Value oneDotZero = Value.number(new BigDecimal("1.000"));
        assertThat(one).isEqualTo(oneDotZero).hasSameHashCodeAs(oneDotZero);
        assertThat(Value.number(new BigDecimal("0.00"))).isEqualTo(Value.number(0));
        assertThat(Value.number(new BigDecimal("1E+2")).asBigDecimal().toPlainString())
                .isEqualTo("100");
        assertThat(Value.number(1).asLong()).isEqualTo(1L);
    }

    @Test
    void numbersKeepArbitraryPrecision() {
        BigInteger huge = BigInteger.TWO.pow(200);
        assertThat(Value.number(huge).asBigDecimal().toBigIntegerExact()).isEqualTo(huge);
        assertThat(Value.number(new BigDecimal("0.1")).asBigDecimal()).isEqualByComparingTo("0.1");
        assertThatThrownBy(() -> Value.number(huge).asLong()).hasMessageContaining("not a whole number");
    }

    @Test
    void stringsAreNfcNormalised() {
        Value decomposed = Value.string("e\u0301");
        assertThat(decomposed.asString()).isEqualTo("\u00e9");
        assertThat(decomposed).isEqualTo(Value.string("\u00e9"));
    }

    @Test
    void textBelowTheFirstCombiningMarkIsAlreadyNfcInEveryPairOfCharacters() {
        // What the shortcut in Value.nfc relies on, checked against the JDK's normalizer.
        for (char first = 0; first < '\u0300'; first++) {
            for (char second = 0; second < '\u0300'; second++) {
                String pair = new String(new char[] {first, second});
                assertThat(Normalizer.isNormalized(pair, Normalizer.Form.NFC))
                        .as("U+%04X U+%04X", (int) first, (int) second)
                        .isTrue();
            }
        }
        assertThat(Value.string("cafe\u0301-web").asString()).isEqualTo("caf\u00e9-web");
    }

    @Test
    void nullsAndUnknownsAreTyped() {
        assertThat(Value.nullOf(Type.STRING).isNull()).isTrue();
        assertThat(Value.nullOf(Type.STRING)).isNotEqualTo(Value.nullOf(Type.NUMBER));
        assertThat(Value.unknown(Type.STRING).isKnown()).isFalse();
        assertThat(Value.unknown(Type.STRING)).isNotEqualTo(Value.unknown(Type.NUMBER));
        assertThat(Value.unknown(Type.STRING)).isNotEqualTo(Value.nullOf(Type.STRING));
        assertThat(Value.unknown(Type.STRING, Refinement.NONE.withNotNull())).isNotEqualTo(Value.unknown(Type.STRING));
    }

    @Test
    void refinementsMustFitTheType() {
        assertThatThrownBy(() -> Value.unknown(Type.NUMBER, Refinement.NONE.withStringPrefix("ab")))
                .hasMessageContaining("does not apply to an unknown number");
        assertThat(Value.unknown(Type.DYNAMIC, Refinement.NONE.withNotNull())
                        .refinement()
                        .isNone())
                .isTrue();
        Value length = Value.unknown(Type.list(Type.STRING), Refinement.NONE.withLengthBounds(1, 3));
        assertThat(length.refinement().minLength()).isEqualTo(1);
    }

    @Test
    void setsDropDuplicatesAndIterateInOrder() {
        Value set = Value.set(Type.STRING, List.of(Value.string("b"), Value.string("a"), Value.string("b")));
        assertThat(set.elements()).containsExactly(Value.string("a"), Value.string("b"));
        Value numbers =
                Value.set(Type.NUMBER, List.of(Value.number(10), Value.number(9), Value.number(new BigDecimal("9.0"))));
        assertThat(numbers.elements()).containsExactly(Value.number(9), Value.number(10));
        assertThat(set).isEqualTo(Value.set(Type.STRING, List.of(Value.string("a"), Value.string("b"))));
    }

    @Test
    void setsKeepEveryElementThatIsNotWhollyKnown() {
        Value set = Value.set(
                Type.STRING,
                List.of(
                        Value.unknown(Type.STRING),
                        Value.unknown(Type.STRING),
                        Value.string("a"),
                        Value.nullOf(Type.STRING)));
        // In cty's order: known values, then unknowns, then nulls.
        assertThat(set.elements())
                .containsExactly(
                        Value.string("a"),
                        Value.unknown(Type.STRING),
                        Value.unknown(Type.STRING),
                        Value.nullOf(Type.STRING));
        assertThat(set.isWhollyKnown()).isFalse();
    }

    @Test
    void setElementMarksMoveOntoTheSet() {
        Value set = Value.set(Type.STRING, List.of(Value.string("secret").mark(Mark.SENSITIVE)));
        assertThat(set.isSensitive()).isTrue();
        assertThat(set.elements().get(0).isMarked()).isFalse();
    }

    @Test
    void collectionsRequireOneElementType() {
        assertThatThrownBy(() -> Value.list(Type.STRING, List.of(Value.number(1))))
                .hasMessage("list element 0 is number, but the list holds string");
        assertThatThrownBy(() -> Value.list(Type.DYNAMIC, List.of(Value.number(1), Value.string("a"))))
                .hasMessageContaining("must all have one type");
        assertThat(Value.list(Type.DYNAMIC, List.of(Value.number(1))).type()).isEqualTo(Type.list(Type.NUMBER));
        assertThat(Value.list(Type.DYNAMIC, List.of()).type()).isEqualTo(Type.list(Type.DYNAMIC));
    }

    @Test
    void structuralValuesTakeTheirTypesFromTheirParts() {
        Value object = Value.object(Map.of("name", Value.string("web"), "port", Value.number(443)));
        assertThat(object.type()).isEqualTo(Type.object(Map.of("name", Type.STRING, "port", Type.NUMBER)));
        assertThat(object.getAttr("port").asInt()).isEqualTo(443);
        Value tuple = Value.tuple(Value.string("a"), Value.TRUE);
        assertThat(tuple.type()).isEqualTo(Type.tuple(Type.STRING, Type.BOOL));
        assertThat(tuple.index(1).asBoolean()).isTrue();
        assertThat(tuple.length()).isEqualTo(2);
    }

    @Test
    void accessorsCarryTheContainersMarks() {
        Value object = Value.object(Map.of("password", Value.string("x"))).mark(Mark.SENSITIVE);
        assertThat(object.getAttr("password").isSensitive()).isTrue();
        Value list = Value.list(Type.STRING, List.of(Value.string("a"))).mark(Mark.SENSITIVE);
        assertThat(list.index(0).isSensitive()).isTrue();
    }

    @Test
    void steppingIntoAnUnknownGivesAnUnknownOfTheInnerType() {
        Value unknown = Value.unknown(Type.object(Map.of("ids", Type.list(Type.NUMBER))));
        assertThat(unknown.getAttr("ids")).isEqualTo(Value.unknown(Type.list(Type.NUMBER)));
        assertThat(unknown.getAttr("ids").index(3)).isEqualTo(Value.unknown(Type.NUMBER));
    }

    @Test
    void accessorsExplainMisuse() {
        assertThatThrownBy(() -> Value.nullOf(Type.STRING).asString())
                .hasMessage("cannot read its content of a null string");
        assertThatThrownBy(() -> Value.unknown(Type.STRING).asString()).hasMessage("the string value is not known yet");
        assertThatThrownBy(() -> Value.string("a").asBigDecimal()).hasMessage("the value is string, not number");
        assertThatThrownBy(() -> Value.object(Map.of()).getAttr("x")).hasMessage("object({}) has no attribute \"x\"");
        assertThatThrownBy(() -> Value.list(Type.STRING, List.of()).index(0))
                .hasMessage("element 0 does not exist in a collection of 0 elements");
    }

    @Test
    void whollyKnownLooksInside() {
        assertThat(Value.object(Map.of("a", Value.list(Type.STRING, List.of(Value.string("x")))))
                        .isWhollyKnown())
                .isTrue();
        assertThat(Value.object(Map.of("a", Value.list(Type.STRING, List.of(Value.unknown(Type.STRING)))))
                        .isWhollyKnown())
                .isFalse();
        assertThat(Value.nullOf(Type.STRING).isWhollyKnown()).isTrue();
    }

    @Test
    void rawEqualityIncludesMarks() {
        assertThat(Value.string("a").mark(Mark.SENSITIVE)).isNotEqualTo(Value.string("a"));
        assertThat(Value.string("a")
                        .mark(Mark.SENSITIVE)
                        .rawEquals(Value.string("a").mark(Mark.SENSITIVE)))
                .isTrue();
        assertThat(Value.string("a").mark(Mark.SENSITIVE).unmark()).isEqualTo(Value.string("a"));
    }

    @Test
    void valueEqualityIsUnknownUntilItCanBeDecided() {
        assertThat(Value.number(1).valueEquals(Value.number(new BigDecimal("1.0"))))
                .isEqualTo(Value.TRUE);
        assertThat(Value.number(1).valueEquals(Value.string("1"))).isEqualTo(Value.FALSE);
        assertThat(Value.unknown(Type.STRING).valueEquals(Value.string("a")).isKnown())
                .isFalse();
        assertThat(Value.nullOf(Type.STRING).valueEquals(Value.nullOf(Type.STRING)))
                .isEqualTo(Value.TRUE);
        Value left = Value.tuple(Value.string("a"), Value.unknown(Type.STRING));
        assertThat(left.valueEquals(Value.tuple(Value.string("b"), Value.string("c"))))
                .isEqualTo(Value.FALSE);
        assertThat(left.valueEquals(Value.tuple(Value.string("a"), Value.string("c")))
                        .isKnown())
                .isFalse();
        assertThat(Value.string("a").mark(Mark.SENSITIVE).valueEquals(Value.string("a")))
                .isEqualTo(Value.TRUE.mark(Mark.SENSITIVE));
    }

    @Test
    void unmarkDeepRecordsPathsAndMarkWithPathsPutsThemBack() {
        Value config = Value.object(Map.of(
                "name", Value.string("edge"),
                "password", Value.string("hunter2").mark(Mark.SENSITIVE),
                "tags", Value.map(Type.STRING, Map.of("token", Value.string("t").mark(Mark.SENSITIVE))),
                "rules",
                        Value.list(
                                Type.STRING,
                                List.of(Value.string("r0"), Value.string("r1").mark(Mark.SENSITIVE)))));
        Value.Unmarked unmarked = config.unmarkDeepWithPaths();
        assertThat(unmarked.value().containsMarks()).isFalse();
        assertThat(unmarked.paths())
                .extracting(p -> p.path().toString())
                .containsExactly(".password", ".rules[1]", ".tags[\"token\"]");
        assertThat(unmarked.paths()).allSatisfy(p -> assertThat(p.marks()).containsExactly(Mark.SENSITIVE));
        assertThat(unmarked.value().markWithPaths(unmarked.paths())).isEqualTo(config);
    }

    @Test
    void markWithPathsIgnoresAbsentPathsAndMarksUnknownsWhole() {
        Value state = Value.object(Map.of(
                "a",
                Value.nullOf(Type.object(Map.of("b", Type.STRING))),
                "c",
                Value.unknown(Type.object(Map.of("d", Type.STRING)))));
        Value marked = state.markWithPaths(
                List.of(AttributePath.of("a", "b"), AttributePath.of("c", "d"), AttributePath.of("zz")),
                Mark.SENSITIVE);
        assertThat(marked.getAttr("a").isMarked()).isFalse();
        assertThat(marked.getAttr("c").isSensitive()).isTrue();
    }

    @Test
    void printsReadablyWithoutRevealingSecrets() {
        Value v = Value.object(Map.of(
                "name", Value.string("web"),
                "ports", Value.set(Type.NUMBER, List.of(Value.number(443), Value.number(80))),
                "secret", Value.string("hunter2").mark(Mark.SENSITIVE),
                "later", Value.unknown(Type.STRING, Refinement.NONE.withNotNull()),
                "none", Value.nullOf(Type.BOOL)));
        assertThat(v)
                .hasToString("{later = unknown(string, not null), name = \"web\", none = null(bool),"
                        + " ports = toset([80, 443]), secret = (sensitive value)}");
    }

    @Test
    void marksAreSets() {
        Value v = Value.string("a").mark(Mark.SENSITIVE, new Mark("ephemeral")).mark(Mark.SENSITIVE);
        assertThat(v.marks()).containsExactly(new Mark("ephemeral"), Mark.SENSITIVE);
        assertThat(v.hasMark(new Mark("ephemeral"))).isTrue();
        assertThat(Set.copyOf(v.unmark().marks())).isEmpty();
    }

    @Test
    void replacingAttributesKeepsOrWorksOutTheObjectsType() {
        Value object = Value.object(Map.of("name", Value.string("web"), "port", Value.nullOf(Type.NUMBER)))
                .mark(Mark.SENSITIVE);

        Value sameType = object.withAttributes(Map.of("port", Value.number(443)));
        assertThat(sameType)
                .isEqualTo(Value.object(Map.of("name", Value.string("web"), "port", Value.number(443)))
                        .mark(Mark.SENSITIVE));
        assertThat(sameType.type()).isSameAs(object.type());
        assertThat(object.getAttr("port").isNull())
                .as("the original is unchanged")
                .isTrue();

        Value otherType = object.withAttributes(Map.of("port", Value.string("https")));
        assertThat(otherType.type()).isEqualTo(Type.object(Map.of("name", Type.STRING, "port", Type.STRING)));
        assertThat(otherType.marks()).containsExactly(Mark.SENSITIVE);

        assertThatThrownBy(() -> object.withAttributes(Map.of("vlan", Value.number(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no attribute \"vlan\"");
    }

    /** Thousands of objects each with a sensitive attribute share one set of marks rather than a set each. */
    @Test
    void valuesMarkedOnlySensitiveShareTheirMarks() {
        Value a = Value.string("a").mark(Mark.SENSITIVE);
        Value b = Value.nullOf(Type.STRING).withMarks(List.of(Mark.SENSITIVE));
        assertThat(a.marks()).isSameAs(b.marks()).containsExactly(Mark.SENSITIVE);
        assertThat(a.mark(new Mark("other")).marks()).containsExactly(new Mark("other"), Mark.SENSITIVE);
    }
}
