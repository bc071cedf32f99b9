package io.netform.lang;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.hcl.Diagnostic;
import io.netform.hcl.HclParser;
import io.netform.hcl.ParseResult;
import io.netform.lang.function.FunctionRegistry;
import io.netform.lang.function.FunctionTable;
import io.netform.value.Mark;
import io.netform.value.Type;
import io.netform.value.Value;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every case of {@code lang/expressions.txt}: an expression and the value or error it must give. */
class EvaluatorCorpusTest {

    static final Scope SCOPE = Scope.of(Map.of("var", Value.object(Map.ofEntries(
            Map.entry("name", Value.string("web")),
            Map.entry("port", Value.number(8080)),
            Map.entry("tags", Value.object(Map.of("env", Value.string("dev"), "tier", Value.string("front")))),
            Map.entry("zones", Value.list(Type.STRING, List.of(Value.string("a"), Value.string("b")))),
            Map.entry("nums", Value.list(Type.NUMBER, List.of(Value.number(3), Value.number(1), Value.number(2)))),
            Map.entry("set", Value.set(Type.STRING, List.of(Value.string("y"), Value.string("x")))),
            Map.entry("nothing", Value.nullOf(Type.DYNAMIC)),
            Map.entry("pending", Value.unknown(Type.STRING)),
            Map.entry("secret", Value.string("s3cr3t").mark(Mark.SENSITIVE)),
            Map.entry("unknown_list", Value.unknown(Type.list(Type.STRING))),
            Map.entry("flag", Value.TRUE)))), new FunctionTable(FunctionRegistry.terraform(Path.of("."))));

    static Stream<Arguments> cases() throws IOException {
        String text;
        try (InputStream in = EvaluatorCorpusTest.class.getResourceAsStream("/lang/expressions.txt")) {
            text = new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Arguments> cases = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : text.split("\n")) {
            if (pending.length() == 0 && (line.isBlank() || line.startsWith("#"))) {
                continue;
            }
            int arrow = line.lastIndexOf(" => ");
            if (arrow < 0) {
                pending.append(line).append('\n');
                continue;
            }
            String expression = pending + line.substring(0, arrow);
            pending.setLength(0);
            cases.add(Arguments.of(expression.strip(), line.substring(arrow + 4).strip()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource("cases")
    void evaluates(String expression, String expected) {
        ParseResult<io.netform.hcl.Expression> parsed = HclParser.parseExpression("test.tf", expression);
        assertThat(parsed.diagnostics()).as("parse errors").isEmpty();
        Evaluation result = Evaluator.evaluate(parsed.value(), SCOPE);
        if (expected.startsWith("!")) {
            assertThat(result.diagnostics()).as("diagnostics").isNotEmpty();
            Diagnostic first = result.diagnostics().get(0);
            String[] parts = expected.substring(1).split(" @");
            assertThat(first.summary()).isEqualTo(parts[0]);
            assertThat(first.subject().start().line() + ":" + first.subject().start().column()).isEqualTo(parts[1]);
            assertThat(first.detail()).as("detail").isNotBlank();
        } else {
            assertThat(result.diagnostics()).as("diagnostics").isEmpty();
            assertThat(render(result.value())).isEqualTo(expected);
        }
    }

    static String render(Value v) {
        if (!v.isKnown() || v.isNull()) {
            return v.toString();
        }
        return v.type().friendlyName() + " " + v;
    }
}
