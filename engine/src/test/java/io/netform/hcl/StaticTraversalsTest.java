package io.netform.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading expressions without evaluating them: static traversals and the variables referenced. */
class StaticTraversalsTest {

    private static Expression expression(String text) {
        ParseResult<Expression> result = HclParser.parseExpression("e", text);
        assertThat(result.diagnostics()).isEmpty();
        return result.value();
    }

    private static List<String> variables(String text) {
        return StaticTraversals.variables(expression(text)).stream().map(Traversal::toString).toList();
    }

    @Test
    void aReferenceReadsAsATraversalWithConstantKeys() {
        Traversal t = StaticTraversals.of(expression("module.net[\"a\"].ids[0]")).orElseThrow();

        assertThat(t.root()).isEqualTo("module");
        assertThat(t.steps()).extracting(step -> step.getClass().getSimpleName())
                .containsExactly("Attribute", "StringKey", "Attribute", "NumberKey");
        assertThat(((TraversalStep.NumberKey) t.steps().get(3)).key()).isEqualTo(BigDecimal.ZERO);
        assertThat(t.toString()).isEqualTo("module.net[\"a\"].ids[0]");
        assertThat(t.range().endColumn()).isEqualTo(23);
    }

    @Test
    void keywordsReadAsTraversalsButComputedExpressionsDoNot() {
        assertThat(StaticTraversals.of(expression("null")).map(Traversal::root)).contains("null");
        assertThat(StaticTraversals.of(expression("a[b]"))).isEmpty();
        assertThat(StaticTraversals.of(expression("f(a)"))).isEmpty();
    }

    @Test
    void variablesAreTheLongestStaticPrefixesAndTheDynamicKeys() {
        assertThat(variables("a.b[x].c + f(var.y, \"${local.z}\")")).containsExactly("a.b", "x", "var.y", "local.z");
    }

    @Test
    void namesBoundByForExpressionsAreNotReferences() {
        assertThat(variables("{for k, v in var.m : k => v.id if v.on && var.all}")).containsExactly("var.m", "var.all");
        assertThat(variables("\"%{for s in var.l}${s}${var.sep}%{endfor}\"")).containsExactly("var.l", "var.sep");
    }

    @Test
    void splatsReferToTheirSourceOnly() {
        assertThat(variables("aws_instance.web[*].id")).containsExactly("aws_instance.web");
        assertThat(variables("{ (local.key) = x[*].y[z] }")).containsExactly("local.key", "x", "z");
    }
}
