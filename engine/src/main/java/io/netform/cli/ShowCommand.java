package io.netform.cli;

import io.netform.hcl.Diagnostic;
import io.netform.plan.PlanFile;
import io.netform.state.State;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code netform show [-json] [PATH]}: a saved plan, a state file or the current state, for people or
 * (with {@code -json}) for tools.
 */
@Command(name = "show", description = "Show a saved plan or the state in a human-readable form, or as JSON.")
final class ShowCommand implements Callable<Integer> {

    @ParentCommand
    private NetformCommand netform;

    @Option(
            names = "-json",
            description = "Print JSON: Terraform's plan representation (format 1.2) for a plan "
                    + "file, its state representation (format 1.0) otherwise.")
    private boolean json;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "PATH",
            description =
                    "A plan file written by " + "netform plan -out, or a state file (default: the current state).")
    private Path path;

    @Option(
            names = "-state",
            paramLabel = "PATH",
            description = "The state file to read (default " + "terraform.tfstate, or the local backend's path).")
    private Path statePath;

    @Option(names = "-no-color", description = "Disable coloured output.")
    private boolean noColor;

    @Override
    public Integer call() {
        Ui ui = noColor ? netform.ui().withoutColor() : netform.ui();
        ShowView view = ShowView.of(netform, ui, json);
        if (path != null
                && !java.nio.file.Files.isRegularFile(netform.workingDir().resolve(path))) {
            new DiagnosticPrinter(ui, Map.of())
                    .print(List.of(Diagnostic.error(
                            "Failed to read the given file as " + "a state or plan file",
                            "The file " + path + " does not exist.",
                            null)));
            return 1;
        }
        if (path != null && PlanFile.isPlanFile(netform.workingDir().resolve(path))) {
            return SavedPlans.read(netform, path, ui).map(view::plan).orElse(1);
        }
        StateSnapshot snapshot =
                path != null ? StateSnapshot.ofFile(netform, path, ui) : StateSnapshot.of(netform, statePath, ui);
        State state = snapshot.read();
        return state == null ? 1 : view.state(state, snapshot);
    }
}
