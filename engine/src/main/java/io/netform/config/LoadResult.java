package io.netform.config;

import io.netform.hcl.Diagnostic;
import java.util.List;
import java.util.Map;

/**
 * A loaded configuration (the root module with its children), what was wrong with it, and the text
 * of every file read (by the name diagnostics use), for showing source snippets.
 */
public record LoadResult(Module root, List<Diagnostic> diagnostics, Map<String, String> sources) {

    public LoadResult {
        diagnostics = List.copyOf(diagnostics);
        sources = Map.copyOf(sources);
    }

    /** Whether any diagnostic is an error. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
