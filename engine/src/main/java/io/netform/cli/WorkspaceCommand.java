package io.netform.cli;

import io.netform.core.StateBackend;
import io.netform.hcl.Diagnostic;
import io.netform.state.SnapshotCodec;
import io.netform.state.State;
import io.netform.state.StateFormatException;
import io.netform.state.StateLockedException;
import io.netform.state.encryption.Encryption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code netform workspace}: list, show, create, select and delete workspaces, each with its own state. */
@Command(
        name = "workspace",
        description = "Manage workspaces: each keeps its own state of the same configuration.",
        synopsisSubcommandLabel = "COMMAND")
final class WorkspaceCommand implements Runnable {

    @ParentCommand
    private NetformCommand netform;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                new picocli.CommandLine(this), "a subcommand is required: new, select, list, show or delete");
    }

    @Command(name = "list", description = "List the workspaces; the current one is marked with *.")
    int list() {
        // Lists names only: no state is read, so none needs the encryption configuration.
        Workspaces workspaces = Workspaces.of(netform, SnapshotCodec.PLAIN);
        String current = workspaces.current();
        StringBuilder out = new StringBuilder();
        for (String name : workspaces.list()) {
            out.append(name.equals(current) ? "* " : "  ").append(name).append('\n');
        }
        if (!workspaces.list().contains(current)) {
            out.append("* ").append(current).append(" (no state yet)\n");
        }
        netform.ui().out().println(out);
        if (workspaces.overridingVariable() != null) {
            netform.ui()
                    .out()
                    .println("The current workspace is set by the " + workspaces.overridingVariable()
                            + " environment variable.");
        }
        return 0;
    }

    @Command(name = "show", description = "Print the name of the current workspace.")
    int show() {
        netform.ui().out().println(Workspaces.of(netform, SnapshotCodec.PLAIN).current());
        return 0;
    }

    @Command(name = "new", description = "Create a workspace and switch to it.")
    int create(
            @Parameters(paramLabel = "NAME", description = "The new workspace's name.") String name,
            @Option(
                            names = "-state",
                            paramLabel = "PATH",
                            description = "Copy this state file into the new " + "workspace.")
                    Path copyFrom) {
        Workspaces workspaces = Workspaces.of(netform, SnapshotCodec.PLAIN);
        String variable = workspaces.overridingVariable();
        if (variable != null && !workspaces.current().equals(name)) {
            return error(
                    "Workspace overridden",
                    "The current workspace is set by the " + variable
                            + " environment variable, so a new workspace cannot be selected. Unset it, or set it to \""
                            + name + "\", and run this command again.");
        }
        if (!Workspaces.isValidName(name)) {
            return invalidName(name);
        }
        if (workspaces.exists(name)) {
            return error(
                    "Workspace \"" + name + "\" already exists", "Select it with: netform workspace select " + name);
        }
        State copied = null;
        if (copyFrom != null) {
            StateSnapshot source = StateSnapshot.ofFile(netform, copyFrom, netform.ui());
            copied = source.exists() ? source.read() : null;
            if (copied == null) {
                return error("Cannot copy state", "The state file " + source.describe() + " could not be read.");
            }
        }
        // A workspace that gets state (a copy, or the pg backend's row) stores it as the configuration's
        // encryption says.
        if (copied != null || !workspaces.backend().type().equals("local")) {
            workspaces = encrypted();
            if (workspaces == null) {
                return 1;
            }
        }
        workspaces.create(name);
        if (copied != null) {
            try (StateBackend state = workspaces.state(name);
                    StateBackend.Lock lock = state.lock("OperationTypeInvalid", BuildInfo.version(), Duration.ZERO)) {
                state.read(BuildInfo.version());
                state.write(copied);
            }
        }
        if (variable == null) {
            workspaces.select(name);
        }
        Ui ui = netform.ui();
        ui.out()
                .println(ui.green(ui.bold("Created and switched to workspace \"" + name + "\"!")) + "\n\n"
                        + "You're now on a new, empty workspace. Workspaces keep their states apart, so \"netform plan\" "
                        + "will not see the state of any other workspace of this configuration.");
        return 0;
    }

    @Command(name = "select", description = "Switch to another workspace.")
    int select(
            @Parameters(paramLabel = "NAME", description = "The workspace to switch to.") String name,
            @Option(names = "-or-create", description = "Create the workspace if it does not exist.")
                    boolean orCreate) {
        Workspaces workspaces = Workspaces.of(netform, SnapshotCodec.PLAIN);
        String variable = workspaces.overridingVariable();
        if (variable != null) {
            return error(
                    "Workspace overridden",
                    "The current workspace is set by the " + variable
                            + " environment variable. To select another one, change or unset that variable.");
        }
        if (!Workspaces.isValidName(name)) {
            return invalidName(name);
        }
        if (name.equals(workspaces.current())) {
            netform.ui().out().println("You're already on workspace \"" + name + "\".");
            return 0;
        }
        if (!workspaces.exists(name)) {
            if (!orCreate) {
                return error(
                        "Workspace \"" + name + "\" doesn't exist",
                        "Create it with \"netform workspace new " + name + "\", or add -or-create to this command.");
            }
            Workspaces created = workspaces.backend().type().equals("local") ? workspaces : encrypted();
            if (created == null) {
                return 1;
            }
            created.create(name);
        }
        workspaces.select(name);
        netform.ui().out().println(netform.ui().green("Switched to workspace \"" + name + "\"."));
        return 0;
    }

    @Command(name = "delete", description = "Delete a workspace and its state.")
    int delete(
            @Parameters(paramLabel = "NAME", description = "The workspace to delete.") String name,
            @Option(
                            names = "-force",
                            description = "Delete it even when its state still tracks objects (they are "
                                    + "left as they are, and Netform forgets them).")
                    boolean force) {
        Workspaces workspaces = encrypted();
        if (workspaces == null) {
            return 1;
        }
        if (name.equals(Workspaces.DEFAULT)) {
            return error("Cannot delete the default workspace", "The default workspace always exists.");
        }
        if (!workspaces.exists(name)) {
            return error(
                    "Workspace \"" + name + "\" doesn't exist",
                    "The workspaces are: " + String.join(", ", workspaces.list()) + ".");
        }
        if (name.equals(workspaces.current())) {
            return error(
                    "Workspace \"" + name + "\" is your active workspace",
                    "You cannot delete the current " + "workspace. Switch to another one and try again.");
        }
        try (StateBackend backend = workspaces.state(name);
                StateBackend.Lock lock = backend.lock("OperationTypeInvalid", BuildInfo.version(), Duration.ZERO)) {
            State state = backend.read(BuildInfo.version()).state();
            if (!force && !state.resources().isEmpty()) {
                return error(
                        "Workspace is not empty",
                        "Workspace \"" + name + "\" still tracks these objects:\n"
                                + tracked(state)
                                + "\nDeleting it would make Netform forget them while they go on existing. "
                                + "Destroy them first (netform workspace select " + name
                                + " && netform destroy), or delete "
                                + "it with -force to forget them anyway.");
            }
        } catch (StateLockedException e) {
            return error("Workspace is locked", e.getMessage());
        } catch (StateFormatException e) {
            return error("Failed to load state", e.getMessage());
        }
        workspaces.delete(name);
        netform.ui().out().println(netform.ui().green("Deleted workspace \"" + name + "\"!"));
        return 0;
    }

    /**
     * The workspaces, their states stored as the configuration's encryption says, for a subcommand that
     * reads or writes state; null after printing why the encryption configuration is not valid.
     */
    private Workspaces encrypted() {
        Encryption encryption = netform.encryption(netform.ui());
        return encryption == null ? null : Workspaces.of(netform, new SnapshotCodec(encryption.state()));
    }

    private static String tracked(State state) {
        StringBuilder out = new StringBuilder();
        for (var resource : state.resourceStates()) {
            resource.instances().stream()
                    .filter(o -> o.deposed() == null)
                    .forEach(o -> out.append("  - ")
                            .append(resource.address().instance(o.key()))
                            .append('\n'));
        }
        return out.toString();
    }

    private int invalidName(String name) {
        return error(
                "Invalid workspace name",
                "The workspace name \"" + name + "\" is not allowed: it may only "
                        + "contain characters that are safe in a URL, and no path separators.");
    }

    private int error(String summary, String detail) {
        new DiagnosticPrinter(netform.ui(), Map.of()).print(List.of(Diagnostic.error(summary, detail, null)));
        return 1;
    }
}
