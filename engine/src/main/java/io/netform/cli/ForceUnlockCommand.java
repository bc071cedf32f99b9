package io.netform.cli;

import io.netform.core.StateBackend;
import io.netform.hcl.Diagnostic;
import io.netform.state.SnapshotCodec;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code netform force-unlock [-force] LOCK_ID}: removes a state lock that no running command holds. */
@Command(name = "force-unlock", description = "Release a stuck lock on the current state.")
final class ForceUnlockCommand implements Callable<Integer> {

    @ParentCommand
    private NetformCommand netform;

    @Option(names = "-force", description = "Don't ask for input for unlock confirmation.")
    private boolean force;

    @Option(
            names = "-state",
            paramLabel = "PATH",
            description = "The state file whose lock to release (default "
                    + "terraform.tfstate, or the local backend's path).")
    private Path statePath;

    @Option(names = "-no-color", description = "Disable coloured output.")
    private boolean noColor;

    @Parameters(
            index = "0",
            paramLabel = "LOCK_ID",
            description = "The ID of the lock, as the error that " + "reported it showed.")
    private String lockId;

    @Override
    public Integer call() {
        Ui ui = noColor ? netform.ui().withoutColor() : netform.ui();
        if (!force && !confirmed(ui)) {
            ui.err().println("force-unlock cancelled.");
            return 1;
        }
        // Releasing a lock reads no state, so it needs no encryption configuration.
        try (StateBackend backend = Workspaces.backend(netform, statePath, SnapshotCodec.PLAIN)) {
            backend.forceUnlock(lockId);
        } catch (IllegalStateException | UncheckedIOException e) {
            new DiagnosticPrinter(ui, Map.of())
                    .print(List.of(Diagnostic.error("Failed to unlock state", e.getMessage(), null)));
            return 1;
        }
        ui.out()
                .println(ui.green(ui.bold("Netform state has been successfully unlocked!")) + "\n\n"
                        + ui.green("The state has been unlocked, and Netform commands should now be able to\n"
                                + "obtain a new lock on the remote state."));
        return 0;
    }

    private static boolean confirmed(Ui ui) {
        return Confirmation.ask(
                ui,
                "Do you really want to force-unlock?",
                "  Netform will remove the lock on the remote state (with the pg backend: end the\n"
                        + "  PostgreSQL session that holds it, which rolls back what it has not committed).\n"
                        + "  This will allow local Netform commands to modify this state, even though it\n"
                        + "  may still be in use. Only 'yes' will be accepted to confirm.\n");
    }
}
