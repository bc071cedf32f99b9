package io.netform.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.netform.lang.DifferentialCorpus.Case;
import io.netform.lang.function.FunctionRegistry;
import io.netform.lang.function.FunctionTable;
import io.netform.lang.function.Functions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Netform's evaluator against HashiCorp's: every expression of {@link DifferentialCorpus} must give
 * the type and value that hcl/v2 and go-cty give (numbers by their exact value), or both must fail.
 * Where Terraform itself departs from those libraries' Debian versions, a case names the
 * {@link TerraformDifference} and is checked against the libraries' answer to an equivalent
 * expression. Needs Go with Debian's hcl/v2 and go-cty ({@code .ci/install-go}).
 */
class HclDifferentialTest {

    private static final Functions FUNCTIONS = new FunctionTable(FunctionRegistry.terraform(Path.of(".")));

    private static List<Case> cases;
    private static Map<String, JsonNode> hashicorp;

    @BeforeAll
    static void evaluateWithHashicorpsLibraries() throws IOException, InterruptedException {
        cases = DifferentialCorpus.cases();
        Set<String> expressions = new LinkedHashSet<>();
        cases.forEach(c -> {
            expressions.add(c.expression());
            if (c.terraform() != null) {
                expressions.add(c.terraform());
            }
        });
        hashicorp = GoHclEvaluator.build().evaluate(List.copyOf(expressions));
    }

    @Test
    void theCorpusIsLargeAndCoversEveryFunctionAndEveryDifference() {
        assertThat(cases).hasSizeGreaterThanOrEqualTo(1000);
        for (String function : List.of(
                "abs",
                "can",
                "ceil",
                "chomp",
                "chunklist",
                "coalesce",
                "coalescelist",
                "compact",
                "concat",
                "contains",
                "csvdecode",
                "distinct",
                "element",
                "flatten",
                "floor",
                "format",
                "formatdate",
                "formatlist",
                "indent",
                "join",
                "jsondecode",
                "jsonencode",
                "keys",
                "length",
                "log",
                "lookup",
                "lower",
                "max",
                "merge",
                "min",
                "parseint",
                "pow",
                "range",
                "regex",
                "regexall",
                "reverse",
                "setintersection",
                "setproduct",
                "setsubtract",
                "setunion",
                "signum",
                "slice",
                "sort",
                "split",
                "strrev",
                "substr",
                "timeadd",
                "title",
                "tobool",
                "tolist",
                "tomap",
                "tonumber",
                "toset",
                "tostring",
                "trim",
                "trimprefix",
                "trimspace",
                "trimsuffix",
                "try",
                "upper",
                "values",
                "zipmap")) {
            assertThat(cases)
                    .as("calls of %s", function)
                    .anyMatch(c -> c.expression().startsWith(function + "("));
        }
        for (TerraformDifference difference : TerraformDifference.values()) {
            assertThat(cases).as("cases of %s", difference).anyMatch(c -> c.difference() == difference);
        }
    }

    @TestFactory
    Stream<DynamicTest> netformAgreesWithHashicorp() {
        return cases.stream()
                .map(c -> dynamicTest(c.toString(), () -> {
                    Answer expected = c.terraform() == null
                            ? Answer.failed("Terraform fails here")
                            : Answer.ofGo(hashicorp.get(c.terraform()));
                    Answer actual;
                    try {
                        actual = Answer.ofNetform(c.expression(), FUNCTIONS);
                    } catch (RuntimeException e) {
                        throw new AssertionError(
                                "Netform failed with an exception, not a diagnostic, on "
                                        + c.expression().replace("\n", "\\n"),
                                e);
                    }
                    String difference = c.difference() == null
                            ? ""
                            : String.format(
                                    "%nTerraform differs from hcl-eval here (%s: %s); expected is %s",
                                    c.difference(),
                                    c.difference().reason(),
                                    c.terraform() == null ? "an error" : "hcl-eval's answer to " + c.terraform());
                    assertThat(actual.agreesWith(expected))
                            .as(
                                    "%s%n  Netform:     %s%n  HashiCorp's: %s%s",
                                    c.expression().replace("\n", "\\n"), actual, expected, difference)
                            .isTrue();
                }));
    }
}
