package io.netform.cli;

import io.netform.apply.ApplyResult;
import io.netform.plan.Plan;
import io.netform.plan.PlanResult;
import io.netform.state.OutputState;
import io.netform.value.CodecException;
import io.netform.value.CtyJson;
import io.netform.value.TypeJson;
import io.netform.value.Value;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

    @Override
    public Integer call() {
        try (Operation op = new Operation(netform, flags)) {
            Ui ui = op.ui();
            if (!op.load() || op.lockAndRead("OperationTypeApply") == null) {
                return 1;
            }
            PlanResult planned = op.plan(destroy ? Plan.Mode.DESTROY : Plan.Mode.NORMAL);
            if (planned == null || planned.hasErrors()) {
                return 1;
            }
            Plan plan = planned.plan();
            ui.out().print(PlanRenderer.render(plan, op::schemaOf, ui));
            if (!plan.hasChanges() && !destroy) {
                ui.out().print(CheckResultsRenderer.render(planned.checks(), false, ui));
                printOutputs(op, ui);
                return 0;
            }
            if (!autoApprove && !approved(ui)) {
                ui.err().println("\n" + ui.red(ui.bold("Error: ")) + (destroy ? "Destroy cancelled." : "Apply cancelled."));
                return 1;
            }
            ApplyResult result;
            try (ApplyProgress progress = new ApplyProgress(ui)) {
                ui.out().println();
                result = op.apply(plan, progress);
            }
            if (result.hasErrors()) {
                return 1;
            }
            ui.out().println();
            if (destroy) {
                ui.out().println(ui.green(ui.bold("Destroy complete! Resources: " + result.destroyed()
                        + " destroyed.")));
            } else {
                ui.out().println(ui.green(ui.bold("Apply complete! Resources: " + result.added() + " added, "
                        + result.changed() + " changed, " + result.destroyed() + " destroyed.")));
                ui.out().print(CheckResultsRenderer.render(result.checks(), false, ui));
                printOutputs(op, ui);
            }
            return 0;
        }
    }

    private boolean approved(Ui ui) {
        ui.out().print("\n" + ui.bold(destroy ? "Do you really want to destroy all resources?"
                : "Do you want to perform these actions?") + "\n"
                + (destroy ? "  Netform will destroy all your managed infrastructure, as shown above.\n"
                        + "  There is no undo. Only 'yes' will be accepted to confirm.\n"
                        : "  Netform will perform the actions described above.\n"
                        + "  Only 'yes' will be accepted to approve.\n")
                + "\n  " + ui.bold("Enter a value:") + " ");
        ui.out().flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return "yes".equals(answer == null ? null : answer.strip());
        } catch (IOException e) {
            return false;
        }
    }

    private static void printOutputs(Operation op, Ui ui) {
        Map<String, Value> values = new LinkedHashMap<>();
        Map<String, Boolean> sensitive = new LinkedHashMap<>();
        for (Map.Entry<String, OutputState> e : op.state().outputs().entrySet()) {
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
