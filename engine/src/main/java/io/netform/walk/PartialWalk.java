package io.netform.walk;

import io.netform.graph.ConfigGraph;
import io.netform.graph.Node;
import io.netform.graph.Node.ResourceNode;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which declarations a targeted walk leaves out: the resources {@link Targeting} excludes and every
 * declaration that refers to something left out, so nothing is evaluated without its inputs.
 */
public final class PartialWalk {

    private final ConfigGraph graph;
    private final Targeting targeting;
    private final Set<Node> skipped = ConcurrentHashMap.newKeySet();

    public PartialWalk(ConfigGraph graph, Targeting targeting) {
        this.graph = graph;
        this.targeting = targeting;
    }

    /** Whether to leave {@code node} out; ask only once every node it depends on has been walked. */
    public boolean skips(Node node) {
        if (!targeting.isActive()) {
            return false;
        }
        boolean skip = (node instanceof ResourceNode r && !targeting.includes(r))
                || graph.graph().incomingEdgesOf(node).stream()
                        .anyMatch(e -> skipped.contains(graph.graph().getEdgeSource(e)));
        if (skip) {
            skipped.add(node);
        }
        return skip;
    }
}
