package io.netform.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code netform validate}: checks the configuration, and each resource and data block against its
 * provider's schema, without reading variables or state and without configuring providers.
 */
@Command(name = "validate", description = "Check whether the configuration is valid.")
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    private NetformCommand netform;

    @Option(names = "-no-color", description = "Disable coloured output.")
    private boolean noColor;

    @Option(
            names = "-json",
            description = "Print the result as JSON (Terraform's validate format 1.0), for " + "editors and CI.")
    private boolean json;

    @Override
    public Integer call() {
        Ui ui = noColor ? netform.ui().withoutColor() : netform.ui();
        return ValidateView.of(ui, json).show(netform.engine().validate(netform.workingDir()));
    }
}
