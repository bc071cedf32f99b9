package io.netform.config;

import io.netform.hcl.Diagnostic;
import java.util.List;

/** A loaded configuration (the root module with its children) and what was wrong with it. */
public record LoadResult(Module root, List<Diagnostic> diagnostics) {

    public LoadResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** Whether any diagnostic is an error. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
