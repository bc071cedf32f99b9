package io.netform.cli;

import io.netform.addrs.AddressException;
import io.netform.addrs.AddressParser;
import io.netform.addrs.ResourceInstance;
import io.netform.state.State;
import io.netform.state.StateEdits;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code netform state rm ADDRESS...}: forgets objects without destroying them. */
@Command(name = "rm", description = "Remove instances from the state; the remote objects are left as they are.")
final class StateRmCommand implements Callable<Integer> {

    @ParentCommand
    private StateCommand parent;

    @Mixin
    private StateEditFlags flags;

    @Option(names = "-dry-run", description = "Only print what would be removed.")
    private boolean dryRun;

    @Parameters(
            arity = "1..*",
            paramLabel = "ADDRESS",
            description = "Resource, instance or module addresses " + "to remove from the state.")
    private List<String> addresses = new ArrayList<>();

    @Override
    public Integer call() {
        try (StateEditSession session = StateEditSession.open(parent.netform(), flags, "OperationTypeInvalid", true)) {
            if (session == null) {
                return 1;
            }
            State state = session.state();
            List<ResourceInstance> removed = new ArrayList<>();
            for (String address : addresses) {
                try {
                    StateEdits.Removed result = StateEdits.remove(state, AddressParser.parse(address));
                    state = result.state();
                    removed.addAll(result.removed());
                } catch (AddressException e) {
                    session.error("Error parsing instance address: " + address, e.getMessage());
                    return 1;
                } catch (StateEdits.EditException e) {
                    session.error(e.summary(), "Cannot remove " + address + ": " + e.getMessage());
                    return 1;
                }
            }
            Ui ui = session.ui();
            removed.forEach(r -> ui.out().println((dryRun ? "Would remove " : "Removed ") + r));
            if (dryRun) {
                ui.out().println("Would have removed " + removed.size() + " resource instance(s).");
                return 0;
            }
            if (!session.write(state)) {
                return 1;
            }
            ui.out().println(ui.green("Successfully removed " + removed.size() + " resource instance(s)."));
            return 0;
        }
    }
}
