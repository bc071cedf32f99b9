package io.netform.plan;

import io.netform.addrs.AbsResource;
import io.netform.addrs.AddressParser;
import io.netform.addrs.AddressParser.InstanceTarget;
import io.netform.addrs.AddressParser.ModuleTarget;
import io.netform.addrs.AddressParser.ResourceTarget;
import io.netform.addrs.ResourceInstance;
import io.netform.graph.ConfigGraph;
import io.netform.graph.Node;
import io.netform.graph.Node.ResourceNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jgrapht.graph.DefaultEdge;

/**
 * What {@code -target} leaves in a plan or apply: the resources and instances the targets name, and
 * every instance of the resources they depend on (or, for a destroy, of those that depend on them).
 * Without targets everything is in.
 */
public final class Targeting {

    private final List<AddressParser.Target> targets;
    private final Set<ResourceNode> named;
    private final Set<ResourceNode> related;

    private Targeting(List<AddressParser.Target> targets, Set<ResourceNode> named, Set<ResourceNode> related) {
        this.targets = List.copyOf(targets);
        this.named = Set.copyOf(named);
        this.related = Set.copyOf(related);
    }

    /** The targeting of {@code targets} in {@code graph}; a destroy pulls in dependents rather than dependencies. */
    public static Targeting of(ConfigGraph graph, List<AddressParser.Target> targets, Plan.Mode mode) {
        Set<ResourceNode> named = new HashSet<>();
        for (Node n : graph.graph().vertexSet()) {
            if (n instanceof ResourceNode r && targets.stream().anyMatch(t -> names(t, r))) {
                named.add(r);
            }
        }
        return new Targeting(targets, named, reachable(graph, named, mode != Plan.Mode.DESTROY));
    }

    /** Whether targets are in effect at all. */
    public boolean isActive() {
        return !targets.isEmpty();
    }

    /** Whether any instance of {@code node} is in. */
    public boolean includes(ResourceNode node) {
        return !isActive() || named.contains(node) || related.contains(node);
    }

    /** Whether {@code instance} (of the resource {@code node} declares) is in. */
    public boolean includes(ResourceNode node, ResourceInstance instance) {
        return !isActive() || related.contains(node) || targets.stream().anyMatch(t -> t.covers(instance));
    }

    /** Whether {@code instance}, whose resource may no longer be configured, is in. */
    public boolean includes(ResourceInstance instance) {
        return includes(new ResourceNode(instance.module().configPath(), instance.resource().resource()), instance);
    }

    private static boolean names(AddressParser.Target target, ResourceNode node) {
        if (target instanceof ModuleTarget m) {
            return startsWith(node.path(), m.module().configPath());
        }
        AbsResource resource = target instanceof ResourceTarget r ? r.resource()
                : ((InstanceTarget) target).instance().resource();
        return node.path().equals(resource.module().configPath()) && node.resource().equals(resource.resource());
    }

    private static boolean startsWith(List<String> path, List<String> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }

    /** The resources reachable from {@code start} against the edges (dependencies) or along them (dependents). */
    private static Set<ResourceNode> reachable(ConfigGraph graph, Set<ResourceNode> start, boolean dependencies) {
        Set<ResourceNode> found = new HashSet<>();
        Set<Node> seen = new HashSet<>(start);
        Deque<Node> todo = new ArrayDeque<>(start);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            Set<DefaultEdge> edges = dependencies ? graph.graph().incomingEdgesOf(n) : graph.graph().outgoingEdgesOf(n);
            for (DefaultEdge e : edges) {
                Node next = dependencies ? graph.graph().getEdgeSource(e) : graph.graph().getEdgeTarget(e);
                if (next instanceof ResourceNode r) {
                    found.add(r);
                }
                if (seen.add(next)) {
                    todo.push(next);
                }
            }
        }
        return found;
    }
}
