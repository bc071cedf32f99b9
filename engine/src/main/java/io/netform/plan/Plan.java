package io.netform.plan;

import io.netform.state.State;
import io.netform.value.Value;
import java.util.List;
import java.util.Map;

/**
 * Everything a plan found: the resource changes in address order, the changes made outside Netform
 * since the last apply (drift), the root output changes, the state it was planned against and the
 * variables it used.
 *
 * @param mode     a normal plan, a destroy plan or a refresh-only plan
 * @param errored  whether planning stopped on an error (such a plan cannot be applied)
 * @param adoptions what the plan records in state without a provider changing anything: imports and moves
 */
public record Plan(
        Mode mode,
        List<ResourceChange> changes,
        List<ResourceChange> drift,
        Map<String, OutputChange> outputs,
        State priorState,
        Map<String, Value> variables,
        boolean errored,
        StateAdoptions adoptions) {

    /** Which kind of plan. */
    public enum Mode {
        NORMAL,
        DESTROY,
        REFRESH_ONLY
    }

    public Plan {
        changes = List.copyOf(changes);
        drift = List.copyOf(drift);
        outputs = Map.copyOf(outputs);
        variables = Map.copyOf(variables);
        adoptions = adoptions == null ? StateAdoptions.NONE : adoptions;
    }

    /** A plan that imports and moves nothing. */
    public Plan(
            Mode mode,
            List<ResourceChange> changes,
            List<ResourceChange> drift,
            Map<String, OutputChange> outputs,
            State priorState,
            Map<String, Value> variables,
            boolean errored) {
        this(mode, changes, drift, outputs, priorState, variables, errored, StateAdoptions.NONE);
    }

    /**
     * Whether applying would change anything: a resource change other than no-op or read, an import, a
     * move, an output change, or, in a refresh-only plan, an object changed outside Netform (whose new
     * values applying records in state, as Terraform's refresh-only plans are applyable for their drift).
     */
    public boolean hasChanges() {
        return !adoptions.isEmpty()
                || changes.stream().anyMatch(c -> c.action() != Action.NO_OP && c.action() != Action.READ)
                || outputs.values().stream().anyMatch(o -> o.action() != Action.NO_OP)
                || (mode == Mode.REFRESH_ONLY && drift.stream().anyMatch(c -> c.action() != Action.NO_OP));
    }

    /** How many objects the plan adds, changes and destroys, counted as Terraform's summary line does. */
    public Summary summary() {
        int add = 0;
        int change = 0;
        int destroy = 0;
        int forget = 0;
        for (ResourceChange c : changes) {
            if (c.address().resource().resource().mode() == io.netform.addrs.ResourceMode.DATA) {
                // Data sources are read, never added or destroyed, and Terraform's summary does not count them.
                continue;
            }
            switch (c.action()) {
                case CREATE -> add++;
                case UPDATE -> change++;
                case DELETE -> destroy++;
                case FORGET -> forget++;
                case DELETE_THEN_CREATE, CREATE_THEN_DELETE -> {
                    add++;
                    destroy++;
                }
                default -> {}
            }
        }
        return new Summary(adoptions.imports().size(), add, change, destroy, forget);
    }

    /** The counts of {@code Plan: W to import, X to add, Y to change, Z to destroy, V to forget.} */
    public record Summary(int imports, int add, int change, int destroy, int forget) {
        /** Counts without imports or forgotten objects. */
        public Summary(int add, int change, int destroy) {
            this(0, add, change, destroy, 0);
        }
    }
}
