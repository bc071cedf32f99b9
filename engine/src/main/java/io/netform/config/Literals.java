package io.netform.config;

import io.netform.hcl.Diagnostic;
import io.netform.hcl.Expression;
import io.netform.lang.Evaluator;
import io.netform.lang.References;
import io.netform.lang.Scope;
import io.netform.lang.function.Functions;
import io.netform.value.Conversion;
import io.netform.value.ConversionException;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.List;
import java.util.Map;

/** Arguments that must be written as constants (names, descriptions, flags, sources), read with Terraform's errors. */
final class Literals {

    private static final Scope EMPTY = Scope.of(Map.of(), Functions.NONE);

    private Literals() {}

    /** The constant value of {@code e}, or null after reporting why it is not one. */
    static Value constant(Expression e, String what, List<Diagnostic> diagnostics) {
        if (!References.of(e).isEmpty()) {
            diagnostics.add(Diagnostic.error(
                    "Variables not allowed",
                    "Variables may not be used here: " + what + " must be a constant value.",
                    e.range()));
            return null;
        }
        var evaluation = Evaluator.evaluate(e, EMPTY);
        diagnostics.addAll(evaluation.diagnostics());
        return evaluation.hasErrors() ? null : evaluation.value();
    }

    /** A constant string, or null after a diagnostic. */
    static String string(Expression e, String what, List<Diagnostic> diagnostics) {
        Value v = typed(e, Type.STRING, what, diagnostics);
        return v == null || v.isNull() ? null : v.asString();
    }

    /** A constant bool, or {@code otherwise} after a diagnostic. */
    static boolean bool(Expression e, String what, boolean otherwise, List<Diagnostic> diagnostics) {
        Value v = typed(e, Type.BOOL, what, diagnostics);
        return v == null || v.isNull() ? otherwise : v.asBoolean();
    }

    private static Value typed(Expression e, Type type, String what, List<Diagnostic> diagnostics) {
        Value v = constant(e, what, diagnostics);
        if (v == null) {
            return null;
        }
        try {
            return Conversion.convert(v, type);
        } catch (ConversionException ex) {
            diagnostics.add(Diagnostic.error(
                    "Invalid value for " + what,
                    "A " + type.friendlyName() + " is required for " + what + ".",
                    e.range()));
            return null;
        }
    }

    /** {@code name} or {@code name.alias} written as a bare reference, or null after a diagnostic. */
    static String traversalName(Expression e, String what, List<Diagnostic> diagnostics) {
        if (e instanceof Expression.Identifier v) {
            return v.name();
        }
        if (e instanceof Expression.GetAttr g && g.source() instanceof Expression.Identifier v) {
            return v.name() + "." + g.name();
        }
        diagnostics.add(Diagnostic.error(
                "Invalid " + what,
                "The " + what + " must be a reference such as " + "\"name\" or \"name.alias\", without quotes.",
                e.range()));
        return null;
    }
}
