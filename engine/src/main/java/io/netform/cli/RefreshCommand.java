package io.netform.cli;

import io.netform.core.Result;
import io.netform.core.Session;
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
            Result<Session.Refreshed> refreshed = session.refresh();
            if (view.diagnostics(refreshed)) {
                return 1;
            }
            refreshed.value().unstored().forEach(view::warning);
            view.refreshed(refreshed.value().drift(), refreshed.value().state());
            return 0;
        }
    }
}
