package io.netform.cli;

import io.netform.config.ModuleLoader;
import io.netform.config.TestFile;
import io.netform.config.TestFiles;
import io.netform.config.VariableInputs;
import io.netform.hcl.Diagnostic;
import io.netform.moduletest.FileResult;
import io.netform.moduletest.TestRunner;
import io.netform.moduletest.TestStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code netform test}: runs the module's test files ({@code *.tftest.hcl}, {@code *.tftest.json}) in the module
 * directory and the test directory, as {@code terraform test} does; exit 0 when every run passes, 1 otherwise.
 */
@Command(name = "test", description = "Execute integration tests for Netform modules.")
final class TestCommand implements Callable<Integer> {

    @ParentCommand
    private NetformCommand netform;

    private final List<VariableInputs.Argument> variables = new ArrayList<>();

    @Option(
            names = "-test-directory",
            paramLabel = "DIR",
            description = "Set the test directory (default \"tests\"), relative to the module under test.")
    private String testDirectory = "tests";

    @Option(
            names = "-filter",
            paramLabel = "FILE",
            description = "Run only this test file, given by its path from the module directory. Use this option "
                    + "more than once to run more than one.")
    private List<String> filter = new ArrayList<>();

    @Option(
            names = "-var",
            paramLabel = "NAME=VALUE",
            description = "Set a value for one of the root module's input variables. Use this option more than once "
                    + "to set more than one variable.")
    void addVariable(String assignment) {
        variables.add(new VariableInputs.Assignment(assignment));
    }

    @Option(
            names = "-var-file",
            paramLabel = "FILE",
            description =
                    "Load variable values from the given file, in addition to terraform.tfvars and " + "*.auto.tfvars.")
    void addVariableFile(Path file) {
        variables.add(new VariableInputs.VarFile(file));
    }

    @Option(names = "-verbose", description = "Print the plan or state of each run block as it executes.")
    private boolean verbose;

    @Option(names = "-json", description = "Print machine-readable output (Terraform's test_* messages).")
    private boolean json;

    @Option(
            names = "-junit-xml",
            paramLabel = "FILE",
            description = "Also write a JUnit XML report of the test results to this file.")
    private Path junitXml;

    @Option(names = "-no-color", description = "Disable coloured output.")
    private boolean noColor;

    @Override
    public Integer call() {
        Path dir = netform.workingDir();
        Ui ui = noColor ? netform.ui().withoutColor() : netform.ui();
        Map<String, String> sources = new HashMap<>(ModuleLoader.load(dir).sources());
        TestFiles found = TestFiles.load(dir, testDirectory, name -> filter.isEmpty() || filter.contains(name));
        sources.putAll(found.sources());
        Map<String, TestFile> files = found.files();
        List<Diagnostic> problems = found.diagnostics();
        TestView view = json
                ? new JsonTestView(
                        new JsonUiStream(ui.out(), Clock.systemUTC()),
                        sources,
                        verbose ? state -> StateSchemas.load(netform, state, ui) : null)
                : new HumanTestView(ui, sources, new VerboseRuns(netform, ui, verbose));
        if (problems.stream().anyMatch(Diagnostic::isError)) {
            view.diagnostics(problems);
            return 1;
        }
        view.diagnostics(problems);
        Map<String, List<String>> runs = new LinkedHashMap<>();
        files.forEach((name, f) ->
                runs.put(name, f.runs().stream().map(TestFile.Run::name).toList()));
        view.found(runs);
        List<FileResult> results = new ArrayList<>();
        try (InterruptHandler interrupt = new InterruptHandler(ui)) {
            TestRunner runner =
                    new TestRunner(netform.engine(), dir, netform.env(), variables, view, interrupt.cancellation());
            files.forEach((name, f) -> results.add(runner.run(f, sources.get(name))));
        }
        view.conclusion(results);
        if (junitXml != null && !writeReport(view, dir.resolve(junitXml), results)) {
            return 1;
        }
        TestStatus status = TestView.status(results);
        return status.compareTo(TestStatus.PASS) <= 0 ? 0 : 1;
    }

    private static boolean writeReport(TestView view, Path file, List<FileResult> results) {
        try {
            Files.writeString(file, JUnitReport.of(results));
            return true;
        } catch (IOException e) {
            view.diagnostics(List.of(Diagnostic.error(
                    "Failed to write JUnit XML report", "Could not write " + file + ": " + e.getMessage(), null)));
            return false;
        }
    }
}
