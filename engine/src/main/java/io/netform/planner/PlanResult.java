package io.netform.planner;

import io.netform.hcl.Diagnostic;
import io.netform.plan.CheckResult;
import io.netform.plan.Plan;
import java.util.List;

/**
 * A plan and the diagnostics found while making it (an errored plan cannot be applied).
 *
 * @param checks the results of the check blocks against the planned values
 */
public record PlanResult(Plan plan, List<Diagnostic> diagnostics, List<CheckResult> checks) {

    public PlanResult {
        diagnostics = List.copyOf(diagnostics);
        checks = List.copyOf(checks);
    }

    /** A plan of a configuration without checks. */
    public PlanResult(Plan plan, List<Diagnostic> diagnostics) {
        this(plan, diagnostics, List.of());
    }

    /** Whether any diagnostic is an error. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
