package io.netform.lang;

import io.netform.hcl.Diagnostic;
import io.netform.value.Value;
import java.util.List;

/**
 * The result of evaluating an expression: its value (an unknown of the dynamic type where an error
 * made it impossible to compute) and the diagnostics found on the way.
 */
public record Evaluation(Value value, List<Diagnostic> diagnostics) {

    public Evaluation {
        diagnostics = List.copyOf(diagnostics);
    }

    /** Whether any diagnostic is an error. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
