package io.netform.walk;

import io.netform.addrs.AbsResource;
import io.netform.addrs.AddressParser;
import io.netform.addrs.AddressParser.ModuleTarget;
import io.netform.addrs.AddressParser.ResourceInstanceTarget;
import io.netform.addrs.AddressParser.ResourceTarget;
import io.netform.addrs.ResourceInstance;
import io.netform.graph.ConfigGraph;
import io.netform.graph.Node;
import io.netform.graph.Node.ResourceNode;
import io.netform.plan.Plan;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jgrapht.graph.DefaultEdge;

/**
 * What {@code -target} and {@code -exclude} leave in a plan or apply. Targets keep the resources and
 * instances they name and every instance of the resources those depend on (for a destroy: of those
 * that depend on them). Exclusions then take out the instances they name and every resource that
 * depends on those (for a destroy: that those depend on, which must outlive them). Without either,
 * everything is in.
 */
public final class Targeting {

    private final List<AddressParser.Target> targets;
    private final List<AddressParser.Target> excludes;
    private final Set<ResourceNode> named;
    private final Set<ResourceNode> related;
    private final Set<ResourceNode> excluded;

    private Targeting(
            List<AddressParser.Target> targets,
            List<AddressParser.Target> excludes,
            Set<ResourceNode> named,
            Set<ResourceNode> related,
            Set<ResourceNode> excluded) {
        this.targets = List.copyOf(targets);
        this.excludes = List.copyOf(excludes);
        this.named = Set.copyOf(named);
        this.related = Set.copyOf(related);
        this.excluded = Set.copyOf(excluded);
    }

    /** The targeting of {@code targets} in {@code graph}; a destroy pulls in dependents rather than dependencies. */
    public static Targeting of(ConfigGraph graph, List<AddressParser.Target> targets, Plan.Mode mode) {
        return of(graph, targets, List.of(), mode);
    }

    /** The targeting of {@code targets} less {@code excludes} in {@code graph}. */
    public static Targeting of(
            ConfigGraph graph,
            List<AddressParser.Target> targets,
            List<AddressParser.Target> excludes,
            Plan.Mode mode) {
        Set<ResourceNode> named = new HashSet<>();
        Set<ResourceNode> excludeNamed = new HashSet<>();
        Set<ResourceNode> excluded = new HashSet<>();
        for (Node n : graph.graph().vertexSet()) {
            if (n instanceof ResourceNode r) {
                if (targets.stream().anyMatch(t -> names(t, r))) {
                    named.add(r);
                }
                for (AddressParser.Target e : excludes) {
                    if (names(e, r)) {
                        excludeNamed.add(r);
                        if (!(e instanceof ResourceInstanceTarget)) {
                            excluded.add(r);
                        }
                    }
                }
            }
        }
        boolean destroy = mode == Plan.Mode.DESTROY;
        excluded.addAll(reachable(graph, excludeNamed, destroy));
        return new Targeting(targets, excludes, named, reachable(graph, named, !destroy), excluded);
    }

    /** Whether targets or exclusions are in effect at all. */
    public boolean isActive() {
        return !targets.isEmpty() || !excludes.isEmpty();
    }

    /** Whether any instance of {@code node} is in. */
    public boolean includes(ResourceNode node) {
        return (targets.isEmpty() || named.contains(node) || related.contains(node)) && !excluded.contains(node);
    }

    /** Whether {@code instance} (of the resource {@code node} declares) is in. */
    public boolean includes(ResourceNode node, ResourceInstance instance) {
        return (targets.isEmpty() || related.contains(node) || targets.stream().anyMatch(t -> t.covers(instance)))
                && !excluded.contains(node)
                && excludes.stream().noneMatch(e -> e.covers(instance));
    }

    /** Whether {@code instance}, whose resource may no longer be configured, is in. */
    public boolean includes(ResourceInstance instance) {
        return includes(
                new ResourceNode(
                        instance.module().configPath(), instance.resource().resource()),
                instance);
    }

    private static boolean names(AddressParser.Target target, ResourceNode node) {
        if (target instanceof ModuleTarget m) {
            return startsWith(node.path(), m.module().configPath());
        }
        AbsResource resource = target instanceof ResourceTarget r
                ? r.resource()
                : ((ResourceInstanceTarget) target).instance().resource();
        return node.path().equals(resource.module().configPath())
                && node.resource().equals(resource.resource());
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
            Set<DefaultEdge> edges = dependencies
                    ? graph.graph().incomingEdgesOf(n)
                    : graph.graph().outgoingEdgesOf(n);
            for (DefaultEdge e : edges) {
                Node next = dependencies
                        ? graph.graph().getEdgeSource(e)
                        : graph.graph().getEdgeTarget(e);
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
