package io.netform.cli;

import io.netform.hcl.FmtOptions;
import io.netform.hcl.FmtReport;
import io.netform.hcl.FmtRunner;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code netform fmt}: rewrites configuration files in the canonical style. */
@Command(name = "fmt", description = "Reformat your configuration in the standard style.")
final class FmtCommand implements Callable<Integer> {

    @ParentCommand
    private NetformCommand netform;

    @Option(
            names = "-check",
            description = "Check if the input is formatted. Exit status will be 0 if all input "
                    + "is properly formatted, 3 otherwise; no file is written.")
    private boolean check;

    @Option(names = "-diff", description = "Display diffs of formatting changes.")
    private boolean diff;

    @Option(names = "-recursive", description = "Also process files in subdirectories.")
    private boolean recursive;

    @Option(names = "-no-color", description = "Disable coloured output.")
    private boolean noColor;

    @Parameters(
            arity = "0..1",
            paramLabel = "PATH",
            description = "A file or directory (default: the working " + "directory).")
    private Path target;

    @Override
    public Integer call() {
        Ui ui = netform.ui();
        Path dir = netform.workingDir();
        FmtReport report =
                FmtRunner.run(target == null ? dir : dir.resolve(target), new FmtOptions(check, diff, recursive));
        for (FmtReport.FileOutcome f : report.changedFiles()) {
            ui.out().println(dir.relativize(f.path().toAbsolutePath().normalize()));
        }
        if (diff) {
            ui.out().print(report.diffs());
        }
        for (FmtReport.FileOutcome f : report.failedFiles()) {
            new DiagnosticPrinter(noColor ? ui.withoutColor() : ui, java.util.Map.of())
                    .print(f.result().diagnostics());
        }
        return report.exitCode();
    }
}
