package io.netform.moduletest;

import io.netform.hcl.Diagnostic;
import java.util.List;

/**
 * What one test file came to: its runs, what the file itself reported (its variables, override blocks that
 * target nothing), what its cleanup reported, and the addresses its cleanup could not destroy.
 */
public record FileResult(
        String name,
        TestStatus status,
        List<RunResult> runs,
        List<Diagnostic> diagnostics,
        List<Diagnostic> cleanup,
        List<LeftBehind> leftBehind) {

    public FileResult {
        runs = List.copyOf(runs);
        diagnostics = List.copyOf(diagnostics);
        cleanup = List.copyOf(cleanup);
        leftBehind = List.copyOf(leftBehind);
    }
}
