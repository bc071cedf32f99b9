package io.netform.state;

import io.netform.addrs.AbsResource;
import io.netform.addrs.ResourceInstance;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A snapshot of state, immutable: the v4 header (serial, lineage), root outputs and resources.
 * During an apply the engine changes a {@link WorkingState} and takes snapshots of it.
 */
public record State(
        String terraformVersion,
        long serial,
        String lineage,
        SortedMap<String, OutputState> outputs,
        SortedMap<AbsResource, ResourceState> resources) {

    /** The version of the state format this package reads and writes. */
    public static final int FORMAT_VERSION = 4;

    public State {
        Objects.requireNonNull(terraformVersion, "terraformVersion");
        Objects.requireNonNull(lineage, "lineage");
        outputs = Collections.unmodifiableSortedMap(new TreeMap<>(outputs));
        resources = Collections.unmodifiableSortedMap(new TreeMap<>(resources));
    }

    /** A state with nothing in it and a fresh lineage, as before the first apply. */
    public static State empty(String terraformVersion) {
        return new State(terraformVersion, 0, UUID.randomUUID().toString(), new TreeMap<>(), new TreeMap<>());
    }

    /** The current object of one resource instance, if state has one. */
    public Optional<InstanceObject> current(ResourceInstance address) {
        ResourceState resource = resources.get(address.resource());
        if (resource == null) {
            return Optional.empty();
        }
        return resource.instances().stream()
                .filter(o -> o.isCurrent() && o.key().equals(address.key()))
                .findFirst();
    }

    /** Whether nothing is recorded: no resources and no outputs. */
    public boolean isEmpty() {
        return resources.isEmpty() && outputs.isEmpty();
    }

    /** Whether {@code other} records the same outputs and resources, whatever its serial. */
    public boolean sameContent(State other) {
        return outputs.equals(other.outputs) && resources.equals(other.resources) && lineage.equals(other.lineage);
    }

    /** This state with another serial. */
    public State withSerial(long newSerial) {
        return new State(terraformVersion, newSerial, lineage, outputs, resources);
    }

    /** All resource states, in address order. */
    public Iterable<ResourceState> resourceStates() {
        return resources.values();
    }
}
