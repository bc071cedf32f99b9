package io.netform.graph;

import io.netform.addrs.ProviderSource;
import io.netform.config.Module;
import io.netform.config.ProviderRequirement;
import io.netform.graph.Node.ProviderNode;
import io.netform.graph.Node.ResourceNode;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;

/**
 * The dependency graph of a configuration: one vertex per declaration of each module, an edge from
 * each declaration to those that refer to it (or depend on it explicitly). Acyclic once built.
 *
 * @param modules   every module of the configuration by its path of call names
 * @param providers the provider configuration each resource uses
 * @param scoped    the data sources scoped to check blocks (no vertices: checks are evaluated after the walk)
 */
public record ConfigGraph(
        Graph<Node, DefaultEdge> graph,
        Map<List<String>, Module> modules,
        Map<ResourceNode, ProviderNode> providers,
        Map<ResourceNode, ScopedData> scoped) {

    /** A graph without check blocks. */
    public ConfigGraph(
            Graph<Node, DefaultEdge> graph,
            Map<List<String>, Module> modules,
            Map<ResourceNode, ProviderNode> providers) {
        this(graph, modules, providers, Map.of());
    }

    /** The module at {@code path}. */
    public Module module(List<String> path) {
        return modules.get(path);
    }

    /**
     * Where the provider of configuration {@code node} comes from: the source its local name is
     * required as in the nearest module up the call path that requires it, else the local name in
     * the default namespace.
     */
    public ProviderSource providerSource(ProviderNode node) {
        String local =
                node.key().contains(".") ? node.key().substring(0, node.key().indexOf('.')) : node.key();
        for (List<String> path = node.path(); ; path = path.subList(0, path.size() - 1)) {
            ProviderRequirement r = module(path).settings().requiredProviders().get(local);
            if (r != null) {
                return r.source();
            }
            if (path.isEmpty()) {
                return ProviderSource.implied(local);
            }
        }
    }
}
