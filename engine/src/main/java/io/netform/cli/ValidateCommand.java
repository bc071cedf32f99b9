package io.netform.cli;

import io.netform.config.LoadResult;
import io.netform.config.ModuleLoader;
import io.netform.graph.ConfigGraphBuilder;
import io.netform.graph.CycleException;
import io.netform.hcl.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code netform validate}: checks the configuration without reading state or calling providers. */
@Command(name = "validate", description = "Check whether the configuration is valid.")
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    private NetformCommand netform;

    @Option(names = "-no-color", description = "Disable coloured output.")
    private boolean noColor;

    @Override
    public Integer call() {
        Ui ui = noColor ? netform.ui().withoutColor() : netform.ui();
        LoadResult loaded = ModuleLoader.load(netform.workingDir());
        List<Diagnostic> diagnostics = new ArrayList<>(loaded.diagnostics());
        if (!loaded.hasErrors()) {
            try {
                ConfigGraphBuilder.build(loaded.root(), diagnostics);
            } catch (CycleException e) {
                diagnostics.add(Diagnostic.error("Cycle in the configuration", e.getMessage(), null));
            }
        }
        if (new DiagnosticPrinter(ui, loaded.sources()).print(diagnostics)) {
            return 1;
        }
        ui.out().println(ui.green(ui.bold("Success!")) + " The configuration is valid.");
        return 0;
    }
}
