package io.netform.cli;

import io.netform.hcl.Diagnostic;
import java.util.List;
import java.util.Map;

/**
 * The working directory's backend cannot be used (a block init has not seen, an unsupported type, a
 * database that cannot be reached); carries the diagnostics to show, and the files they point into.
 */
final class BackendUnavailable extends RuntimeException {

    private final transient List<Diagnostic> diagnostics;
    private final transient Map<String, String> sources;

    BackendUnavailable(List<Diagnostic> diagnostics, Map<String, String> sources) {
        super(diagnostics.isEmpty() ? "backend unavailable" : diagnostics.get(0).summary());
        this.diagnostics = List.copyOf(diagnostics);
        this.sources = Map.copyOf(sources);
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    Map<String, String> sources() {
        return sources;
    }
}
