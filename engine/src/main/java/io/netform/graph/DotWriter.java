package io.netform.graph;

import io.netform.graph.Node.ProviderNode;
import io.netform.graph.Node.ResourceNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A configuration graph as Graphviz DOT, for {@code netform graph}: resources labelled by address, each
 * module's resources in a cluster, provider configurations as ellipses, and an edge from each resource
 * to what it depends on (through variables, locals, outputs and module calls, which are not drawn).
 */
public final class DotWriter {

    private DotWriter() {}

    /** The graph as DOT; with {@code reversed}, edges point the way a destroy runs. */
    public static String write(ConfigGraph graph, boolean reversed) {
        Map<Node, String> labels = new HashMap<>();
        for (Node n : graph.graph().vertexSet()) {
            if (n instanceof ResourceNode r) {
                labels.put(n, r.resource().toString());
            } else if (n instanceof ProviderNode) {
                labels.put(n, n.address());
            }
        }
        return write(graph, reversed, labels);
    }

    /**
     * The graph as DOT with only the nodes {@code labels} names, each with its label, and the provider
     * configurations they use; an edge joins two drawn nodes when one depends on the other, directly or
     * through what is not drawn.
     */
    public static String write(ConfigGraph graph, boolean reversed, Map<Node, String> labels) {
        Map<List<String>, List<Node>> byModule =
                new TreeMap<>((a, b) -> String.join(".", a).compareTo(String.join(".", b)));
        Set<String> edges = new TreeSet<>();
        Set<Node> shown = new HashSet<>(labels.keySet());
        Predicate<Node> drawn = n -> labels.containsKey(n) || n instanceof ProviderNode;
        for (Node n : labels.keySet()) {
            for (Node dependency : drawnDependencies(graph, n, drawn)) {
                shown.add(dependency);
                edges.add(
                        reversed
                                ? quote(dependency.address()) + " -> " + quote(n.address())
                                : quote(n.address()) + " -> " + quote(dependency.address()));
            }
        }
        shown.forEach(
                n -> byModule.computeIfAbsent(n.path(), p -> new ArrayList<>()).add(n));
        StringBuilder out =
                new StringBuilder("digraph {\n  compound = \"true\"\n  newrank = \"true\"\n" + "  rankdir = \"RL\"\n");
        byModule.forEach((path, nodes) -> {
            String indent = path.isEmpty() ? "  " : "    ";
            if (!path.isEmpty()) {
                String name = "module." + String.join(".module.", path);
                out.append("  subgraph ")
                        .append(quote("cluster_" + name))
                        .append(" {\n    label = ")
                        .append(quote(name))
                        .append('\n');
            }
            nodes.stream()
                    .sorted((a, b) -> a.address().compareTo(b.address()))
                    .forEach(n -> out.append(indent)
                            .append(quote(n.address()))
                            .append(" [label = ")
                            .append(quote(labels.getOrDefault(n, n.address())))
                            .append(", shape = ")
                            .append(quote(n instanceof ProviderNode ? "ellipse" : "box"))
                            .append("]\n"));
            if (!path.isEmpty()) {
                out.append("  }\n");
            }
        });
        edges.forEach(e -> out.append("  ").append(e).append('\n'));
        return out.append("}\n").toString();
    }

    /** The drawn nodes {@code n} depends on, directly or through nodes that are not drawn. */
    private static Set<Node> drawnDependencies(ConfigGraph graph, Node n, Predicate<Node> drawn) {
        Set<Node> found = new HashSet<>();
        Set<Node> seen = new HashSet<>();
        Deque<Node> todo = new ArrayDeque<>(List.of(n));
        while (!todo.isEmpty()) {
            Node at = todo.pop();
            for (var e : graph.graph().incomingEdgesOf(at)) {
                Node dependency = graph.graph().getEdgeSource(e);
                if (!seen.add(dependency)) {
                    continue;
                }
                if (drawn.test(dependency)) {
                    found.add(dependency);
                } else {
                    todo.push(dependency);
                }
            }
        }
        return found;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
