package io.netform.moduletest;

import io.netform.config.CheckStatus;
import io.netform.config.Condition;
import io.netform.config.ConditionEvaluator;
import io.netform.config.TestFile;
import io.netform.hcl.Diagnostic;
import io.netform.lang.Scope;
import java.util.List;

/** The assert blocks of one run, checked against the values its plan or apply computed. */
final class Assertions {

    private final TestFile.Run run;
    private final boolean applied;

    Assertions(TestFile.Run run, boolean applied) {
        this.run = run;
        this.applied = applied;
    }

    /** Checks every assertion in {@code scope}, adding an error for each that is false or not known. */
    void check(Scope scope, List<Diagnostic> diagnostics) {
        for (Condition assertion : run.asserts()) {
            var verdict = ConditionEvaluator.evaluate(assertion, scope, "Invalid condition result", diagnostics);
            if (verdict.status() == CheckStatus.FAIL) {
                diagnostics.add(Diagnostic.error(
                        "Test assertion failed",
                        verdict.message(),
                        assertion.condition().range()));
            } else if (verdict.status() == CheckStatus.UNKNOWN) {
                diagnostics.add(Diagnostic.error(
                        "Unknown condition value",
                        unknownDetail(),
                        assertion.condition().range()));
            }
        }
    }

    private String unknownDetail() {
        return applied
                ? "Condition expression could not be evaluated at this time."
                : "Condition expression could not be evaluated at this time. This means you have executed a `run` "
                        + "block with `command = plan` and one of the values your condition depended on is not known "
                        + "until after the plan has been applied. Either remove this value from your condition, or "
                        + "execute an `apply` command from this `run` block.";
    }
}
