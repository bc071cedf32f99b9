package io.netform.cli;

import io.netform.addrs.AddressException;
import io.netform.addrs.AddressParser;
import io.netform.addrs.ResourceInstance;
import io.netform.state.InstanceObject;
import io.netform.state.ResourceState;
import io.netform.state.State;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code netform state list [-id=ID] [ADDRESS...]}: the address of every resource instance in state. */
@Command(
        name = "list",
        description = "List the resource instances in the state, optionally only those under " + "the given addresses.")
final class StateListCommand implements Callable<Integer> {

    @ParentCommand
    private StateCommand state;

    @Option(
            names = "-state",
            paramLabel = "PATH",
            description = "The state file to read (default " + "terraform.tfstate, or the local backend's path).")
    private Path statePath;

    @Option(names = "-id", paramLabel = "ID", description = "List only the instances whose id attribute is ID.")
    private String id;

    @Parameters(
            paramLabel = "ADDRESS",
            description = "Resource, instance or module addresses to list the " + "instances of.")
    private List<String> addresses = new ArrayList<>();

    @Override
    public Integer call() {
        Ui ui = state.netform().ui();
        StateSnapshot snapshot = StateSnapshot.of(state.netform(), statePath, ui);
        List<AddressParser.Target> targets = new ArrayList<>();
        for (String address : addresses) {
            try {
                targets.add(AddressParser.parse(address));
            } catch (AddressException e) {
                snapshot.error("Error parsing instance address: " + address, e.getMessage());
                return 1;
            }
        }
        if (!snapshot.exists()) {
            snapshot.error("No state file was found!", StateShowCommand.NO_STATE_DETAIL);
            return 1;
        }
        State read = snapshot.read();
        if (read == null) {
            return 1;
        }
        for (ResourceState resource : read.resources().values()) {
            for (InstanceObject object : resource.instances()) {
                ResourceInstance instance = resource.address().instance(object.key());
                if (object.isCurrent() && selected(instance, object, targets)) {
                    ui.out().println(instance);
                }
            }
        }
        return 0;
    }

    private boolean selected(ResourceInstance instance, InstanceObject object, List<AddressParser.Target> targets) {
        if (id != null && !id.equals(object.attributes().path("id").asText(null))) {
            return false;
        }
        return targets.isEmpty() || targets.stream().anyMatch(t -> t.covers(instance));
    }
}
