package io.netform.cli;

import io.netform.hcl.Diagnostic;
import io.netform.moduletest.FileResult;
import io.netform.moduletest.RunResult;
import io.netform.moduletest.TestStatus;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** {@code netform test} for people: Terraform's progress lines, diagnostics as every command prints them. */
final class HumanTestView implements TestView {

    private final Ui ui;
    private final Map<String, String> sources;
    /** Renders a run's plan or state for -verbose; does nothing without it. */
    private final Consumer<RunResult> verbose;

    HumanTestView(Ui ui, Map<String, String> sources, Consumer<RunResult> verbose) {
        this.ui = ui;
        this.sources = sources;
        this.verbose = verbose;
    }

    @Override
    public void found(Map<String, List<String>> runsByFile) {}

    @Override
    public void diagnostics(List<Diagnostic> diagnostics) {
        new DiagnosticPrinter(ui, sources).print(diagnostics);
    }

    @Override
    public void fileStarted(String name) {
        ui.out().println(name + "... in progress");
    }

    @Override
    public void runCompleted(String file, RunResult run) {
        ui.out().println("  run \"" + run.name() + "\"... " + status(run.status()));
        verbose.accept(run);
        diagnostics(run.diagnostics());
    }

    @Override
    public void tearingDown(String name) {
        ui.out().println(name + "... tearing down");
    }

    @Override
    public void fileCompleted(FileResult file) {
        if (!file.leftBehind().isEmpty()) {
            ui.err()
                    .println("Netform encountered an error destroying resources created while executing " + file.name()
                            + ".");
        }
        diagnostics(file.cleanup());
        if (!file.leftBehind().isEmpty()) {
            StringBuilder text = new StringBuilder("\nNetform left the following resources in state after executing "
                    + file.name() + ", and they need to be cleaned up manually:\n");
            file.leftBehind().forEach(a -> text.append("  - ").append(a).append('\n'));
            ui.err().print(text);
        }
        // As Terraform's view: what the cleanup reported comes before the file's status, the file's own after it
        ui.out().println(file.name() + "... " + status(file.status()));
        diagnostics(file.diagnostics());
    }

    @Override
    public void conclusion(List<FileResult> files) {
        ui.out().println();
        ui.out().println(TestView.summary(files, ui::green, ui::red));
    }

    private String status(TestStatus status) {
        return switch (status) {
            case PASS -> ui.green(status.word());
            case FAIL, ERROR -> ui.red(status.word());
            default -> status.word();
        };
    }
}
