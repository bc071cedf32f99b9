package io.netform.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TypeTest {
    private static final Type SUBNET = Type.object(
            Map.of("name", Type.STRING, "cidrs", Type.list(Type.STRING), "gateway", Type.STRING), Set.of("gateway"));

    static Stream<Arguments> everyKind() {
        return Stream.of(
                Arguments.of(Type.STRING, "string", "\"string\""),
                Arguments.of(Type.NUMBER, "number", "\"number\""),
                Arguments.of(Type.BOOL, "bool", "\"bool\""),
                Arguments.of(Type.DYNAMIC, "dynamic", "\"dynamic\""),
                Arguments.of(Type.list(Type.STRING), "list(string)", "[\"list\",\"string\"]"),
                Arguments.of(Type.set(Type.NUMBER), "set(number)", "[\"set\",\"number\"]"),
                Arguments.of(Type.map(Type.list(Type.BOOL)), "map(list(bool))", "[\"map\",[\"list\",\"bool\"]]"),
                Arguments.of(
                        Type.tuple(Type.STRING, Type.NUMBER),
                        "tuple([string, number])",
                        "[\"tuple\",[\"string\",\"number\"]]"),
                Arguments.of(Type.tuple(), "tuple([])", "[\"tuple\",[]]"),
                Arguments.of(
                        Type.object(Map.of("name", Type.STRING)),
                        "object({name=string})",
                        "[\"object\",{\"name\":\"string\"}]"),
                Arguments.of(
                        SUBNET,
                        "object({cidrs=list(string), gateway=optional(string), name=string})",
                        "[\"object\",{\"cidrs\":[\"list\",\"string\"],\"gateway\":\"string\",\"name\":\"string\"},"
                                + "[\"gateway\"]]"),
                Arguments.of(Type.list(Type.DYNAMIC), "list(dynamic)", "[\"list\",\"dynamic\"]"));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void printsFriendlyNames(Type type, String friendly, String json) {
        assertThat(type.friendlyName()).isEqualTo(friendly);
        assertThat(type).hasToString(friendly);
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void writesAndReadsTypeJson(Type type, String friendly, String json) throws CodecException {
        assertThat(TypeJson.encode(type)).isEqualTo(json);
        assertThat(TypeJson.decode(json)).isEqualTo(type);
    }

    @Test
    void typesAreEqualByStructure() {
        assertThat(Type.list(Type.STRING)).isEqualTo(Type.list(Type.STRING)).isNotEqualTo(Type.set(Type.STRING));
        assertThat(Type.object(Map.of("a", Type.STRING, "b", Type.NUMBER)))
                .isEqualTo(Type.object(Map.of("b", Type.NUMBER, "a", Type.STRING)))
                .hasSameHashCodeAs(Type.object(Map.of("b", Type.NUMBER, "a", Type.STRING)));
        assertThat(Type.object(Map.of("a", Type.STRING), Set.of("a")))
                .isNotEqualTo(Type.object(Map.of("a", Type.STRING)));
        assertThat(Type.tuple(Type.STRING)).isNotEqualTo(Type.list(Type.STRING));
    }

    @Test
    void readsOptionalAttributesInAnyOrder() throws CodecException {
        Type read = TypeJson.decode("[\"object\",{\"b\":\"number\",\"a\":\"string\"},[\"b\",\"a\"]]");
        assertThat(read).isEqualTo(Type.object(Map.of("a", Type.STRING, "b", Type.NUMBER), Set.of("a", "b")));
        assertThat(TypeJson.encode(read)).isEqualTo("[\"object\",{\"a\":\"string\",\"b\":\"number\"},[\"a\",\"b\"]]");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"str\"",
                "[\"list\"]",
                "[\"vector\",\"string\"]",
                "42",
                "{}",
                "[\"object\",{\"a\":\"string\"},[\"b\"]]",
                "[\"tuple\",\"string\"]",
                "not json",
                ""
            })
    void rejectsInvalidTypeJsonWithAMessage(String json) {
        assertThatThrownBy(() -> TypeJson.decode(json))
                .isInstanceOf(CodecException.class)
                .hasMessageNotContaining("Exception");
    }

    @Test
    void namesTheUnknownTypeName() {
        assertThatThrownBy(() -> TypeJson.decode("[\"list\",\"strin\"]"))
                .hasMessage("invalid type: unknown type name \"strin\"");
    }

    @Test
    void conformanceLetsDynamicStandForAnything() {
        assertThat(Type.list(Type.STRING).conformsTo(Type.list(Type.DYNAMIC))).isTrue();
        assertThat(Type.list(Type.STRING).conformsTo(Type.DYNAMIC)).isTrue();
        assertThat(Type.list(Type.DYNAMIC).conformsTo(Type.list(Type.STRING))).isFalse();
        assertThat(Type.object(Map.of("a", Type.NUMBER)).conformsTo(Type.object(Map.of("a", Type.DYNAMIC))))
                .isTrue();
        assertThat(Type.object(Map.of("a", Type.NUMBER)).conformsTo(Type.object(Map.of("b", Type.NUMBER))))
                .isFalse();
        assertThat(Type.tuple(Type.BOOL).conformsTo(Type.tuple(Type.BOOL, Type.BOOL)))
                .isFalse();
        assertThat(Type.STRING.conformsTo(Type.NUMBER)).isFalse();
    }

    @Test
    void knowsWhereDynamicHides() {
        assertThat(Type.map(Type.object(Map.of("x", Type.DYNAMIC))).hasDynamic())
                .isTrue();
        assertThat(Type.tuple(List.of(Type.STRING)).hasDynamic()).isFalse();
    }

    @Test
    void dropsOptionalMarkersDeeply() {
        Type listOfSubnets = Type.list(SUBNET);
        assertThat(listOfSubnets.withoutOptionalAttributes())
                .isEqualTo(Type.list(Type.object(
                        Map.of("name", Type.STRING, "cidrs", Type.list(Type.STRING), "gateway", Type.STRING))));
    }

    @Test
    void aTypeWithNothingOptionalIsItsOwnPlainType() {
        Type plain = Type.map(Type.tuple(List.of(Type.list(Type.object(Map.of("name", Type.STRING))), Type.BOOL)));
        assertThat(plain.withoutOptionalAttributes()).isSameAs(plain);
        Type nestedOptional = Type.map(Type.tuple(List.of(SUBNET, Type.BOOL)));
        assertThat(nestedOptional.withoutOptionalAttributes())
                .isEqualTo(Type.map(Type.tuple(List.of(
                        Type.object(
                                Map.of("name", Type.STRING, "cidrs", Type.list(Type.STRING), "gateway", Type.STRING)),
                        Type.BOOL))));
    }

    @Test
    void refusesAnOptionalNameThatIsNoAttribute() {
        assertThatThrownBy(() -> Type.object(Map.of("a", Type.STRING), Set.of("b")))
                .hasMessageContaining("\"b\"");
    }
}
