package io.netform.config;

import io.netform.hcl.Diagnostic;
import io.netform.lang.Evaluation;
import io.netform.lang.Evaluator;
import io.netform.lang.Scope;
import io.netform.value.Conversion;
import io.netform.value.ConversionException;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.List;

/**
 * Evaluates one custom condition (a variable validation, a pre/postcondition, a check assertion):
 * whether it holds, and when it does not, its error message as text. Each caller reports a false
 * condition in its own words.
 */
public final class ConditionEvaluator {

    /** What a condition came to, and its error message when it was false. */
    public record Verdict(CheckStatus status, String message) {}

    private ConditionEvaluator() {}

    /**
     * Evaluates {@code condition} in {@code scope}, adding what went wrong evaluating it to {@code into}.
     *
     * @param invalidSummary the summary of the error when the condition is not a boolean
     */
    public static Verdict evaluate(Condition condition, Scope scope, String invalidSummary, List<Diagnostic> into) {
        Evaluation result = Evaluator.evaluate(condition.condition(), scope);
        into.addAll(result.diagnostics());
        if (result.hasErrors()) {
            return new Verdict(CheckStatus.ERROR, null);
        }
        Value v = result.value().unmark();
        if (!v.isKnown()) {
            return new Verdict(CheckStatus.UNKNOWN, null);
        }
        if (v.isNull()) {
            into.add(Diagnostic.error(
                    invalidSummary,
                    "The condition must produce true or false, not null.",
                    condition.condition().range()));
            return new Verdict(CheckStatus.ERROR, null);
        }
        try {
            if (Conversion.convert(v, Type.BOOL).asBoolean()) {
                return new Verdict(CheckStatus.PASS, null);
            }
        } catch (ConversionException e) {
            into.add(Diagnostic.error(
                    invalidSummary,
                    "The condition must produce true or false, not a "
                            + v.type().friendlyName() + ".",
                    condition.condition().range()));
            return new Verdict(CheckStatus.ERROR, null);
        }
        return new Verdict(CheckStatus.FAIL, message(condition, scope, into));
    }

    private static String message(Condition condition, Scope scope, List<Diagnostic> into) {
        Evaluation message = Evaluator.evaluate(condition.errorMessage(), scope);
        into.addAll(message.diagnostics());
        Value v = message.value();
        if (message.hasErrors() || v.isNull()) {
            return "(the error message could not be evaluated)";
        }
        if (v.containsMarks()) {
            return "(the error message includes a sensitive value, so it is not shown)";
        }
        if (!v.isWhollyKnown()) {
            return "(the error message depends on values not known yet)";
        }
        try {
            return Conversion.convert(v, Type.STRING).asString();
        } catch (ConversionException e) {
            return v.toString();
        }
    }
}
