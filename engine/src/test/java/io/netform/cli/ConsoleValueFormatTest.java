package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.value.Mark;
import io.netform.value.Type;
import io.netform.value.Value;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values as the console prints them: Terraform's console format. */
class ConsoleValueFormatTest {

    private static String format(Value v) {
        return ConsoleValueFormat.format(v, 0);
    }

    @Test
    void primitivesAreWrittenAsLiterals() {
        assertThat(format(Value.string("a \"b\"\tc"))).isEqualTo("\"a \\\"b\\\"\\tc\"");
        assertThat(format(Value.number(new BigDecimal("1.50")))).isEqualTo("1.5");
        assertThat(format(Value.number(new BigDecimal("1E+3")))).isEqualTo("1000");
        assertThat(format(Value.bool(false))).isEqualTo("false");
    }

    @Test
    void nullsSayTheirType() {
        assertThat(format(Value.nullOf(Type.DYNAMIC))).isEqualTo("null");
        assertThat(format(Value.nullOf(Type.STRING))).isEqualTo("tostring(null)");
        assertThat(format(Value.nullOf(Type.NUMBER))).isEqualTo("tonumber(null)");
        assertThat(format(Value.nullOf(new Type.ListType(Type.STRING)))).isEqualTo("tolist(null) /* of string */");
        assertThat(format(Value.nullOf(new Type.MapType(Type.NUMBER)))).isEqualTo("tomap(null) /* of number */");
    }

    @Test
    void collectionsSayTheirKindAndStructuresDoNot() {
        assertThat(format(Value.list(List.of(Value.string("a"), Value.string("b")))))
                .isEqualTo("tolist([\n  \"a\",\n  \"b\",\n])");
        assertThat(format(Value.set(Type.NUMBER, List.of(Value.number(1))))).isEqualTo("toset([\n  1,\n])");
        assertThat(format(Value.tuple())).isEqualTo("[]");
        assertThat(format(Value.map(Type.STRING, Map.of("k", Value.string("v")))))
                .isEqualTo("tomap({\n  \"k\" = \"v\"\n})");
        assertThat(format(Value.object(Map.of("a", Value.tuple(Value.TRUE), "b", Value.object(Map.of())))))
                .isEqualTo("{\n  \"a\" = [\n    true,\n  ]\n  \"b\" = {}\n}");
    }

    @Test
    void unknownAndSensitiveValuesAreNamedWhereverTheyAre() {
        assertThat(format(Value.unknown(Type.STRING))).isEqualTo("(known after apply)");
        assertThat(format(Value.object(Map.of(
                        "password", Value.string("hunter2").mark(Mark.SENSITIVE), "id", Value.unknown(Type.STRING)))))
                .isEqualTo("{\n  \"id\" = (known after apply)\n  \"password\" = (sensitive value)\n}")
                .doesNotContain("hunter2");
    }

    @Test
    void multiLineStringsBecomeHeredocsIndentedInsideCollections() {
        assertThat(format(Value.string("one\ntwo"))).isEqualTo("<<EOT\none\ntwo\nEOT");
        assertThat(format(Value.tuple(Value.string("EOT\nx")))).isEqualTo("[\n  <<-EOT_\n  EOT\n  x\n  EOT_,\n]");
    }
}
