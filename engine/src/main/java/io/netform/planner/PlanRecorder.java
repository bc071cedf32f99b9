package io.netform.planner;

import io.netform.addrs.ProviderConfig;
import io.netform.addrs.ResourceInstance;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.SourceRange;
import io.netform.plan.Action;
import io.netform.plan.ActionReason;
import io.netform.plan.ResourceChange;
import io.netform.plugins.ProviderClient;
import io.netform.state.InstanceObject;
import io.netform.state.State;
import io.netform.state.StateChange;
import io.netform.state.WorkingState;
import io.netform.value.CodecException;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.walk.ProviderDiagnostics;
import io.netform.walk.Sensitivity;
import io.netform.walk.StateValues;
import io.netform.walk.WalkContext;
import io.netform.wire.Schema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a plan records as it goes: the prior objects (refreshed from the providers), the changes
 * made outside Netform that refreshing found, and the planned changes. Safe for many threads.
 */
final class PlanRecorder {

    private final State prior;
    private final WorkingState refreshed;
    private final WalkContext context;
    private final List<ResourceChange> changes = Collections.synchronizedList(new ArrayList<>());
    private final List<ResourceChange> drift = Collections.synchronizedList(new ArrayList<>());
    private final java.util.Set<List<Object>> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Map<ResourceInstance, InstanceObject> imported = new ConcurrentHashMap<>();
    private final Map<ResourceInstance, String> importIds = new ConcurrentHashMap<>();
    private final Map<ResourceInstance, ResourceChange> current = new ConcurrentHashMap<>();

    PlanRecorder(State prior, WalkContext context) {
        this.prior = prior;
        this.refreshed = new WorkingState(prior);
        this.context = context;
    }

    InstanceObject priorObject(ResourceInstance address) {
        InstanceObject found = imported.get(address);
        return found != null ? found : prior.current(address).orElse(null);
    }

    /** Records an object imported by {@code id} as the prior object of {@code address}. */
    void imported(ResourceInstance address, ProviderConfig providerAddress, InstanceObject object, String id) {
        imported.put(address, object);
        importIds.put(address, id);
        refreshed.apply(new StateChange.PutObject(address, providerAddress, object));
    }

    /** The instances imported so far and the id of each. */
    Map<ResourceInstance, String> importIds() {
        return Map.copyOf(importIds);
    }

    /**
     * The stored object as a value in the current schema, refreshed from the provider when asked;
     * the null value of the type when the object is gone, or null after reporting a failure.
     */
    Value refresh(
            ResourceInstance address,
            InstanceObject stored,
            ProviderClient provider,
            Schema schema,
            ProviderConfig providerAddress,
            boolean doRefresh,
            SourceRange at) {
        Type type = schema.block().impliedType();
        String resourceType = address.resource().resource().type();
        Value before;
        try {
            before = decode(stored, provider, schema, resourceType, address, at);
        } catch (CodecException e) {
            context.report(Diagnostic.error(
                    "Invalid resource state",
                    "The state of " + address + " does not match " + "the provider's schema: " + e.getMessage() + ".",
                    at));
            return null;
        }
        if (before == null) {
            return null;
        }
        if (!doRefresh) {
            return before;
        }
        context.refreshHooks().refreshStarted(address, before);
        var read = provider.readResource(resourceType, before.unmarkDeep(), StateValues.privateData(stored));
        ProviderDiagnostics.report(context, address.toString(), at, read.diagnostics());
        if (read.hasErrors()) {
            return null;
        }
        Value now = read.value().newState();
        context.refreshHooks().refreshCompleted(address, now == null ? Value.nullOf(type) : now);
        if (now == null || now.isNull()) {
            drift.add(new ResourceChange(
                    address,
                    null,
                    providerAddress,
                    Action.DELETE,
                    ActionReason.NONE,
                    type,
                    before,
                    Value.nullOf(type),
                    List.of(),
                    new byte[0]));
            refreshed.apply(new StateChange.RemoveObject(address, null));
            return Value.nullOf(type);
        }
        Value marked = Sensitivity.marked(before, now, schema.block());
        if (!now.unmarkDeep().equals(before.unmarkDeep())) {
            drift.add(new ResourceChange(
                    address,
                    null,
                    providerAddress,
                    Action.UPDATE,
                    ActionReason.NONE,
                    type,
                    before,
                    marked,
                    List.of(),
                    new byte[0]));
            try {
                refreshed.apply(new StateChange.PutObject(
                        address,
                        providerAddress,
                        StateValues.encode(
                                address.key(),
                                null,
                                marked,
                                type,
                                schema.version(),
                                read.value().privateData(),
                                stored.dependencies(),
                                stored.createBeforeDestroy())));
            } catch (CodecException e) {
                context.report(StateValues.encodingError(
                        address,
                        e,
                        at,
                        Diagnostic.error(
                                "Provider returned an invalid object",
                                "Reading " + address + " returned a value that does not fit its schema: "
                                        + e.getMessage() + ".",
                                at)));
                return null;
            }
        }
        return marked;
    }

    private Value decode(
            InstanceObject stored,
            ProviderClient provider,
            Schema schema,
            String resourceType,
            ResourceInstance address,
            SourceRange at)
            throws CodecException {
        Type type = schema.block().impliedType();
        if (stored.schemaVersion() == schema.version()) {
            return StateValues.decode(stored, type);
        }
        byte[] json = stored.attributes().toString().getBytes(StandardCharsets.UTF_8);
        var upgraded = provider.upgradeResourceState(resourceType, stored.schemaVersion(), json);
        ProviderDiagnostics.report(context, address.toString(), at, upgraded.diagnostics());
        if (upgraded.hasErrors()) {
            return null;
        }
        InstanceObject asCurrent = StateValues.encode(
                stored.key(),
                stored.deposed(),
                upgraded.value(),
                type,
                schema.version(),
                StateValues.privateData(stored),
                stored.dependencies(),
                stored.createBeforeDestroy());
        return StateValues.decode(
                new InstanceObject(
                        asCurrent.key(),
                        asCurrent.deposed(),
                        stored.tainted(),
                        asCurrent.schemaVersion(),
                        asCurrent.attributes(),
                        stored.sensitiveAttributes(),
                        asCurrent.privateData(),
                        asCurrent.dependencies(),
                        asCurrent.createBeforeDestroy()),
                type);
    }

    /** Records what a data source read during planning returned, as state keeps it. */
    void dataRead(
            ResourceInstance address, ProviderConfig providerAddress, Value value, Schema schema, SourceRange at) {
        try {
            refreshed.apply(new StateChange.PutObject(
                    address,
                    providerAddress,
                    StateValues.encode(
                            address.key(),
                            null,
                            value,
                            schema.block().impliedType(),
                            schema.version(),
                            new byte[0],
                            List.of(),
                            false)));
        } catch (CodecException e) {
            context.report(StateValues.encodingError(
                    address,
                    e,
                    at,
                    Diagnostic.error(
                            "Provider returned an invalid object",
                            "Reading " + address + " returned a value that does not fit its schema: " + e.getMessage()
                                    + ".",
                            at)));
        }
    }

    void change(ResourceChange change) {
        changes.add(change);
        if (change.deposed() == null) {
            current.put(change.address(), change);
        }
        if (change.action() != Action.NO_OP) {
            pending.add(List.of(
                    change.address().module().configPath(),
                    change.address().resource().resource()));
        }
    }

    /** The planned change of the current object of {@code address}, or null when none was planned (yet). */
    ResourceChange change(ResourceInstance address) {
        return current.get(address);
    }

    /** Whether the resource declared at {@code path} has a planned change other than no-op. */
    boolean changes(List<String> path, io.netform.addrs.Resource resource) {
        return pending.contains(List.of(path, resource));
    }

    /** The planned changes, in address order. */
    List<ResourceChange> changes() {
        return sorted(changes);
    }

    /** The changes made outside Netform, in address order. */
    List<ResourceChange> drift() {
        return sorted(drift);
    }

    /** The prior state as refreshing found it. */
    State refreshedState() {
        return refreshed.snapshot();
    }

    private static List<ResourceChange> sorted(List<ResourceChange> list) {
        synchronized (list) {
            List<ResourceChange> copy = new ArrayList<>(list);
            copy.sort(Comparator.comparing(ResourceChange::address)
                    .thenComparing(c -> c.deposed() == null ? "" : c.deposed()));
            return copy;
        }
    }
}
