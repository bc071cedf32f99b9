package io.netform.cli;

import io.netform.plan.Plan;
import io.netform.plan.PlanResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code netform plan}: shows what apply would change. */
@Command(name = "plan", description = "Show changes required by the current configuration.")
final class PlanCommand implements Callable<Integer> {

    @ParentCommand
    private NetformCommand netform;

    @Mixin
    private OperationFlags flags;

    @Option(names = "-detailed-exitcode", description = "Return a detailed exit code: 0 = no changes, "
            + "1 = error, 2 = changes present.")
    private boolean detailedExitCode;

    @Option(names = "-destroy", description = "Plan to destroy every object Netform manages.")
    private boolean destroy;

    @Override
    public Integer call() {
        try (Operation op = new Operation(netform, flags)) {
            if (!op.load() || op.lockAndRead("OperationTypePlan") == null) {
                return 1;
            }
            PlanResult result = op.plan(destroy ? Plan.Mode.DESTROY : Plan.Mode.NORMAL);
            if (result == null || result.hasErrors()) {
                return 1;
            }
            op.ui().out().print(PlanRenderer.render(result.plan(), op::schemaOf, op.ui()));
            op.ui().out().print(CheckResultsRenderer.render(result.checks(), true, op.ui()));
            return detailedExitCode && result.plan().hasChanges() ? 2 : 0;
        }
    }
}
