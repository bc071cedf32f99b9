package io.netform.lang;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netform.hcl.Attribute;
import io.netform.hcl.Block;
import io.netform.hcl.Body;
import io.netform.hcl.BodyItem;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.HclParser;
import io.netform.hcl.ParseResult;
import io.netform.hcl.SourceRange;
import io.netform.lang.function.CorpusValues;
import io.netform.lang.function.FunctionRegistry;
import io.netform.lang.function.FunctionTable;
import io.netform.value.Mark;
import io.netform.value.Type;
import io.netform.value.Value;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the expression corpus in src/test/resources/lang/expressions: every attribute of the
 * {@code locals} blocks of each {@code .tf} file is evaluated in {@link #SCOPE} and must give what
 * the sibling {@code .json} file says under its name (see the README there).
 */
class ExpressionCorpusTest {

    static final Scope SCOPE = Scope.of(
            Map.of(
                    "var",
                    Value.object(Map.ofEntries(
                            Map.entry("name", Value.string("web")),
                            Map.entry("port", Value.number(8080)),
                            Map.entry(
                                    "tags",
                                    Value.object(Map.of("env", Value.string("dev"), "tier", Value.string("front")))),
                            Map.entry("zones", Value.list(Type.STRING, List.of(Value.string("a"), Value.string("b")))),
                            Map.entry(
                                    "nums",
                                    Value.list(
                                            Type.NUMBER, List.of(Value.number(3), Value.number(1), Value.number(2)))),
                            Map.entry("set", Value.set(Type.STRING, List.of(Value.string("y"), Value.string("x")))),
                            Map.entry("nothing", Value.nullOf(Type.DYNAMIC)),
                            Map.entry("pending", Value.unknown(Type.STRING)),
                            Map.entry("secret", Value.string("s3cr3t").mark(Mark.SENSITIVE)),
                            Map.entry("unknown_list", Value.unknown(Type.list(Type.STRING))),
                            Map.entry("flag", Value.TRUE)))),
            new FunctionTable(FunctionRegistry.terraform(Path.of("."))));

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** One expression of the corpus and what it must give. */
    record Case(String file, Attribute attribute, JsonNode expected) {
        @Override
        public String toString() {
            return file + ":" + attribute.range().startLine() + " " + attribute.name();
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (Path tf : corpusFiles()) {
            JsonNode expectations = JSON.readTree(expectationsOf(tf).toFile());
            for (Attribute a : locals(tf)) {
                cases.add(new Case(tf.getFileName().toString(), a, expectations.get(a.name())));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluatesAsExpected(Case c) {
        assertThat(c.expected()).as("%s has an expectation", c).isNotNull();
        Evaluation result = Evaluator.evaluate(c.attribute().expression(), SCOPE);
        JsonNode error = c.expected().get("error");
        if (error == null) {
            assertThat(result.diagnostics()).as("diagnostics of %s", c).isEmpty();
            assertThat(result.value()).as(c.toString()).isEqualTo(CorpusValues.expected(c.expected()));
            return;
        }
        assertThat(result.diagnostics()).as("diagnostics of %s", c).isNotEmpty();
        Diagnostic first = result.diagnostics().get(0);
        assertThat(first.summary())
                .as(c.toString())
                .isEqualTo(error.get("summary").asText());
        assertThat(lineColumns(first.subject()))
                .as(c.toString())
                .isEqualTo(error.get("range").asText());
        if (error.has("detail")) {
            assertThat(first.detail())
                    .as(c.toString())
                    .isEqualTo(error.get("detail").asText());
        } else {
            assertThat(first.detail()).as(c.toString()).isNotBlank();
        }
    }

    @Test
    void everyExpectationHasItsExpression() throws IOException {
        for (Path tf : corpusFiles()) {
            Set<String> names = new LinkedHashSet<>();
            JSON.readTree(expectationsOf(tf).toFile()).fieldNames().forEachRemaining(names::add);
            locals(tf).forEach(a -> names.remove(a.name()));
            assertThat(names)
                    .as("expectations in %s without an expression", expectationsOf(tf))
                    .isEmpty();
        }
    }

    private static String lineColumns(SourceRange r) {
        return r.start().line() + ":" + r.start().column() + "-" + r.end().line() + ":"
                + r.end().column();
    }

    private static List<Path> corpusFiles() throws IOException {
        Path dir;
        try {
            dir = Path.of(
                    ExpressionCorpusTest.class.getResource("/lang/expressions").toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".tf")).sorted().toList();
        }
    }

    private static Path expectationsOf(Path tf) {
        String name = tf.getFileName().toString();
        return tf.resolveSibling(name.substring(0, name.length() - ".tf".length()) + ".json");
    }

    private static List<Attribute> locals(Path tf) throws IOException {
        ParseResult<Body> parsed = HclParser.parseFile(tf.getFileName().toString(), Files.readString(tf));
        assertThat(parsed.diagnostics()).as("syntax errors in %s", tf).isEmpty();
        List<Attribute> attributes = new ArrayList<>();
        for (BodyItem item : parsed.value().items()) {
            if (item instanceof Block b && b.type().equals("locals")) {
                b.body().items().stream()
                        .filter(Attribute.class::isInstance)
                        .map(Attribute.class::cast)
                        .forEach(attributes::add);
            }
        }
        return attributes;
    }
}
