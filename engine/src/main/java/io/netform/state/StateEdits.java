package io.netform.state;

import io.netform.addrs.AbsResource;
import io.netform.addrs.AddressMoves;
import io.netform.addrs.AddressParser;
import io.netform.addrs.ProviderConfig;
import io.netform.addrs.ProviderSource;
import io.netform.addrs.ResourceInstance;
import io.netform.addrs.ResourceMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Edits of state that leave remote objects alone ({@code state mv}, {@code state rm}, {@code taint},
 * {@code state replace-provider}): each returns the edited state and what it did, or fails with a
 * message naming the address, changing nothing.
 */
public final class StateEdits {

    private StateEdits() {}

    /** Why an edit cannot be made. */
    public static class EditException extends RuntimeException {
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
            throw new EditException(
                    "Invalid source address",
                    "Cannot move " + from + ": does not match anything in " + "the current state.");
        }
        for (ResourceInstance target : moves.values()) {
            if (!moves.containsKey(target) && state.current(target).isPresent()) {
                throw new EditException(
                        "Invalid target address",
                        "Cannot move to " + target + ": there is already "
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
                    working.apply(
                            new StateChange.RemoveObject(resource.address().instance(o.key()), o.deposed()));
                    puts.add(new StateChange.PutObject(
                            target,
                            resource.provider(),
                            new InstanceObject(
                                    target.key(),
                                    o.deposed(),
                                    o.tainted(),
                                    o.schemaVersion(),
                                    o.attributes(),
                                    o.sensitiveAttributes(),
                                    o.privateData(),
                                    o.dependencies(),
                                    o.createBeforeDestroy())));
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
            throw new EditException(
                    "Invalid target address",
                    "No matching objects found. To view the available "
                            + "instances, use \"netform state list\". Please modify the address to reference a specific "
                            + "instance.");
        }
        return new Removed(working.snapshot(), removed);
    }

    /**
     * Marks the current object of {@code address} tainted (so the next plan replaces it), or clears
     * the mark, with Terraform's messages for what cannot be marked.
     *
     * @param command {@code taint} or {@code untaint}, as the messages name it
     * @throws EditException when state has no such object, or (untaint) the object is not tainted
     * @throws Missing       when state has no current object at {@code address} (which -allow-missing forgives)
     */
    public static State taint(State state, ResourceInstance address, boolean tainted, String command) {
        if (address.resource().resource().mode() != ResourceMode.MANAGED) {
            throw new EditException(
                    "Invalid resource instance address",
                    "Resource instance " + address + " cannot be " + command
                            + "ed: only managed resources have objects to replace.");
        }
        if (state.resources().isEmpty()) {
            throw new Missing("The state currently contains no resource instances whatsoever. This may occur if "
                    + "the configuration has never been applied or if it has recently been destroyed.");
        }
        ResourceState resource = state.resources().get(address.resource());
        InstanceObject object = state.current(address).orElse(null);
        if (object == null) {
            boolean deposed = resource != null
                    && resource.instances().stream().anyMatch(o -> o.key().equals(address.key()));
            if (deposed) {
                throw new EditException(
                        "No such resource instance",
                        "Resource instance " + address + " is "
                                + "currently part-way through a create_before_destroy replacement action. Run \"netform "
                                + "apply\" to complete its replacement before " + command + "ing it.");
            }
            throw new Missing("There is no resource instance in the state with the address " + address + ". If the "
                    + "resource configuration has just been added, you must run \"netform apply\" once to create "
                    + "the corresponding instance(s) before they can be " + command + "ed.");
        }
        if (!tainted && !object.tainted()) {
            throw new EditException(
                    "Resource instance is not tainted",
                    "Resource instance " + address + " is not " + "currently tainted, and so it cannot be untainted.");
        }
        WorkingState working = new WorkingState(state);
        working.apply(new StateChange.PutObject(
                address,
                resource.provider(),
                new InstanceObject(
                        object.key(),
                        null,
                        tainted,
                        object.schemaVersion(),
                        object.attributes(),
                        object.sensitiveAttributes(),
                        object.privateData(),
                        object.dependencies(),
                        object.createBeforeDestroy())));
        return working.snapshot();
    }

    /** State has no object at the address an edit names. */
    public static final class Missing extends EditException {
        private static final long serialVersionUID = 1L;

        Missing(String detail) {
            super("No such resource instance", detail);
        }
    }

    /** The state after the provider of some resources was replaced, and those resources. */
    public record ProviderReplaced(State state, List<AbsResource> resources) {
        public ProviderReplaced {
            resources = List.copyOf(resources);
        }
    }

    /**
     * Records {@code to} as the provider of every resource whose provider is {@code from}, keeping
     * each one's module and alias ({@code state replace-provider}).
     */
    public static ProviderReplaced replaceProvider(State state, ProviderSource from, ProviderSource to) {
        java.util.TreeMap<AbsResource, ResourceState> resources = new java.util.TreeMap<>(state.resources());
        List<AbsResource> replaced = new ArrayList<>();
        for (ResourceState r : state.resources().values()) {
            if (r.provider().source().equals(from)) {
                resources.put(
                        r.address(),
                        new ResourceState(
                                r.address(),
                                new ProviderConfig(
                                        r.provider().module(), to, r.provider().alias()),
                                r.instances()));
                replaced.add(r.address());
            }
        }
        return new ProviderReplaced(
                new State(state.terraformVersion(), state.serial(), state.lineage(), state.outputs(), resources),
                replaced);
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
