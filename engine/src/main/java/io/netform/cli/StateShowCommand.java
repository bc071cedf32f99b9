package io.netform.cli;

import io.netform.addrs.AddressException;
import io.netform.addrs.AddressParser;
import io.netform.addrs.ResourceInstance;
import io.netform.state.InstanceObject;
import io.netform.state.ResourceState;
import io.netform.state.State;
import io.netform.value.CodecException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code netform state show ADDRESS}: the attributes of one resource instance in state. */
@Command(name = "show", description = "Show the attributes of one resource instance in the state.")
final class StateShowCommand implements Callable<Integer> {

    /** What Terraform tells a user who runs a state command where there is no state. */
    static final String NO_STATE_DETAIL = "State management commands require a state file. Run this command in a "
            + "directory where Netform has been run or use the -state flag to point the command to another state "
            + "file.";

    @ParentCommand
    private StateCommand state;

    @Option(
            names = "-state",
            paramLabel = "PATH",
            description = "The state file to read (default " + "terraform.tfstate, or the local backend's path).")
    private Path statePath;

    @Option(names = "-no-color", description = "Disable coloured output.")
    private boolean noColor;

    @Parameters(index = "0", paramLabel = "ADDRESS", description = "The resource instance to show.")
    private String address;

    @Override
    public Integer call() {
        Ui ui = noColor ? state.netform().ui().withoutColor() : state.netform().ui();
        StateSnapshot snapshot = StateSnapshot.of(state.netform(), statePath, ui);
        ResourceInstance instance;
        try {
            instance = AddressParser.parseInstance(address);
        } catch (AddressException e) {
            snapshot.error(
                    "Error parsing instance address: " + address,
                    e.getMessage() + "\n\nThis command "
                            + "requires that the address references one specific instance.");
            return 1;
        }
        if (!snapshot.exists()) {
            snapshot.error("No state file was found!", NO_STATE_DETAIL);
            return 1;
        }
        State read = snapshot.read();
        if (read == null) {
            return 1;
        }
        Optional<InstanceObject> object = read.current(instance);
        ResourceState resource = read.resources().get(instance.resource());
        if (object.isEmpty()) {
            snapshot.error(
                    "No instance found for the given address!",
                    "This command requires that the address "
                            + "references one specific instance. To view the available instances, use \"netform state "
                            + "list\". Please modify the address to reference a specific instance.");
            return 1;
        }
        try {
            ui.out()
                    .print(new StateObjectRenderer(ui, StateSchemas.load(state.netform(), read, ui))
                            .render(instance, resource.provider().source(), object.get()));
        } catch (CodecException e) {
            snapshot.error("Failed to read " + instance + " from state", e.getMessage());
            return 1;
        }
        return 0;
    }
}
