package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.value.Type;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Types as the console prints what type() returns: Terraform's console type format. */
class ConsoleTypeFormatTest {

    private static String format(Type type) {
        return ConsoleTypeFormat.format(type, 0);
    }

    @Test
    void primitivesCollectionsAndDynamicAreTypeExpressions() {
        assertThat(format(Type.STRING)).isEqualTo("string");
        assertThat(format(Type.NUMBER)).isEqualTo("number");
        assertThat(format(Type.BOOL)).isEqualTo("bool");
        assertThat(format(Type.DYNAMIC)).isEqualTo("dynamic");
        assertThat(format(Type.list(Type.STRING))).isEqualTo("list(string)");
        assertThat(format(Type.set(Type.NUMBER))).isEqualTo("set(number)");
        assertThat(format(Type.map(Type.list(Type.BOOL)))).isEqualTo("map(list(bool))");
    }

    @Test
    void objectsListTheirAttributesByNameOnePerLine() {
        assertThat(format(Type.object(Map.of("b", Type.NUMBER, "a", Type.STRING))))
                .isEqualTo("""
                object({
                    a: string,
                    b: number,
                })""");
        assertThat(format(Type.object(Map.of()))).isEqualTo("object({})");
    }

    @Test
    void tuplesListTheirElementsInOrderOnePerLine() {
        assertThat(format(Type.tuple(Type.NUMBER, Type.STRING))).isEqualTo("""
                tuple([
                    number,
                    string,
                ])""");
        assertThat(format(Type.tuple())).isEqualTo("tuple([])");
    }

    @Test
    void nestedStructuresIndentFourSpacesPerLevelAndACollectionOfThemOpensOnItsOwnLine() {
        Type rule = Type.object(Map.of("port", Type.NUMBER, "cidrs", Type.tuple(Type.STRING)));
        assertThat(format(Type.object(Map.of("rules", Type.list(rule), "name", Type.STRING))))
                .isEqualTo("""
                object({
                    name: string,
                    rules: list(
                        object({
                            cidrs: tuple([
                                string,
                            ]),
                            port: number,
                        }),
                    ),
                })""");
    }
}
