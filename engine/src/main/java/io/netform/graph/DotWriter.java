package io.netform.graph;

import io.netform.graph.Node.ProviderNode;
import io.netform.graph.Node.ResourceNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A configuration graph as Graphviz DOT, for {@code netform graph}: resources labelled by address, each
 * module's resources in a cluster, provider configurations as ellipses, and an edge from each resource
 * to what it depends on (through variables, locals, outputs and module calls, which are not drawn).
 */
public final class DotWriter {

    private DotWriter() {
    }

    /** The graph as DOT; with {@code reversed}, edges point the way a destroy runs. */
    public static String write(ConfigGraph graph, boolean reversed) {
        Map<List<String>, List<Node>> byModule = new TreeMap<>((a, b) -> String.join(".", a)
                .compareTo(String.join(".", b)));
        Set<String> edges = new TreeSet<>();
        for (Node n : graph.graph().vertexSet()) {
            if (drawn(n)) {
                byModule.computeIfAbsent(n.path(), p -> new ArrayList<>()).add(n);
                for (Node dependency : drawnDependencies(graph, n)) {
                    edges.add(reversed ? quote(dependency.address()) + " -> " + quote(n.address())
                            : quote(n.address()) + " -> " + quote(dependency.address()));
                }
            }
        }
        StringBuilder out = new StringBuilder("digraph {\n  compound = \"true\"\n  newrank = \"true\"\n"
                + "  rankdir = \"RL\"\n");
        byModule.forEach((path, nodes) -> {
            String indent = path.isEmpty() ? "  " : "    ";
            if (!path.isEmpty()) {
                String name = "module." + String.join(".module.", path);
                out.append("  subgraph ").append(quote("cluster_" + name)).append(" {\n    label = ")
                        .append(quote(name)).append('\n');
            }
            nodes.stream().sorted((a, b) -> a.address().compareTo(b.address())).forEach(n -> out.append(indent)
                    .append(quote(n.address())).append(" [label = ").append(quote(label(n))).append(", shape = ")
                    .append(quote(n instanceof ProviderNode ? "ellipse" : "box")).append("]\n"));
            if (!path.isEmpty()) {
                out.append("  }\n");
            }
        });
        edges.forEach(e -> out.append("  ").append(e).append('\n'));
        return out.append("}\n").toString();
    }

    private static boolean drawn(Node n) {
        return n instanceof ResourceNode || n instanceof ProviderNode;
    }

    private static String label(Node n) {
        return n instanceof ResourceNode r ? r.resource().toString() : n.address();
    }

    /** The drawn nodes {@code n} depends on, directly or through nodes that are not drawn. */
    private static Set<Node> drawnDependencies(ConfigGraph graph, Node n) {
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
                if (drawn(dependency)) {
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
