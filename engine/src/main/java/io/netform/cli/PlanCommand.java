package io.netform.cli;

import io.netform.plan.Plan;
import io.netform.hcl.Diagnostic;
import io.netform.plan.PlanFile;
import io.netform.plan.PlanFileException;
import io.netform.plan.PlanResult;
import io.netform.plan.SavedPlan;
import java.nio.file.Path;
import java.util.List;
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

    @Option(names = "-out", paramLabel = "PATH", description = "Write the plan to this file, so that "
            + "netform apply PATH makes exactly these changes.")
    private Path out;

    @Override
    public Integer call() {
        try (Operation op = new Operation(netform, flags)) {
            if (!op.load() || op.lockAndRead("OperationTypePlan") == null) {
                return 1;
            }
            PlanResult result = op.plan(destroy ? Plan.Mode.DESTROY : Plan.Mode.NORMAL);
            if (result == null) {
                return 1;
            }
            if (result.hasErrors()) {
                // Saved anyway, as Terraform does, so that show can inspect it; apply refuses it.
                if (out != null) {
                    save(op, result.plan());
                }
                return 1;
            }
            Ui ui = op.ui();
            if (op.json() != null) {
                op.json().plan(result.plan());
            } else {
                ui.out().print(PlanRenderer.render(result.plan(), op::schemaOf, ui));
                ui.out().print(CheckResultsRenderer.render(result.checks(), true, ui));
            }
            if (out != null) {
                if (!save(op, result.plan())) {
                    return 1;
                }
                if (op.json() != null) {
                    op.json().log("info", "Saved the plan to: " + out);
                }
            }
            if (op.json() == null && !netform.inAutomation() && (out != null || result.plan().hasChanges())) {
                ui.out().print(nextStep());
            }
            return detailedExitCode && result.plan().hasChanges() ? 2 : 0;
        }
    }

    /**
     * What to do with the plan, for a person at a terminal; automation (NETFORM_IN_AUTOMATION) runs its
     * own next step, so it is left out there, as Terraform does.
     */
    private String nextStep() {
        String rule = "\n" + "\u2500".repeat(77) + "\n";
        if (out == null) {
            return rule + "\nNote: You didn't use the -out option to save this plan, so Netform can't guarantee "
                    + "to take exactly these actions if you run \"netform apply\" now.\n";
        }
        return rule + "\nSaved the plan to: " + out + "\n\nTo perform exactly these actions, run the following "
                + "command to apply:\n    netform apply \"" + out + "\"\n";
    }

    private boolean save(Operation op, Plan plan) {
        try {
            PlanFile.write(netform.workingDir().resolve(out), new SavedPlan(plan, flags.target, op.sources(),
                    op.lockFileText(), BuildInfo.version(), op.planTimestamp()));
            return true;
        } catch (PlanFileException | java.io.UncheckedIOException e) {
            op.printer().print(List.of(Diagnostic.error("Failed to write plan file", e.getMessage(), null)));
            return false;
        }
    }
}
