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
 */
public record Plan(Mode mode, List<ResourceChange> changes, List<ResourceChange> drift,
        Map<String, OutputChange> outputs, State priorState, Map<String, Value> variables, boolean errored) {

    /** Which kind of plan. */
    public enum Mode { NORMAL, DESTROY, REFRESH_ONLY }

    public Plan {
        changes = List.copyOf(changes);
        drift = List.copyOf(drift);
        outputs = Map.copyOf(outputs);
        variables = Map.copyOf(variables);
    }

    /** Whether applying would change anything: a resource change other than no-op or read, or an output change. */
    public boolean hasChanges() {
        return changes.stream().anyMatch(c -> c.action() != Action.NO_OP && c.action() != Action.READ)
                || outputs.values().stream().anyMatch(o -> o.action() != Action.NO_OP);
    }

    /** How many objects the plan adds, changes and destroys, counted as Terraform's summary line does. */
    public Summary summary() {
        int add = 0;
        int change = 0;
        int destroy = 0;
        for (ResourceChange c : changes) {
            if (c.address().resource().resource().mode() == io.netform.addrs.ResourceMode.DATA) {
                // Data sources are read, never added or destroyed, and Terraform's summary does not count them.
                continue;
            }
            switch (c.action()) {
                case CREATE -> add++;
                case UPDATE -> change++;
                case DELETE -> destroy++;
                case DELETE_THEN_CREATE, CREATE_THEN_DELETE -> {
                    add++;
                    destroy++;
                }
                default -> {
                }
            }
        }
        return new Summary(add, change, destroy);
    }

    /** The counts of {@code Plan: X to add, Y to change, Z to destroy.} */
    public record Summary(int add, int change, int destroy) {
    }
}
