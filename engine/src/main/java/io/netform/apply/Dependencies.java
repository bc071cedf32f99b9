package io.netform.apply;

import io.netform.graph.ConfigGraph;
import io.netform.graph.Node;
import io.netform.graph.Node.ResourceNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The resources a resource depends on, directly or through variables, locals, outputs and module
 * calls, as state records them in {@code dependencies} so deletes can be ordered without the
 * configuration.
 */
final class Dependencies {

    private Dependencies() {}

    static List<String> of(ConfigGraph graph, ResourceNode node) {
        Set<String> found = new TreeSet<>();
        Set<Node> seen = new HashSet<>();
        Deque<Node> todo = new ArrayDeque<>(List.of(node));
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            for (var edge : graph.graph().incomingEdgesOf(n)) {
                Node dep = graph.graph().getEdgeSource(edge);
                if (!seen.add(dep)) {
                    continue;
                }
                if (dep instanceof ResourceNode r) {
                    found.add(r.address());
                } else if (!(dep instanceof Node.ProviderNode)) {
                    todo.push(dep);
                }
            }
        }
        return List.copyOf(found);
    }

    /** The address a resource instance's resource has in {@code dependencies}: module names without keys. */
    static String configAddress(io.netform.addrs.ResourceInstance address) {
        StringBuilder out = new StringBuilder();
        address.module()
                .configPath()
                .forEach(p -> out.append("module.").append(p).append('.'));
        return out.append(address.resource().resource()).toString();
    }
}
