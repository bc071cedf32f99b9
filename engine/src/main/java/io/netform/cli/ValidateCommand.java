package io.netform.cli;

import io.netform.config.TestFiles;
import io.netform.core.Configuration;
import io.netform.core.Result;
import io.netform.hcl.Diagnostic;
import io.netform.moduletest.OverrideTargets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code netform validate}: checks the configuration, and each resource and data block against its
 * provider's schema, without reading variables or state and without configuring providers; and the
 * test files, unless {@code -no-tests}.
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

    @Option(
            names = "-test-directory",
            paramLabel = "DIR",
            description = "Set the directory of the test files to check (default \"tests\"), relative to the module.")
    private String testDirectory = "tests";

    @Option(names = "-no-tests", description = "Do not check the module's test files.")
    private boolean noTests;

    @Override
    public Integer call() {
        Ui ui = noColor ? netform.ui().withoutColor() : netform.ui();
        Result<Configuration> validated = netform.engine().validate(netform.workingDir());
        if (!noTests) {
            // As terraform validate does, the test files' own errors make the module invalid.
            TestFiles tests = TestFiles.load(netform.workingDir(), testDirectory);
            List<Diagnostic> diagnostics = new ArrayList<>(validated.diagnostics());
            diagnostics.addAll(tests.diagnostics());
            diagnostics.addAll(OverrideTargets.unused(tests, netform.workingDir()));
            Map<String, String> sources = new HashMap<>(validated.sources());
            sources.putAll(tests.sources());
            validated = new Result<>(validated.value(), diagnostics, sources);
        }
        return ValidateView.of(ui, json).show(validated);
    }
}
