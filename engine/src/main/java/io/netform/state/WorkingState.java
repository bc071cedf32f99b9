package io.netform.state;

import io.netform.addrs.AbsResource;
import io.netform.addrs.InstanceKey;
import io.netform.addrs.ProviderConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        /** By instance key, then by deposed key ("" for the current object). */
        final Map<InstanceKey, Map<String, InstanceObject>> objects = new HashMap<>();

        void put(InstanceObject o) {
            objects.computeIfAbsent(o.key(), k -> new HashMap<>(2)).put(slot(o.deposed()), o);
        }

        void remove(InstanceKey key, String deposed) {
            Map<String, InstanceObject> slots = objects.get(key);
            if (slots != null) {
                slots.remove(slot(deposed));
                if (slots.isEmpty()) {
                    objects.remove(key);
                }
            }
        }

        /** Moves the object in slot {@code from} to slot {@code to} when {@code to} is free. */
        void move(InstanceKey key, String from, String to) {
            Map<String, InstanceObject> slots = objects.get(key);
            if (slots == null || slots.containsKey(slot(to)) || !slots.containsKey(slot(from))) {
                return;
            }
            InstanceObject o = slots.remove(slot(from));
            slots.put(
                    slot(to),
                    new InstanceObject(
                            o.key(),
                            to,
                            o.tainted(),
                            o.schemaVersion(),
                            o.attributes(),
                            o.sensitiveAttributes(),
                            o.privateData(),
                            o.dependencies(),
                            o.createBeforeDestroy()));
        }

        List<InstanceObject> all() {
            List<InstanceObject> out = new ArrayList<>();
            objects.values().forEach(slots -> out.addAll(slots.values()));
            return out;
        }

        private static String slot(String deposed) {
            return deposed == null ? "" : deposed;
        }
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
            resource.instances().forEach(entry::put);
            resources.put(resource.address(), entry);
        }
    }

    /** Applies one change. */
    public synchronized void apply(StateChange change) {
        if (change instanceof StateChange.PutObject put) {
            Entry entry = resources.computeIfAbsent(put.address().resource(), k -> new Entry());
            entry.provider = put.provider();
            entry.put(put.object());
        } else if (change instanceof StateChange.RemoveObject remove) {
            Entry entry = resources.get(remove.address().resource());
            if (entry != null) {
                entry.remove(remove.address().key(), remove.deposed());
                if (entry.objects.isEmpty()) {
                    resources.remove(remove.address().resource());
                }
            }
        } else if (change instanceof StateChange.DeposeObject depose) {
            Entry entry = resources.get(depose.address().resource());
            if (entry != null) {
                entry.move(depose.address().key(), null, depose.deposed());
            }
        } else if (change instanceof StateChange.RestoreDeposed restore) {
            Entry entry = resources.get(restore.address().resource());
            if (entry != null) {
                entry.move(restore.address().key(), restore.deposed(), null);
            }
        } else if (change instanceof StateChange.PutOutput put) {
            outputs.put(put.name(), put.output());
        } else if (change instanceof StateChange.RemoveOutput remove) {
            outputs.remove(remove.name());
        }
    }

    /** An immutable snapshot of everything so far, with the serial of the state it started from. */
    public synchronized State snapshot() {
        TreeMap<AbsResource, ResourceState> out = new TreeMap<>();
        resources.forEach(
                (address, entry) -> out.put(address, new ResourceState(address, entry.provider, entry.all())));
        return new State(terraformVersion, serial, lineage, new TreeMap<>(outputs), out);
    }
}
