package io.netform.cli;

import io.netform.core.Configuration;
import io.netform.core.Result;
import io.netform.graph.ConfigGraph;
import io.netform.graph.DotWriter;
import io.netform.graph.Node;
import io.netform.hcl.Diagnostic;
import io.netform.plan.Action;
import io.netform.plan.Plan;
import io.netform.plan.ResourceChange;
import io.netform.plan.SavedPlan;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code netform graph [-type=TYPE] [-plan=FILE]}: the configuration's (or a saved plan's) graph in Graphviz DOT. */
@Command(
        name = "graph",
        description = "Print the dependency graph of the configuration in DOT format, for "
                + "Graphviz (e.g. netform graph | dot -Tsvg > graph.svg).")
final class GraphCommand implements Callable<Integer> {

    private static final Set<String> TYPES = Set.of("plan", "apply", "validate", "plan-destroy", "destroy");

    @ParentCommand
    private NetformCommand netform;

    @Option(
            names = "-type",
            paramLabel = "TYPE",
            description = "plan, apply or validate (edges to dependencies), "
                    + "or plan-destroy or destroy (edges the way a destroy runs).")
    private String type = "plan";

    @Option(
            names = "-plan",
            paramLabel = "FILE",
            description = "Draw the graph of the changes in this saved plan "
                    + "(as apply would make them, from the configuration saved in it) instead of the whole configuration; "
                    + "implies -type=apply.")
    private Path plan;

    @Override
    public Integer call() {
        Ui ui = netform.ui();
        if (plan != null) {
            return drawPlan(ui);
        }
        if (!TYPES.contains(type)) {
            new DiagnosticPrinter(ui, Map.of())
                    .print(List.of(Diagnostic.error(
                            "Invalid graph type",
                            "The graph type \"" + type
                                    + "\" is not one of plan, apply, validate, plan-destroy, destroy.",
                            null)));
            return 1;
        }
        Optional<ConfigGraph> graph = load(netform, ui);
        graph.ifPresent(g -> ui.out().print(DotWriter.write(g, type.endsWith("destroy"))));
        return graph.isPresent() ? 0 : 1;
    }

    /**
     * The graph apply walks for a saved plan: the resources it changes, labelled with their address and
     * actions, edges the way the changes run (reversed for a destroy plan). The configuration is the one
     * the plan was made from, kept in the plan file, whatever the working directory holds now.
     */
    private int drawPlan(Ui ui) {
        Optional<SavedPlan> read = SavedPlans.read(netform, plan, ui);
        if (read.isEmpty()) {
            return 1;
        }
        SavedPlan saved = read.get();
        Optional<ConfigGraph> configuration = SavedPlans.configuration(netform, saved, ui);
        if (configuration.isEmpty()) {
            return 1;
        }
        ConfigGraph graph = configuration.get();
        Map<Node, Set<String>> actions = new HashMap<>();
        for (ResourceChange c : saved.plan().changes()) {
            if (c.action() != Action.NO_OP) {
                Node node = new Node.ResourceNode(
                        c.address().module().configPath(),
                        c.address().resource().resource());
                actions.computeIfAbsent(node, n -> new TreeSet<>())
                        .add(c.action().uiName());
            }
        }
        Map<Node, String> labels = new HashMap<>();
        actions.forEach((node, names) -> {
            if (graph.graph().containsVertex(node)) {
                labels.put(node, ((Node.ResourceNode) node).resource() + " (" + String.join(", ", names) + ")");
            }
        });
        ui.out().print(DotWriter.write(graph, saved.plan().mode() == Plan.Mode.DESTROY, labels));
        return 0;
    }

    /** The configuration graph of {@code netform}'s directory; empty after printing why there is none. */
    static Optional<ConfigGraph> load(NetformCommand netform, Ui ui) {
        return graphOf(netform.engine().load(netform.workingDir()), ui);
    }

    /** The graph of a configuration the engine loaded; empty after printing why there is none. */
    static Optional<ConfigGraph> graphOf(Result<Configuration> loaded, Ui ui) {
        if (new DiagnosticPrinter(ui, loaded.sources()).print(loaded.diagnostics()) || loaded.failed()) {
            return Optional.empty();
        }
        return Optional.of(loaded.value().graph());
    }
}
