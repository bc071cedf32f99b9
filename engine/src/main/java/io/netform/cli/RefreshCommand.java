package io.netform.cli;

import io.netform.plan.Action;
import io.netform.plan.OutputChange;
import io.netform.plan.Plan;
import io.netform.plan.PlanResult;
import io.netform.state.OutputState;
import io.netform.state.State;
import io.netform.state.StateChange;
import io.netform.state.WorkingState;
import io.netform.value.CodecException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code netform refresh}: reads every object in state from its provider and records what it found,
 * with the root outputs, changing nothing remote (Terraform's {@code apply -refresh-only -auto-approve}).
 */
@Command(name = "refresh", description = "Update the state to match the remote objects, without changing them.")
final class RefreshCommand implements Callable<Integer> {

    @ParentCommand
    private NetformCommand netform;

    @Mixin
    private OperationFlags flags;

    @Override
    public Integer call() {
        try (Operation op = new Operation(netform, flags)) {
            Ui ui = op.ui();
            if (!op.load() || op.lockAndRead("OperationTypeApply") == null) {
                return 1;
            }
            if (op.state().resources().isEmpty()) {
                ui.err().println("\n" + ui.yellow(ui.bold("Warning: ")) + ui.bold("Empty or non-existent state")
                        + "\n\n  There are currently no remote objects tracked in the state, so there is nothing "
                        + "to refresh.");
            }
            PlanResult planned = op.plan(Plan.Mode.REFRESH_ONLY);
            if (planned == null || planned.hasErrors()) {
                return 1;
            }
            WorkingState next = new WorkingState(planned.plan().priorState());
            for (OutputChange output : planned.plan().outputs().values()) {
                if (output.action() == Action.DELETE) {
                    next.apply(new StateChange.RemoveOutput(output.name()));
                } else if (output.after().isWhollyKnown() && output.action() != Action.NO_OP) {
                    try {
                        next.apply(new StateChange.PutOutput(output.name(), OutputState.of(output.after(),
                                output.sensitive())));
                    } catch (CodecException e) {
                        ui.err().println("Warning: output " + output.name() + " cannot be stored: " + e.getMessage());
                    }
                }
            }
            State written = op.write(next.snapshot());
            for (var drifted : planned.plan().drift()) {
                ui.out().println(drifted.address() + (drifted.action() == Action.DELETE
                        ? ": the remote object no longer exists; removed from the state"
                        : ": changed outside Netform; the state now records the change"));
            }
            ApplyCommand.printOutputs(written, ui);
            return 0;
        }
    }
}
