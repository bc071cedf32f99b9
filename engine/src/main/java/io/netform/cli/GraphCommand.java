package io.netform.cli;

import io.netform.config.LoadResult;
import io.netform.config.ModuleLoader;
import io.netform.graph.ConfigGraph;
import io.netform.graph.ConfigGraphBuilder;
import io.netform.graph.CycleException;
import io.netform.graph.DotWriter;
import io.netform.hcl.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code netform graph [-type=TYPE]}: the configuration's dependency graph in Graphviz DOT. */
@Command(name = "graph", description = "Print the dependency graph of the configuration in DOT format, for "
        + "Graphviz (e.g. netform graph | dot -Tsvg > graph.svg).")
final class GraphCommand implements Callable<Integer> {

    private static final Set<String> TYPES = Set.of("plan", "apply", "validate", "plan-destroy", "destroy");

    @ParentCommand
    private NetformCommand netform;

    @Option(names = "-type", paramLabel = "TYPE", description = "plan, apply or validate (edges to dependencies), "
            + "or plan-destroy (edges the way a destroy runs).")
    private String type = "plan";

    @Override
    public Integer call() {
        Ui ui = netform.ui();
        if (!TYPES.contains(type)) {
            new DiagnosticPrinter(ui, java.util.Map.of()).print(List.of(Diagnostic.error("Invalid graph type",
                    "The graph type \"" + type + "\" is not one of plan, apply, validate, plan-destroy.", null)));
            return 1;
        }
        ConfigGraph graph = load(netform, ui);
        if (graph == null) {
            return 1;
        }
        ui.out().print(DotWriter.write(graph, type.endsWith("destroy")));
        return 0;
    }

    /** The configuration graph of {@code netform}'s directory, or null after printing why there is none. */
    static ConfigGraph load(NetformCommand netform, Ui ui) {
        LoadResult loaded = ModuleLoader.load(netform.workingDir());
        DiagnosticPrinter printer = new DiagnosticPrinter(ui, loaded.sources());
        if (printer.print(loaded.diagnostics())) {
            return null;
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        ConfigGraph graph = null;
        try {
            graph = ConfigGraphBuilder.build(loaded.root(), diagnostics);
        } catch (CycleException e) {
            diagnostics.add(Diagnostic.error("Cycle in the configuration", e.getMessage(), null));
        }
        return printer.print(diagnostics) ? null : graph;
    }
}
