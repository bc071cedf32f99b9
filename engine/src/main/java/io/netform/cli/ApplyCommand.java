package io.netform.cli;

import io.netform.apply.ApplyResult;
import io.netform.core.Result;
import io.netform.core.Session;
import io.netform.hcl.Diagnostic;
import io.netform.plan.Plan;
import io.netform.plan.PlanFile;
import io.netform.plan.PlanFileException;
import io.netform.plan.SavedPlan;
import io.netform.planner.PlanResult;
import io.netform.state.encryption.Encryption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code netform apply}: plans, asks for approval, and makes the changes. */
@Command(name = "apply", description = "Create or update infrastructure.")
class ApplyCommand implements Callable<Integer> {

    @ParentCommand
    private NetformCommand netform;

    @Mixin
    private OperationFlags flags;

    @Mixin
    private RefreshOnlyFlag refreshOnly;

    @Option(names = "-auto-approve", description = "Skip interactive approval of the plan before applying.")
    private boolean autoApprove;

    @Option(names = "-destroy", description = "Destroy every object Netform manages, as netform destroy does.")
    boolean destroy;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "PLAN",
            description = "A plan file written by " + "netform plan -out: apply exactly its changes, without asking.")
    private Path planFile;

    @Override
    public Integer call() {
        if (planFile != null) {
            return applySaved();
        }
        try (CommandSession command = new CommandSession(netform, flags)) {
            OperationView view = command.view();
            Session session = command.session();
            Result<Plan.Mode> mode = planMode();
            if (view.diagnostics(mode)) {
                return 1;
            }
            if (flags.json && !autoApprove) {
                view.error("Plan file or auto-approve required\nNetform cannot ask for approval when -json is set: "
                        + "apply a saved plan file, or add -auto-approve.");
                return 1;
            }
            if (!command.start("OperationTypeApply")) {
                return 1;
            }
            Result<PlanResult> planned = session.plan(mode.value());
            if (view.diagnostics(planned) || planned.value().hasErrors()) {
                return 1;
            }
            Plan plan = planned.value().plan();
            view.plan(plan, session::schemaOf);
            if (!plan.hasChanges() && !destroy) {
                view.unchanged(plan, planned.value().checks(), session.state());
                return 0;
            }
            if (!autoApprove && !view.approved(plan.mode())) {
                view.cancelled(destroy);
                return 1;
            }
            view.applying();
            return applyAndReport(command, plan);
        }
    }

    /** The plan mode the flags select; destroy, which always destroys, refuses -refresh-only as Terraform's does. */
    private Result<Plan.Mode> planMode() {
        if (refreshOnly.refreshOnly && this instanceof DestroyCommand) {
            return RefreshOnlyFlag.refused(
                    "Invalid mode option", "The -refresh-only option is not valid for \"netform destroy\".");
        }
        return refreshOnly.mode(destroy, flags);
    }

    /** {@code apply PLAN}: checks that the saved plan still fits the configuration and state, then applies it. */
    private int applySaved() {
        try (CommandSession command = new CommandSession(netform, flags)) {
            OperationView view = command.view();
            Session session = command.session();
            Diagnostic misuse = savedPlanMisuse();
            if (misuse != null) {
                view.diagnostics(Result.failed(List.of(misuse), Map.of()));
                return 1;
            }
            // The plan is decrypted with the working directory's encryption configuration, as OpenTofu does.
            Result<Encryption> encryption = netform.engine().encryption(netform.workingDir(), netform.env(), List.of());
            if (view.diagnostics(encryption)) {
                return 1;
            }
            SavedPlan saved;
            try {
                saved = PlanFile.read(
                        netform.workingDir().resolve(planFile),
                        encryption.value().plan());
            } catch (PlanFileException e) {
                view.diagnostics(Result.failed(
                        List.of(Diagnostic.error("Failed to load the saved plan", e.getMessage(), null)), Map.of()));
                return 1;
            }
            if (!command.load(saved.plan().variables(), saved.timestamp())
                    || !command.lockAndRead("OperationTypeApply")) {
                return 1;
            }
            List<Diagnostic> problems = saved.problemsApplying(
                    session.sources(), session.lockFileText(), session.state(), BuildInfo.version());
            if (view.diagnostics(new Result<>(saved, problems, session.sources()))
                    || view.diagnostics(session.useTargets(saved.targets()))) {
                return 1;
            }
            return applyAndReport(command, saved.plan());
        }
    }

    /** Why the flags given cannot go with a saved plan, or null when they can. */
    private Diagnostic savedPlanMisuse() {
        if (destroy) {
            return Diagnostic.error(
                    "Destroy can't be called with a plan file",
                    "A saved plan says itself what "
                            + "it does: make a destroy plan with netform plan -destroy -out=FILE and apply that.",
                    null);
        }
        if (refreshOnly.refreshOnly) {
            return Diagnostic.error(
                    "Refresh-only mode can't be set with a plan file",
                    "A saved plan says itself what it does: make a refresh-only plan with netform plan"
                            + " -refresh-only -out=FILE and apply that.",
                    null);
        }
        if (!flags.variables.isEmpty()) {
            return Diagnostic.error(
                    "Can't set variables when applying a saved plan",
                    "A saved plan keeps the "
                            + "variable values it was made with; make a new plan to use other values.",
                    null);
        }
        if (!flags.target.isEmpty() || !flags.replace.isEmpty()) {
            return Diagnostic.error(
                    "Can't change the targets of a saved plan",
                    "A saved plan applies the "
                            + "-target and -replace options it was made with; give them to netform plan instead.",
                    null);
        }
        return null;
    }

    /** Applies {@code plan}, showing progress, the summary line and (unless it destroys) the outputs. */
    private static int applyAndReport(CommandSession command, Plan plan) {
        OperationView view = command.view();
        Result<ApplyResult> applied;
        try (ApplyProgress progress = new ApplyProgress(view.progress())) {
            applied = command.session().apply(plan, progress);
        }
        if (view.diagnostics(applied) || command.session().wasCancelled()) {
            return 1;
        }
        view.applied(plan, applied.value(), command.session().state());
        return 0;
    }
}
