package io.netform.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;

/** Finds cycles in time linear in the graph: every strongly connected component larger than one vertex is one. */
public final class Cycles {

    private Cycles() {}

    /**
     * Every cycle of {@code graph}, each as the sorted names of its vertices, in order of their first
     * name; empty when there is none.
     *
     * @param name how a vertex is named (its address)
     */
    public static <V, E> List<List<String>> find(Graph<V, E> graph, Function<V, String> name) {
        List<List<String>> cycles = new ArrayList<>();
        for (Set<V> component : new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets()) {
            V any = component.iterator().next();
            if (component.size() > 1 || graph.containsEdge(any, any)) {
                cycles.add(component.stream().map(name).sorted().toList());
            }
        }
        cycles.sort((a, b) -> a.get(0).compareTo(b.get(0)));
        return List.copyOf(cycles);
    }

    /** The cycles as a user reads them: {@code Cycle: a, b; Cycle: c, d}. */
    public static String describe(List<List<String>> cycles) {
        StringBuilder out = new StringBuilder("Cycle: ");
        for (int i = 0; i < cycles.size(); i++) {
            if (i > 0) {
                out.append("; Cycle: ");
            }
            out.append(String.join(", ", cycles.get(i)));
        }
        return out.toString();
    }
}
