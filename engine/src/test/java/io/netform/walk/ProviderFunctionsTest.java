package io.netform.walk;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.config.LoadResult;
import io.netform.config.ModuleLoader;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.HclParser;
import io.netform.lang.Evaluation;
import io.netform.lang.Evaluator;
import io.netform.lang.Scope;
import io.netform.lang.function.FunctionRegistry;
import io.netform.lang.function.FunctionTable;
import io.netform.lang.function.Functions;
import io.netform.value.Mark;
import io.netform.value.Type;
import io.netform.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** provider::NAME::FUNC calls as a module's expressions make them, with Terraform's errors. */
class ProviderFunctionsTest {
    private final FakeProvider provider = new FakeProvider();
    private Functions functions;

    @BeforeEach
    void load(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("main.tf"),
                "terraform {\n  required_providers {\n    hello = { source = \"netform/testing\" }\n  }\n}\n");
        LoadResult loaded = ModuleLoader.load(dir);
        assertThat(loaded.diagnostics()).isEmpty();
        functions = new ProviderFunctions(source -> provider)
                .in(loaded.root(), new FunctionTable(FunctionRegistry.terraform(dir)));
    }

    private Evaluation evaluate(String expression, Map<String, Value> names) {
        return Evaluator.evaluate(
                HclParser.parseExpression("main.tf", expression).value(), Scope.of(names, functions));
    }

    private Diagnostic error(String expression) {
        Evaluation result = evaluate(expression, Map.of());
        assertThat(result.hasErrors()).as(expression).isTrue();
        return result.diagnostics().get(0);
    }

    @Test
    void callsTheFunctionOfTheProviderTheModuleNamesThatWay() {
        assertThat(evaluate("provider::hello::greet(\"web\")", Map.of()).value())
                .isEqualTo(Value.string("hello, web"));
        assertThat(evaluate("upper(provider::hello::greet(\"web\"))", Map.of()).value())
                .isEqualTo(Value.string("HELLO, WEB"));
    }

    @Test
    void convertsArgumentsToTheParameterTypes() {
        evaluate("provider::hello::greet(7)", Map.of());

        assertThat(provider.functionCalls).containsExactly(List.of(Value.string("7")));
    }

    @Test
    void anUnknownArgumentGivesAnUnknownResultWithoutCallingTheProvider() {
        Value result = evaluate(
                        "provider::hello::greet(var.x)",
                        Map.of("var", Value.object(Map.of("x", Value.unknown(Type.STRING)))))
                .value();

        assertThat(result.isKnown()).isFalse();
        assertThat(result.type()).isEqualTo(Type.STRING);
        assertThat(provider.functionCalls).isEmpty();
    }

    @Test
    void aSensitiveArgumentGivesASensitiveResultAndReachesTheProviderUnmarked() {
        Value result = evaluate(
                        "provider::hello::greet(var.x)",
                        Map.of(
                                "var",
                                Value.object(Map.of("x", Value.string("pw").mark(Mark.SENSITIVE)))))
                .value();

        assertThat(result.isSensitive()).isTrue();
        assertThat(provider.functionCalls).containsExactly(List.of(Value.string("pw")));
    }

    @Test
    void theProvidersErrorPointsAtTheArgumentItNames() {
        Diagnostic d = error("provider::hello::greet(\"\")");

        assertThat(d.summary()).isEqualTo("Invalid function argument");
        assertThat(d.detail()).isEqualTo("Invalid value for \"name\" parameter: a name is required.");
        assertThat(d.subject().startColumn()).isEqualTo(24);
    }

    @Test
    void theProvidersErrorWithoutAnArgumentFailsTheCall() {
        Diagnostic d = error("provider::hello::greet(\"!\")");

        assertThat(d.summary()).isEqualTo("Error in function call");
        assertThat(d.detail()).isEqualTo("Call to function \"provider::hello::greet\" failed: the greeting failed.");
    }

    @Test
    void nullAndMissingArgumentsAreRefusedBeforeTheProviderIsCalled() {
        assertThat(error("provider::hello::greet(null)").detail())
                .isEqualTo("Invalid value for \"name\" parameter: argument must not be null.");
        assertThat(error("provider::hello::greet()").summary()).isEqualTo("Not enough function arguments");
        assertThat(provider.functionCalls).isEmpty();
    }

    @Test
    void aProviderTheModuleDoesNotRequireHasNoFunctions() {
        Diagnostic d = error("provider::testing::greet(\"x\")");

        assertThat(d.summary()).isEqualTo("Unknown provider function");
        assertThat(d.detail())
                .isEqualTo("There is no function named \"provider::testing::greet\". Ensure that"
                        + " provider name \"testing\" is declared in this module's required_providers block, and that this"
                        + " provider offers a function named \"greet\".");
    }

    @Test
    void aFunctionTheProviderDoesNotOfferIsNamedSo() {
        Diagnostic d = error("provider::hello::shout(\"x\")");

        assertThat(d.summary()).isEqualTo("Unknown provider function");
        assertThat(d.detail()).isEqualTo("The function \"shout\" is not available from the provider \"hello\".");
    }

    @Test
    void aNamespaceOtherThanProviderIsNotValid() {
        Diagnostic d = error("hello::greet(\"x\")");

        assertThat(d.summary()).isEqualTo("Unknown provider function");
        assertThat(d.detail())
                .isEqualTo("The function namespace \"hello\" is not valid. Provider function calls"
                        + " must use the \"provider::\" namespace prefix.");
    }

    @Test
    void builtInsStillWorkWithAndWithoutTheCoreNamespace() {
        assertThat(evaluate("core::upper(\"a\")", Map.of()).value()).isEqualTo(Value.string("A"));
        assertThat(evaluate("upper(\"a\")", Map.of()).value()).isEqualTo(Value.string("A"));
    }
}
