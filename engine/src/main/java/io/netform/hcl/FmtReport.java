package io.netform.hcl;

import java.nio.file.Path;
import java.util.List;

/** What {@code netform fmt} did to each file, and the exit code the CLI should return. */
public record FmtReport(FmtOptions options, List<FileOutcome> files) {

    /** Exit status for a syntax error in any file (such files are never rewritten). */
    public static final int EXIT_SYNTAX_ERROR = 2;
    /** Exit status of {@code -check} when some file is not in canonical format. */
    public static final int EXIT_NOT_FORMATTED = 3;

    /** One file: where it is, how formatting went, and whether the file was rewritten. */
    public record FileOutcome(Path path, FormatResult result, boolean written) {}

    /** Copies {@code files} so the report is immutable. */
    public FmtReport {
        files = List.copyOf(files);
    }

    /** The files whose formatting changes (rewritten unless {@code -check}). */
    public List<FileOutcome> changedFiles() {
        return files.stream()
                .filter(f -> !f.result().hasErrors() && f.result().changed())
                .toList();
    }

    /** The unified diffs of the changed files, concatenated, when {@code -diff} was asked for; else empty. */
    public String diffs() {
        if (!options.diff()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (FileOutcome file : changedFiles()) {
            out.append(file.result().diff());
        }
        return out.toString();
    }

    /** The files left alone because of syntax errors (or because they could not be read). */
    public List<FileOutcome> failedFiles() {
        return files.stream().filter(f -> f.result().hasErrors()).toList();
    }

    /** 2 when any file has syntax errors, else 3 when {@code -check} finds an unformatted file, else 0. */
    public int exitCode() {
        if (!failedFiles().isEmpty()) {
            return EXIT_SYNTAX_ERROR;
        }
        if (options.check() && !changedFiles().isEmpty()) {
            return EXIT_NOT_FORMATTED;
        }
        return 0;
    }
}
