package io.netform.cli;

import io.netform.addrs.ResourceInstance;
import io.netform.apply.ApplyResult;
import io.netform.core.Result;
import io.netform.plan.Action;
import io.netform.plan.CheckResult;
import io.netform.plan.Plan;
import io.netform.plan.ResourceChange;
import io.netform.state.OutputState;
import io.netform.state.State;
import io.netform.value.CodecException;
import io.netform.value.CtyJson;
import io.netform.value.TypeJson;
import io.netform.value.Value;
import io.netform.wire.SchemaBlock;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Plan, apply, refresh and import for people, in Terraform's words and layout. */
final class HumanOperationView implements OperationView {

    /** What a command that waits for the state lock says, in Terraform's words (scripts look for them). */
    static final String LOCK_WAITING = "Acquiring state lock. This may take a few moments...";

    /** What a command says when releasing the state lock is slow, likewise. */
    static final String UNLOCK_WAITING = "Releasing state lock. This may take a few moments...";

    private final Ui ui;
    private final boolean compactWarnings;
    private final boolean inAutomation;

    HumanOperationView(Ui ui, boolean compactWarnings, boolean inAutomation) {
        this.ui = ui;
        this.compactWarnings = compactWarnings;
        this.inAutomation = inAutomation;
    }

    @Override
    public Ui ui() {
        return ui;
    }

    @Override
    public boolean diagnostics(Result<?> result) {
        return new DiagnosticPrinter(ui, result.sources(), null, compactWarnings).print(result.diagnostics())
                || result.failed();
    }

    @Override
    public void stateLockWaiting() {
        ui.out().println(LOCK_WAITING);
    }

    @Override
    public void stateUnlockWaiting() {
        ui.out().println(UNLOCK_WAITING);
    }

    @Override
    public void stateRecovered(String message) {
        ui.err().println(ui.yellow(message));
    }

    @Override
    public void warning(String message) {
        ui.err().println("Warning: " + message);
    }

    @Override
    public void plan(Plan plan, Function<ResourceChange, SchemaBlock> schemas) {
        PlanRenderer.print(plan, schemas, ui, ui.out());
    }

    @Override
    public void checks(List<CheckResult> checks, boolean planning) {
        ui.out().print(CheckResultsRenderer.render(checks, planning, ui));
    }

    /**
     * What to do with the plan, for a person at a terminal; automation (NETFORM_IN_AUTOMATION) runs its
     * own next step, so it is left out there, as Terraform does.
     */
    @Override
    public void planSaved(Path out, boolean hasChanges) {
        if (inAutomation || (out == null && !hasChanges)) {
            return;
        }
        String rule = "\n" + "\u2500".repeat(77) + "\n";
        if (out == null) {
            ui.out()
                    .print(rule + "\nNote: You didn't use the -out option to save this plan, so Netform can't "
                            + "guarantee to take exactly these actions if you run \"netform apply\" now.\n");
            return;
        }
        ui.out()
                .print(rule + "\nSaved the plan to: " + out + "\n\nTo perform exactly these actions, run the "
                        + "following command to apply:\n    netform apply \"" + out + "\"\n");
    }

    @Override
    public void unchanged(Plan plan, List<CheckResult> checks, State state) {
        checks(checks, false);
        outputs(state);
    }

    @Override
    public boolean approved(Plan.Mode mode) {
        ui.out().println();
        return switch (mode) {
            case DESTROY ->
                Confirmation.ask(
                        ui,
                        "Do you really want to destroy all resources?",
                        "  Netform will destroy all your managed infrastructure, as shown above.\n"
                                + "  There is no undo. Only 'yes' will be accepted to confirm.\n");
            case REFRESH_ONLY ->
                Confirmation.ask(
                        ui,
                        "Would you like to update the Netform state to reflect these detected changes?",
                        "  Netform will write these changes to the state without modifying any real infrastructure.\n"
                                + "  There is no undo. Only 'yes' will be accepted to confirm.\n");
            case NORMAL ->
                Confirmation.ask(
                        ui,
                        "Do you want to perform these actions?",
                        "  Netform will perform the actions described above.\n"
                                + "  Only 'yes' will be accepted to approve.\n");
        };
    }

    @Override
    public void cancelled(boolean destroying) {
        ui.err().println("\n" + ui.red(ui.bold("Error: ")) + (destroying ? "Destroy cancelled." : "Apply cancelled."));
    }

    @Override
    public ApplyView progress() {
        return new TextApplyView(ui);
    }

    @Override
    public void applying() {
        ui.out().println();
    }

    @Override
    public void applied(Plan plan, ApplyResult result, State state) {
        ui.out().println();
        ui.out().println(ui.green(ui.bold(summary(plan, result))));
        if (plan.mode() != Plan.Mode.DESTROY) {
            checks(result.checks(), false);
            outputs(state);
        }
    }

    /** The line that ends an apply or destroy, as Terraform words it. */
    static String summary(Plan plan, ApplyResult result) {
        if (plan.mode() == Plan.Mode.DESTROY) {
            return "Destroy complete! Resources: " + result.destroyed() + " destroyed.";
        }
        int imports = plan.adoptions().imports().size();
        return "Apply complete! Resources: " + (imports > 0 ? imports + " imported, " : "") + result.added()
                + " added, " + result.changed() + " changed, " + result.destroyed() + " destroyed.";
    }

    @Override
    public void nothingToRefresh() {
        ui.err()
                .println("\n" + ui.yellow(ui.bold("Warning: ")) + ui.bold("Empty or non-existent state")
                        + "\n\n  There are currently no remote objects tracked in the state, so there is nothing "
                        + "to refresh.");
    }

    @Override
    public void refreshed(List<ResourceChange> drift, State state) {
        for (var drifted : drift) {
            ui.out()
                    .println(drifted.address()
                            + (drifted.action() == Action.DELETE
                                    ? ": the remote object no longer exists; removed from the state"
                                    : ": changed outside Netform; the state now records the change"));
        }
        outputs(state);
    }

    @Override
    public void imported(ResourceInstance target, String id, String objectId) {
        ui.out().println(ui.bold(target + ": Importing from ID \"" + id + "\"..."));
        ui.out().println(ui.bold(target + ": Import prepared!"));
        ui.out().println("  Prepared " + target.resource().resource().type() + " for import");
        ui.out().println(ui.bold(target + ": Refreshing state... [id=" + objectId + "]"));
        ui.out()
                .println("\n" + ui.green(ui.bold("Import successful!")) + "\n\n"
                        + PlanRenderer.wrap("The resources that were imported are shown above. These resources are now "
                                + "in your Netform state and will henceforth be managed by Netform."));
    }

    /** The root outputs recorded in {@code state}, as apply prints them at its end. */
    void outputs(State state) {
        printOutputs(state, ui);
    }

    /** Prints the root outputs recorded in {@code state}. */
    static void printOutputs(State state, Ui ui) {
        Map<String, Value> values = new LinkedHashMap<>();
        Map<String, Boolean> sensitive = new LinkedHashMap<>();
        for (Map.Entry<String, OutputState> e : state.outputs().entrySet()) {
            try {
                values.put(
                        e.getKey(),
                        CtyJson.fromNode(
                                e.getValue().value(),
                                TypeJson.fromNode(e.getValue().type())));
                sensitive.put(e.getKey(), e.getValue().sensitive());
            } catch (CodecException ex) {
                ui.err().println("Warning: output " + e.getKey() + " cannot be shown: " + ex.getMessage());
            }
        }
        ui.out().print(OutputValues.render(values, sensitive, ui));
    }
}
