package io.netform.plan;

import io.netform.hcl.Diagnostic;
import java.util.List;

/** A plan and the diagnostics found while making it (an errored plan cannot be applied). */
public record PlanResult(Plan plan, List<Diagnostic> diagnostics) {

    public PlanResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** Whether any diagnostic is an error. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
