package io.netform.cli;

import io.netform.apply.ApplyResult;
import io.netform.plan.Plan;
import io.netform.hcl.Diagnostic;
import io.netform.plan.PlanFile;
import io.netform.plan.PlanFileException;
import io.netform.plan.PlanResult;
import io.netform.plan.SavedPlan;
import io.netform.state.OutputState;
import io.netform.value.CodecException;
import io.netform.value.CtyJson;
import io.netform.value.TypeJson;
import io.netform.value.Value;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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

    @Option(names = "-auto-approve", description = "Skip interactive approval of the plan before applying.")
    private boolean autoApprove;

    @Option(names = "-destroy", description = "Destroy every object Netform manages, as netform destroy does.")
    boolean destroy;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PLAN", description = "A plan file written by "
            + "netform plan -out: apply exactly its changes, without asking.")
    private Path planFile;

    @Override
    public Integer call() {
        if (planFile != null) {
            return applySaved();
        }
        try (Operation op = new Operation(netform, flags)) {
            Ui ui = op.ui();
            if (flags.json && !autoApprove) {
                op.error("Plan file or auto-approve required\nNetform cannot ask for approval when -json is set: "
                        + "apply a saved plan file, or add -auto-approve.");
                return 1;
            }
            if (!op.load() || op.lockAndRead("OperationTypeApply") == null) {
                return 1;
            }
            PlanResult planned = op.plan(destroy ? Plan.Mode.DESTROY : Plan.Mode.NORMAL);
            if (planned == null || planned.hasErrors()) {
                return 1;
            }
            Plan plan = planned.plan();
            if (op.json() != null) {
                op.json().plan(plan);
            } else {
                ui.out().print(PlanRenderer.render(plan, op::schemaOf, ui));
            }
            if (!plan.hasChanges() && !destroy) {
                if (op.json() != null) {
                    report(op, plan, new ApplyResult(0, 0, 0, List.of(), planned.checks()));
                } else {
                    ui.out().print(CheckResultsRenderer.render(planned.checks(), false, ui));
                    printOutputs(op.state(), ui);
                }
                return 0;
            }
            if (!autoApprove && !approved(ui)) {
                ui.err().println("\n" + ui.red(ui.bold("Error: ")) + (destroy ? "Destroy cancelled." : "Apply cancelled."));
                return 1;
            }
            if (op.json() == null) {
                ui.out().println();
            }
            return applyAndReport(op, plan);
        }
    }

    /** {@code apply PLAN}: checks that the saved plan still fits the configuration and state, then applies it. */
    private int applySaved() {
        try (Operation op = new Operation(netform, flags)) {
            Diagnostic misuse = savedPlanMisuse();
            if (misuse != null) {
                op.printer().print(List.of(misuse));
                return 1;
            }
            SavedPlan saved;
            try {
                saved = PlanFile.read(netform.workingDir().resolve(planFile));
            } catch (PlanFileException e) {
                op.printer().print(List.of(Diagnostic.error("Failed to load the saved plan", e.getMessage(), null)));
                return 1;
            }
            if (!op.load(saved.plan().variables(), saved.timestamp()) || op.lockAndRead("OperationTypeApply") == null) {
                return 1;
            }
            if (op.printer().print(saved.problemsApplying(op.sources(), op.lockFileText(), op.state(),
                    BuildInfo.version())) || !op.useTargets(saved.targets())) {
                return 1;
            }
            return applyAndReport(op, saved.plan());
        }
    }

    /** Why the flags given cannot go with a saved plan, or null when they can. */
    private Diagnostic savedPlanMisuse() {
        if (destroy) {
            return Diagnostic.error("Destroy can't be called with a plan file", "A saved plan says itself what "
                    + "it does: make a destroy plan with netform plan -destroy -out=FILE and apply that.", null);
        }
        if (!flags.variables.isEmpty()) {
            return Diagnostic.error("Can't set variables when applying a saved plan", "A saved plan keeps the "
                    + "variable values it was made with; make a new plan to use other values.", null);
        }
        if (!flags.target.isEmpty() || !flags.replace.isEmpty()) {
            return Diagnostic.error("Can't change the targets of a saved plan", "A saved plan applies the "
                    + "-target and -replace options it was made with; give them to netform plan instead.", null);
        }
        return null;
    }

    /** Applies {@code plan}, printing progress, the summary line and (unless it destroys) the outputs. */
    private int applyAndReport(Operation op, Plan plan) {
        ApplyResult result;
        ApplyView view = op.json() != null ? new JsonApplyView(op.json()) : new TextApplyView(op.ui());
        try (ApplyProgress progress = new ApplyProgress(view)) {
            result = op.apply(plan, progress);
        }
        if (result.hasErrors() || op.wasInterrupted()) {
            return 1;
        }
        if (op.json() == null) {
            op.ui().out().println();
        }
        report(op, plan, result);
        return 0;
    }

    private static String imported(Plan plan) {
        int count = plan.adoptions().imports().size();
        return count > 0 ? count + " imported, " : "";
    }

    /** The summary line and, unless the plan destroys, the outputs now in state. */
    private static void report(Operation op, Plan plan, ApplyResult result) {
        Ui ui = op.ui();
        boolean destroying = plan.mode() == Plan.Mode.DESTROY;
        String summary = destroying ? "Destroy complete! Resources: " + result.destroyed() + " destroyed."
                : "Apply complete! Resources: " + imported(plan) + result.added() + " added, " + result.changed()
                        + " changed, " + result.destroyed() + " destroyed.";
        if (op.json() != null) {
            op.json().changeSummary(destroying ? "destroy" : "apply", result.added(), result.changed(),
                    result.destroyed(), summary);
            if (!destroying) {
                op.json().outputs(op.state().outputs());
            }
        } else {
            ui.out().println(ui.green(ui.bold(summary)));
            if (!destroying) {
                ui.out().print(CheckResultsRenderer.render(result.checks(), false, ui));
                printOutputs(op.state(), ui);
            }
        }
    }

    private boolean approved(Ui ui) {
        ui.out().println();
        return Confirmation.ask(ui, destroy ? "Do you really want to destroy all resources?"
                : "Do you want to perform these actions?",
                destroy ? "  Netform will destroy all your managed infrastructure, as shown above.\n"
                        + "  There is no undo. Only 'yes' will be accepted to confirm.\n"
                        : "  Netform will perform the actions described above.\n"
                        + "  Only 'yes' will be accepted to approve.\n");
    }

    /** Prints the root outputs recorded in {@code state}, as apply does at its end. */
    static void printOutputs(io.netform.state.State state, Ui ui) {
        Map<String, Value> values = new LinkedHashMap<>();
        Map<String, Boolean> sensitive = new LinkedHashMap<>();
        for (Map.Entry<String, OutputState> e : state.outputs().entrySet()) {
            try {
                values.put(e.getKey(), CtyJson.fromNode(e.getValue().value(), TypeJson.fromNode(e.getValue().type())));
                sensitive.put(e.getKey(), e.getValue().sensitive());
            } catch (CodecException ex) {
                ui.err().println("Warning: output " + e.getKey() + " cannot be shown: " + ex.getMessage());
            }
        }
        ui.out().print(OutputValues.render(values, sensitive, ui));
    }
}
