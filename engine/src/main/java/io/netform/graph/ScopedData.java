package io.netform.graph;

import java.util.Set;

/**
 * What the graph knows about a data source scoped to a check block, which is no vertex of its own:
 * the provider configuration it uses and the declarations its configuration refers to.
 */
public record ScopedData(Node.ProviderNode provider, Set<Node> dependencies) {

    public ScopedData {
        dependencies = Set.copyOf(dependencies);
    }
}
