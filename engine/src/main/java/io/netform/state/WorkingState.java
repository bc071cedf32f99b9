package io.netform.state;

import io.netform.addrs.AbsResource;
import io.netform.addrs.InstanceKey;
import io.netform.addrs.ProviderConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * State being changed by a running command. Safe to use from many threads; each change costs time
 * proportional to the instances of one resource, never to the whole state.
 */
public final class WorkingState {

    private final String terraformVersion;
    private final long serial;
    private final String lineage;
    private final Map<String, OutputState> outputs;
    private final Map<AbsResource, Entry> resources = new HashMap<>();

    private static final class Entry {
        ProviderConfig provider;
        final List<InstanceObject> objects = new ArrayList<>();
    }

    /** Starts from a snapshot. */
    public WorkingState(State base) {
        this.terraformVersion = base.terraformVersion();
        this.serial = base.serial();
        this.lineage = base.lineage();
        this.outputs = new HashMap<>(base.outputs());
        for (ResourceState resource : base.resources().values()) {
            Entry entry = new Entry();
            entry.provider = resource.provider();
            entry.objects.addAll(resource.instances());
            resources.put(resource.address(), entry);
        }
    }

    /** Applies one change. */
    public synchronized void apply(StateChange change) {
        if (change instanceof StateChange.PutObject put) {
            Entry entry = resources.computeIfAbsent(put.address().resource(), k -> new Entry());
            entry.provider = put.provider();
            entry.objects.removeIf(o -> sameSlot(o, put.object().key(), put.object().deposed()));
            entry.objects.add(put.object());
        } else if (change instanceof StateChange.RemoveObject remove) {
            Entry entry = resources.get(remove.address().resource());
            if (entry != null) {
                entry.objects.removeIf(o -> sameSlot(o, remove.address().key(), remove.deposed()));
                if (entry.objects.isEmpty()) {
                    resources.remove(remove.address().resource());
                }
            }
        } else if (change instanceof StateChange.PutOutput put) {
            outputs.put(put.name(), put.output());
        } else if (change instanceof StateChange.RemoveOutput remove) {
            outputs.remove(remove.name());
        }
    }

    private static boolean sameSlot(InstanceObject o, InstanceKey key, String deposed) {
        return o.key().equals(key) && Objects.equals(o.deposed(), deposed);
    }

    /** An immutable snapshot of everything so far, with the serial of the state it started from. */
    public synchronized State snapshot() {
        TreeMap<AbsResource, ResourceState> out = new TreeMap<>();
        resources.forEach((address, entry) ->
                out.put(address, new ResourceState(address, entry.provider, entry.objects)));
        return new State(terraformVersion, serial, lineage, new TreeMap<>(outputs), out);
    }
}
