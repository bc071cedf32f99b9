package io.netform.config;

import io.netform.hcl.Diagnostic;
import io.netform.hcl.SourceRange;
import io.netform.lang.Scope;
import io.netform.lang.function.Functions;
import io.netform.value.ConversionException;
import io.netform.value.Mark;
import io.netform.value.Value;
import java.util.List;
import java.util.Map;

/**
 * Turns a value given for a variable into the variable's value: converted to its type with
 * defaults filled in, its default used for null when the variable is not nullable, marked when it
 * is sensitive, and checked by its validation rules.
 */
public final class VariableValue {

    private VariableValue() {}

    /**
     * The final value of {@code variable} given {@code given} (null when nothing was given).
     *
     * @param at where the value came from, for diagnostics (the variable's declaration when unknown)
     * @return the value, or an unknown of the variable's type after reporting why it is not acceptable
     */
    public static Value finalize(
            Variable variable, Value given, SourceRange at, Functions functions, List<Diagnostic> diagnostics) {
        SourceRange where = at == null ? variable.range() : at;
        Value v = given;
        if (v == null || (v.isNull() && !variable.nullable())) {
            if (variable.isRequired()) {
                diagnostics.add(Diagnostic.error(
                        "No value for required variable",
                        "The input variable \""
                                + variable.name() + "\" is not set, and has no default value. Use a -var or -var-file "
                                + "command line argument to provide a value for this variable.",
                        variable.range()));
                return Value.unknown(variable.type().type());
            }
            v = variable.defaultValue();
        }
        try {
            v = variable.type().apply(v);
        } catch (ConversionException e) {
            diagnostics.add(Diagnostic.error(
                    "Invalid value for input variable",
                    "The given value is not suitable "
                            + "for var." + variable.name() + " declared at " + variable.range() + ": " + e.getMessage()
                            + ".",
                    where));
            return Value.unknown(variable.type().type());
        }
        if (variable.sensitive()) {
            v = v.mark(Mark.SENSITIVE);
        }
        validate(variable, v, where, functions, diagnostics);
        return v;
    }

    private static void validate(
            Variable variable, Value v, SourceRange where, Functions functions, List<Diagnostic> diagnostics) {
        Scope scope = Scope.of(Map.of("var", Value.object(Map.of(variable.name(), v))), functions);
        check(
                variable.validations().stream()
                        .filter(r -> r.refersOnlyTo(variable.name()))
                        .toList(),
                scope,
                where,
                diagnostics);
    }

    /**
     * Checks validation {@code rules} in {@code scope}, reporting each that fails at {@code where}, the
     * place the value came from. A rule whose outcome is not known yet is left for the apply.
     */
    public static void check(
            List<Variable.Validation> rules, Scope scope, SourceRange where, List<Diagnostic> diagnostics) {
        for (Variable.Validation rule : rules) {
            Condition condition = new Condition(rule.condition(), rule.errorMessage(), rule.range());
            var outcome =
                    ConditionEvaluator.evaluate(condition, scope, "Invalid variable validation result", diagnostics);
            if (outcome.status() == CheckStatus.FAIL) {
                diagnostics.add(Diagnostic.error(
                        "Invalid value for variable",
                        outcome.message() + "\n\nThis was " + "checked by the validation rule at " + rule.range() + ".",
                        where));
            }
        }
    }
}
