package io.netform.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;

/** Finds cycles in time linear in the graph: every strongly connected component larger than one vertex is one. */
public final class Cycles {

    private Cycles() {
    }

    /**
     * Throws when {@code graph} has a cycle.
     *
     * @param name how a vertex is named in the message (its address)
     * @throws CycleException listing every vertex of every cycle, sorted by name
     */
    public static <V, E> void check(Graph<V, E> graph, Function<V, String> name) {
        List<List<String>> cycles = new ArrayList<>();
        for (Set<V> component : new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets()) {
            V any = component.iterator().next();
            if (component.size() > 1 || graph.containsEdge(any, any)) {
                cycles.add(component.stream().map(name).sorted().toList());
            }
        }
        if (!cycles.isEmpty()) {
            cycles.sort((a, b) -> a.get(0).compareTo(b.get(0)));
            throw new CycleException(cycles);
        }
    }
}
