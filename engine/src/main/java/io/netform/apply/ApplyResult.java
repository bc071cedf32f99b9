package io.netform.apply;

import io.netform.hcl.Diagnostic;
import io.netform.plan.CheckResult;
import java.util.List;

/**
 * What an apply did: how many objects it added, changed and destroyed, and the problems it met
 * (on error, everything completed before is already recorded in state), and the results of the
 * check blocks against the applied objects.
 */
public record ApplyResult(
        int added, int changed, int destroyed, List<Diagnostic> diagnostics, List<CheckResult> checks) {

    public ApplyResult {
        diagnostics = List.copyOf(diagnostics);
        checks = List.copyOf(checks);
    }

    /** Whether any diagnostic is an error. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
