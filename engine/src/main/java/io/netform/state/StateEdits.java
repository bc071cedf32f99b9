package io.netform.state;

import io.netform.addrs.AddressMoves;
import io.netform.addrs.AddressParser;
import io.netform.addrs.ResourceInstance;
import io.netform.addrs.ResourceMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Edits of state that leave remote objects alone ({@code state mv}, {@code state rm}): each returns
 * the edited state and what it did, or fails with a message naming the address, changing nothing.
 */
public final class StateEdits {

    private StateEdits() {
    }

    /** Why an edit cannot be made. */
    public static final class EditException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** The headline of the diagnostic. */
        private final String summary;

        EditException(String summary, String detail) {
            super(detail);
            this.summary = summary;
        }

        /** The headline of the diagnostic; the message is its detail. */
        public String summary() {
            return summary;
        }
    }

    /** The state after a move and each instance moved, from its old address to its new one. */
    public record Moved(State state, Map<ResourceInstance, ResourceInstance> moves) {
        public Moved {
            moves = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(moves));
        }
    }

    /** The state after a removal and the instances removed. */
    public record Removed(State state, List<ResourceInstance> removed) {
        public Removed {
            removed = List.copyOf(removed);
        }
    }

    /**
     * Moves every object {@code from} covers to the matching address under {@code to}.
     *
     * @throws EditException when the addresses do not fit each other, nothing is at {@code from}, or
     *                       something is already at a destination
     */
    public static Moved move(State state, AddressParser.Target from, AddressParser.Target to) {
        String mismatch = AddressMoves.mismatch(from, to);
        if (mismatch != null) {
            throw new EditException("Invalid state move request", mismatch);
        }
        Map<ResourceInstance, ResourceInstance> moves = new LinkedHashMap<>();
        for (ResourceInstance address : instances(state)) {
            ResourceInstance target = AddressMoves.moved(address, from, to);
            if (target != null) {
                moves.put(address, target);
            }
        }
        if (moves.isEmpty()) {
            throw new EditException("Invalid source address", "Cannot move " + from + ": does not match anything in "
                    + "the current state.");
        }
        for (ResourceInstance target : moves.values()) {
            if (!moves.containsKey(target) && state.current(target).isPresent()) {
                throw new EditException("Invalid target address", "Cannot move to " + target + ": there is already "
                        + "a resource instance at that address in the current state.");
            }
        }
        return new Moved(relocate(state, moves), moves);
    }

    /** The state with each object of {@code moves}' keys at the address it maps to. */
    public static State relocate(State state, Map<ResourceInstance, ResourceInstance> moves) {
        WorkingState working = new WorkingState(state);
        List<StateChange> puts = new ArrayList<>();
        for (ResourceState resource : state.resources().values()) {
            for (InstanceObject o : resource.instances()) {
                ResourceInstance target = moves.get(resource.address().instance(o.key()));
                if (target != null) {
                    working.apply(new StateChange.RemoveObject(resource.address().instance(o.key()), o.deposed()));
                    puts.add(new StateChange.PutObject(target, resource.provider(), new InstanceObject(target.key(),
                            o.deposed(), o.tainted(), o.schemaVersion(), o.attributes(), o.sensitiveAttributes(),
                            o.privateData(), o.dependencies(), o.createBeforeDestroy())));
                }
            }
        }
        puts.forEach(working::apply);
        return working.snapshot();
    }

    /**
     * Removes every object {@code target} covers (a data source's, too).
     *
     * @throws EditException when nothing in state matches
     */
    public static Removed remove(State state, AddressParser.Target target) {
        WorkingState working = new WorkingState(state);
        List<ResourceInstance> removed = new ArrayList<>();
        for (ResourceState resource : state.resources().values()) {
            for (InstanceObject o : resource.instances()) {
                ResourceInstance address = resource.address().instance(o.key());
                if (target.covers(address)) {
                    working.apply(new StateChange.RemoveObject(address, o.deposed()));
                    if (o.isCurrent()) {
                        removed.add(address);
                    }
                }
            }
        }
        if (removed.isEmpty()) {
            throw new EditException("Invalid target address", "No matching objects found. To view the available "
                    + "instances, use \"netform state list\". Please modify the address to reference a specific "
                    + "instance.");
        }
        return new Removed(working.snapshot(), removed);
    }

    /** The addresses of the instances in state that have objects, managed resources first. */
    private static List<ResourceInstance> instances(State state) {
        Set<ResourceInstance> out = new java.util.LinkedHashSet<>();
        for (ResourceState resource : state.resources().values()) {
            if (resource.address().resource().mode() == ResourceMode.MANAGED) {
                resource.instances().forEach(o -> out.add(resource.address().instance(o.key())));
            }
        }
        return new ArrayList<>(out);
    }
}
