package io.netform.plan;

import io.netform.addrs.ResourceInstance;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a plan records in state without a provider changing anything remote: the objects it imports,
 * by the id they were imported with, and the objects that moved to a new address.
 *
 * @param imports the imported instances and the id each was imported with
 * @param moves   for each instance that moved, the address it had before
 */
public record StateAdoptions(Map<ResourceInstance, String> imports, Map<ResourceInstance, ResourceInstance> moves) {

    /** Nothing imported or moved. */
    public static final StateAdoptions NONE = new StateAdoptions(Map.of(), Map.of());

    public StateAdoptions {
        imports = java.util.Collections.unmodifiableMap(new TreeMap<>(imports));
        moves = java.util.Collections.unmodifiableMap(new TreeMap<>(moves));
    }

    /** Whether nothing is imported or moved. */
    public boolean isEmpty() {
        return imports.isEmpty() && moves.isEmpty();
    }
}
