package io.netform.lang;

import io.netform.hcl.Diagnostic;
import io.netform.hcl.Expression;
import io.netform.hcl.HclParser;
import io.netform.hcl.ParseResult;
import io.netform.lang.function.Function;
import io.netform.lang.function.FunctionException;
import io.netform.lang.function.Functions;
import io.netform.lang.function.TemplateRenderer;
import io.netform.value.Value;
import java.util.List;
import java.util.Map;

/** Renders the templates of {@code templatefile}: parsed as HCL templates, evaluated with the given variables. */
public final class TemplateFiles implements TemplateRenderer {

    @Override
    public Value render(String text, String fileName, Map<String, Value> variables, Map<String, Function> functions)
            throws FunctionException {
        ParseResult<Expression> parsed = HclParser.parseTemplate(fileName, text);
        if (parsed.hasErrors()) {
            throw new FunctionException(describe(parsed.diagnostics()));
        }
        for (Reference ref : References.of(parsed.value())) {
            if (!variables.containsKey(ref.root())) {
                throw FunctionException.argument(
                        1, "vars map does not contain key \"" + ref.root() + "\", referenced at " + ref.range());
            }
        }
        Functions table = new Functions() {
            @Override
            public boolean exists(String name) {
                return functions.containsKey(name);
            }

            @Override
            public Value call(String name, List<Value> args) throws FunctionException {
                return functions.get(name).call(args);
            }
        };
        Evaluation result = Evaluator.evaluate(parsed.value(), Scope.of(variables, table));
        if (result.hasErrors()) {
            throw new FunctionException(describe(result.diagnostics()));
        }
        return result.value();
    }

    private static String describe(List<Diagnostic> diagnostics) {
        Diagnostic first =
                diagnostics.stream().filter(Diagnostic::isError).findFirst().orElseThrow();
        return first.subject() + ": " + first.summary() + (first.detail().isEmpty() ? "" : ": " + first.detail());
    }
}
