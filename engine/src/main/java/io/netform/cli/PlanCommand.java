package io.netform.cli;

import io.netform.core.Result;
import io.netform.core.Session;
import io.netform.hcl.Diagnostic;
import io.netform.plan.Plan;
import io.netform.plan.PlanFile;
import io.netform.plan.PlanFileException;
import io.netform.plan.SavedPlan;
import io.netform.planner.PlanResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    @Mixin
    private RefreshOnlyFlag refreshOnly;

    @Option(
            names = "-detailed-exitcode",
            description = "Return a detailed exit code: 0 = no changes, " + "1 = error, 2 = changes present.")
    private boolean detailedExitCode;

    @Option(names = "-destroy", description = "Plan to destroy every object Netform manages.")
    private boolean destroy;

    @Option(
            names = "-out",
            paramLabel = "PATH",
            description = "Write the plan to this file, so that " + "netform apply PATH makes exactly these changes.")
    private Path out;

    @Override
    public Integer call() {
        try (CommandSession command = new CommandSession(netform, flags)) {
            OperationView view = command.view();
            Session session = command.session();
            Result<Plan.Mode> mode = refreshOnly.mode(destroy, flags);
            if (view.diagnostics(mode) || !command.start("OperationTypePlan")) {
                return 1;
            }
            Result<PlanResult> planned = session.plan(mode.value());
            view.diagnostics(planned);
            if (planned.failed()) {
                return 1;
            }
            PlanResult result = planned.value();
            if (result.hasErrors()) {
                // Saved anyway, as Terraform does, so that show can inspect it; apply refuses it.
                if (out != null) {
                    save(view, session, result.plan());
                }
                return 1;
            }
            view.plan(result.plan(), session::schemaOf);
            view.checks(result.checks(), true);
            if (out != null && !save(view, session, result.plan())) {
                return 1;
            }
            view.planSaved(out, result.plan().hasChanges());
            return detailedExitCode && result.plan().hasChanges() ? 2 : 0;
        }
    }

    private boolean save(OperationView view, Session session, Plan plan) {
        try {
            PlanFile.write(
                    netform.workingDir().resolve(out),
                    new SavedPlan(
                            plan,
                            flags.target,
                            session.sources(),
                            session.lockFileText(),
                            BuildInfo.version(),
                            session.planTimestamp()),
                    session.encryption().plan());
            return true;
        } catch (PlanFileException | java.io.UncheckedIOException e) {
            view.diagnostics(Result.failed(
                    List.of(Diagnostic.error("Failed to write plan file", e.getMessage(), null)), Map.of()));
            return false;
        }
    }
}
