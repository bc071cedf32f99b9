package io.netform.cli;

import io.netform.core.Result;
import io.netform.core.Session;
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
        try (CommandSession command = new CommandSession(netform, flags)) {
            OperationView view = command.view();
            Session session = command.session();
            if (!command.start("OperationTypeApply")) {
                return 1;
            }
            if (session.state().resources().isEmpty()) {
                view.nothingToRefresh();
            }
            Result<PlanResult> planned = session.plan(Plan.Mode.REFRESH_ONLY);
            if (view.diagnostics(planned) || planned.value().hasErrors()) {
                return 1;
            }
            WorkingState next = new WorkingState(planned.value().plan().priorState());
            for (OutputChange output : planned.value().plan().outputs().values()) {
                if (output.action() == Action.DELETE) {
                    next.apply(new StateChange.RemoveOutput(output.name()));
                } else if (output.after().isWhollyKnown() && output.action() != Action.NO_OP) {
                    try {
                        next.apply(new StateChange.PutOutput(output.name(), OutputState.of(output.after(),
                                output.sensitive())));
                    } catch (CodecException e) {
                        view.warning("output " + output.name() + " cannot be stored: " + e.getMessage());
                    }
                }
            }
            State written = session.write(next.snapshot());
            view.refreshed(planned.value().plan().drift(), written);
            return 0;
        }
    }
}
