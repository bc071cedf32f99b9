package io.netform.moduletest;

import io.netform.hcl.Diagnostic;
import io.netform.plan.Plan;
import io.netform.state.State;
import java.util.List;

/**
 * What one run block came to: its status, what it reported, how long it took, and for {@code -verbose}
 * the plan it made ({@code command = plan}) or the state it left (apply); both null when it got no further.
 */
public record RunResult(
        String name, TestStatus status, List<Diagnostic> diagnostics, long elapsedMillis, Plan plan, State state) {

    public RunResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** A run not executed, because an earlier run errored. */
    static RunResult skipped(String name) {
        return new RunResult(name, TestStatus.SKIP, List.of(), 0, null, null);
    }
}
