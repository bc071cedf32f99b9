package io.netform.graph;

import io.netform.hcl.Diagnostic;
import java.util.List;

/**
 * What building the configuration graph gave: the graph, or null when a reference is wrong or
 * declarations depend on each other in a circle, with the diagnostics that say so.
 */
public record GraphResult(ConfigGraph graph, List<Diagnostic> diagnostics) {

    public GraphResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** Whether no graph could be built; the diagnostics say why. */
    public boolean failed() {
        return graph == null;
    }

    /** The graph, its diagnostics added to {@code into}, for callers that gather those of several steps. */
    public ConfigGraph into(List<Diagnostic> into) {
        into.addAll(diagnostics);
        return graph;
    }
}
