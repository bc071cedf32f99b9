package io.netform.apply;

import io.netform.graph.Outcome;
import io.netform.graph.Walker;
import io.netform.hcl.Diagnostic;
import io.netform.plan.ResourceChange;
import io.netform.plugins.ProviderClient;
import io.netform.state.InstanceObject;
import io.netform.state.State;
import io.netform.walk.WalkContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

/**
 * Deletes objects in reverse dependency order: an object is deleted before the objects its state
 * says it depends on, so NSX never sees a tier-1 deleted while its segments still exist.
 */
final class DeleteOrder {

    private final WalkContext context;
    private final ObjectOperations operations;
    private final State prior;
    private final int parallelism;

    DeleteOrder(WalkContext context, ObjectOperations operations, State prior, int parallelism) {
        this.context = context;
        this.operations = operations;
        this.prior = prior;
        this.parallelism = parallelism;
    }

    void run(List<ResourceChange> deletes) {
        if (deletes.isEmpty()) {
            return;
        }
        Graph<ResourceChange, DefaultEdge> order = new DefaultDirectedGraph<>(DefaultEdge.class);
        Map<String, List<ResourceChange>> byResource = new HashMap<>();
        for (ResourceChange d : deletes) {
            order.addVertex(d);
            byResource
                    .computeIfAbsent(Dependencies.configAddress(d.address()), k -> new ArrayList<>())
                    .add(d);
        }
        for (ResourceChange d : deletes) {
            InstanceObject object = prior.current(d.address()).orElse(null);
            if (object == null) {
                continue;
            }
            for (String dependency : object.dependencies()) {
                for (ResourceChange before : byResource.getOrDefault(dependency, List.of())) {
                    if (before != d) {
                        order.addEdge(d, before);
                    }
                }
            }
        }
        Walker<ResourceChange> walker = new Walker<>(parallelism, ResourceChange::displayAddress);
        context.stopSignal().watch(walker);
        Map<ResourceChange, Outcome> outcomes;
        try {
            // No flush per delete: a removal lost to a machine crash leaves in state an object that refresh finds gone.
            outcomes = walker.walk(order, d -> {
                ProviderClient provider = context.providers().forStored(d.provider(), context.netformVersion());
                return provider != null && operations.delete(d, provider, d.deposed());
            });
        } finally {
            context.stopSignal().forget(walker);
        }
        outcomes.forEach((d, o) -> {
            if (o instanceof Outcome.Failed f) {
                context.report(Diagnostic.error("Internal error", String.valueOf(f.error()), null));
            }
        });
    }
}
