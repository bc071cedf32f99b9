package io.netform.config;

import java.util.List;

/**
 * The blocks of a module that act on state rather than on infrastructure: {@code import} (adopt an
 * existing object), {@code moved} (a new address for objects in state) and {@code removed} (forget
 * objects, or destroy them, once their resource is gone from the configuration).
 */
public record StateBlocks(List<ImportBlock> imports, List<MovedBlock> moves, List<RemovedBlock> removals) {

    /** A module without any of these blocks. */
    public static final StateBlocks NONE = new StateBlocks(List.of(), List.of(), List.of());

    public StateBlocks {
        imports = List.copyOf(imports);
        moves = List.copyOf(moves);
        removals = List.copyOf(removals);
    }
}
