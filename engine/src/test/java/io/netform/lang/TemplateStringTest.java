package io.netform.lang;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.hcl.Diagnostic;
import io.netform.hcl.HclParser;
import io.netform.lang.function.FunctionRegistry;
import io.netform.lang.function.FunctionTable;
import io.netform.value.Mark;
import io.netform.value.Type;
import io.netform.value.Value;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** templatestring as Terraform 1.9 has it: a template held elsewhere, referred to, rendered with the HCL engine. */
class TemplateStringTest {
    private static final Scope SCOPE = Scope.of(
            Map.of(
                    "local",
                    Value.object(Map.of(
                            "greeting", Value.string("Hello, ${name}!"),
                            "templates", Value.object(Map.of("bye", Value.string("Bye, ${upper(name)}."))),
                            "reads_file", Value.string("${file(\"x.txt\")}"),
                            "nested", Value.string("${templatestring(t, {})}"),
                            "number", Value.number(3),
                            "pending", Value.unknown(Type.STRING),
                            "secret", Value.string("pw ${name}").mark(Mark.SENSITIVE)))),
            new FunctionTable(FunctionRegistry.terraform(Path.of("."), new TemplateFiles())));

    private static Evaluation evaluate(String expression) {
        return Evaluator.evaluate(
                HclParser.parseExpression("main.tf", expression).value(), SCOPE);
    }

    private static Diagnostic error(String expression) {
        Evaluation result = evaluate(expression);
        assertThat(result.hasErrors()).as(expression).isTrue();
        return result.diagnostics().stream()
                .filter(Diagnostic::isError)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void rendersATemplateAReferenceLeadsTo() {
        assertThat(evaluate("templatestring(local.greeting, { name = \"Alex\" })")
                        .value())
                .isEqualTo(Value.string("Hello, Alex!"));
        assertThat(evaluate("templatestring(local.templates[\"bye\"], { name = \"Alex\" })")
                        .value())
                .isEqualTo(Value.string("Bye, ALEX."));
    }

    @Test
    void refusesAnInlineTemplateAsTerraformDoes() {
        Diagnostic d = error("templatestring(\"Hello, ${name}\", { name = \"x\" })");

        assertThat(d.summary()).isEqualTo("Invalid function argument");
        assertThat(d.detail())
                .isEqualTo("Invalid value for \"template\" parameter: invalid template expression:"
                        + " templatestring is only for rendering templates retrieved dynamically from elsewhere; to render an"
                        + " inline template, consider using a plain template string expression.");
    }

    @Test
    void refusesALiteralTemplateAndAnInterpolationOnlyOne() {
        assertThat(error("templatestring(\"plain\", {})").detail())
                .contains("does not support providing a literal template");
        assertThat(error("templatestring(\"${local.greeting}\", {})").detail())
                .contains("write the reference expression directly without any template interpolation syntax");
    }

    @Test
    void refusesAnExpressionThatIsNotAReference() {
        assertThat(error("templatestring(lower(local.greeting), {})").detail())
                .isEqualTo(
                        "Invalid value for \"template\" parameter: invalid template expression: must be a direct reference"
                                + " to a single string from elsewhere, containing valid Terraform template syntax.");
    }

    @Test
    void requiresAStringNotSomethingThatConvertsToOne() {
        assertThat(error("templatestring(local.number, {})").detail())
                .isEqualTo("Invalid value for \"template\" parameter: invalid template value: a string is required.");
    }

    @Test
    void aTemplateMayNotReadFilesNorRenderTemplates() {
        assertThat(error("templatestring(local.reads_file, {})").detail())
                .contains(
                        "cannot use filesystem access functions like file in templatestring templates; consider passing the"
                                + " function result as a template variable instead");
        assertThat(error("templatestring(local.nested, { t = \"x\" })").detail())
                .contains("cannot recursively call templatestring from inside another template function");
    }

    @Test
    void anUnknownTemplateGivesAnUnknownString() {
        Value v = evaluate("templatestring(local.pending, {})").value();

        assertThat(v.isKnown()).isFalse();
        assertThat(v.type()).isEqualTo(Type.STRING);
    }

    @Test
    void aSensitiveTemplateGivesASensitiveResult() {
        Value v = evaluate("templatestring(local.secret, { name = \"x\" })").value();

        assertThat(v.isSensitive()).isTrue();
        assertThat(v.unmark()).isEqualTo(Value.string("pw x"));
    }
}
