package io.netform.walk;

import io.netform.addrs.AbsResource;
import io.netform.addrs.InstanceKey;
import io.netform.addrs.ModuleInstance;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;

/**
 * The values computed so far in a walk of the configuration (variables, locals, outputs, resource
 * instances) and how resources and module calls expanded, by module instance. Safe for many threads.
 */
public final class WalkValues {

    private final Map<ModuleInstance, Map<String, Value>> variables = new ConcurrentHashMap<>();
    private final Map<ModuleInstance, Map<String, Value>> locals = new ConcurrentHashMap<>();
    private final Map<ModuleInstance, Map<String, Value>> outputs = new ConcurrentHashMap<>();
    private final Map<AbsResource, Expansion> resourceExpansions = new ConcurrentHashMap<>();
    private final Map<AbsResource, Map<InstanceKey, Value>> resources = new ConcurrentHashMap<>();
    private final Map<List<String>, List<ModuleInstance>> moduleInstances = new ConcurrentHashMap<>();
    private final Map<ModuleInstance, Map<String, Expansion>> callExpansions = new ConcurrentHashMap<>();
    /**
     * The whole value of a resource ({@link AbsResource}) or module call ({@link Call}) as last built,
     * kept until an instance of it changes: thousands of instances referring to one another build it
     * once, not once each.
     */
    private final Map<Object, Whole> wholes = new ConcurrentHashMap<>();
    /** How often each resource or module call changed; a whole value built at an older count is stale. */
    private final Map<Object, Long> versions = new ConcurrentHashMap<>();

    /** A module call in one instance of its calling module. */
    private record Call(ModuleInstance caller, String name) {}

    private record Whole(long version, Value value) {}

    public WalkValues() {
        moduleInstances.put(List.of(), List.of(ModuleInstance.ROOT));
    }

    /** Records a variable's value. */
    public void setVariable(ModuleInstance module, String name, Value value) {
        variables.computeIfAbsent(module, k -> new ConcurrentHashMap<>()).put(name, value);
    }

    /** Records a local value. */
    public void setLocal(ModuleInstance module, String name, Value value) {
        locals.computeIfAbsent(module, k -> new ConcurrentHashMap<>()).put(name, value);
    }

    /** Records an output value. */
    public void setOutput(ModuleInstance module, String name, Value value) {
        outputs.computeIfAbsent(module, k -> new ConcurrentHashMap<>()).put(name, value);
        if (!module.isRoot()) {
            changed(new Call(
                    module.parent(),
                    module.steps().get(module.steps().size() - 1).name()));
        }
    }

    Map<String, Value> variables(ModuleInstance module) {
        return variables.getOrDefault(module, Map.of());
    }

    Map<String, Value> locals(ModuleInstance module) {
        return locals.getOrDefault(module, Map.of());
    }

    /** The outputs of a module instance computed so far. */
    public Map<String, Value> outputs(ModuleInstance module) {
        return outputs.getOrDefault(module, Map.of());
    }

    /** Records how a resource expanded in one module instance. */
    public void setExpansion(AbsResource resource, Expansion expansion) {
        resourceExpansions.put(resource, expansion);
        resources.computeIfAbsent(resource, k -> new ConcurrentSkipListMap<>());
        changed(resource);
    }

    /** Records the value of one resource instance (planned, or applied). */
    public void setInstance(AbsResource resource, InstanceKey key, Value value) {
        resources.computeIfAbsent(resource, k -> new ConcurrentSkipListMap<>()).put(key, value);
        changed(resource);
    }

    /** The value of one resource instance, if computed. */
    public Value instance(AbsResource resource, InstanceKey key) {
        return resources.getOrDefault(resource, Map.of()).get(key);
    }

    /** The expansion of a resource, or null when it has not been evaluated. */
    public Expansion expansion(AbsResource resource) {
        return resourceExpansions.get(resource);
    }

    /** Records the instances of the module at config path {@code path}, across all its callers. */
    public void setModuleInstances(List<String> path, List<ModuleInstance> instances) {
        moduleInstances.put(List.copyOf(path), List.copyOf(instances));
    }

    /** The instances of the module at config path {@code path}, or empty if none (yet). */
    public List<ModuleInstance> moduleInstances(List<String> path) {
        return moduleInstances.getOrDefault(path, List.of());
    }

    /** Records how a module call expanded inside one instance of its calling module. */
    public void setCallExpansion(ModuleInstance caller, String call, Expansion expansion) {
        callExpansions.computeIfAbsent(caller, k -> new ConcurrentHashMap<>()).put(call, expansion);
        changed(new Call(caller, call));
    }

    /** How a module call expanded, or null. */
    public Expansion callExpansion(ModuleInstance caller, String call) {
        return callExpansions.getOrDefault(caller, Map.of()).get(call);
    }

    /** What a reference to a whole resource evaluates to: an object, a tuple by index, or an object by key. */
    Value resourceValue(AbsResource resource) {
        return whole(resource, resourceExpansions.get(resource), key -> instance(resource, key));
    }

    /** One instance of a resource, as {@link #resourceValue} indexed by {@code key} gives it, without building that. */
    Optional<Value> resourceInstance(AbsResource resource, Value key) {
        return element(resourceExpansions.get(resource), key, k -> instance(resource, k));
    }

    /** What {@code module.NAME} evaluates to in {@code caller}. */
    Value moduleValue(ModuleInstance caller, String call) {
        return whole(new Call(caller, call), callExpansion(caller, call), key -> callOutputs(caller, call, key));
    }

    /** One instance of a module call, as {@link #moduleValue} indexed by {@code key} gives it, without building that. */
    Optional<Value> moduleInstance(ModuleInstance caller, String call, Value key) {
        return element(callExpansion(caller, call), key, k -> callOutputs(caller, call, k));
    }

    private Value callOutputs(ModuleInstance caller, String call, InstanceKey key) {
        return Value.object(outputs(caller.child(call, key)));
    }

    /** Notes a change of a resource's or module call's instances, after making it, so that no stale whole value is used. */
    private void changed(Object resourceOrCall) {
        versions.merge(resourceOrCall, 1L, Long::sum);
    }

    private Value whole(Object resourceOrCall, Expansion e, Function<InstanceKey, Value> valueOf) {
        if (e == null || e.kind() == Expansion.Kind.UNKNOWN) {
            return Value.unknown(Type.DYNAMIC);
        }
        // The version is read before the instances: a change made meanwhile leaves this one stale, not wrong.
        long version = versions.getOrDefault(resourceOrCall, 0L);
        Whole cached = wholes.get(resourceOrCall);
        if (cached != null && cached.version() == version) {
            return cached.value();
        }
        Value built = collect(e, valueOf);
        wholes.put(resourceOrCall, new Whole(version, built));
        return built;
    }

    /**
     * The instance {@code key} selects from the whole value of a resource or module call expanded as
     * {@code e}, or empty where only indexing the whole value can tell (a single instance, a key of
     * another type, a missing instance: its error comes from indexing).
     */
    private static Optional<Value> element(Expansion e, Value key, Function<InstanceKey, Value> valueOf) {
        if (key.isNull() || e != null && e.kind() == Expansion.Kind.SINGLE) {
            return Optional.empty();
        }
        if (e == null || e.kind() == Expansion.Kind.UNKNOWN || !key.isKnown()) {
            return Optional.of(Value.unknown(Type.DYNAMIC));
        }
        InstanceKey k = null;
        if (e.kind() == Expansion.Kind.COUNT
                && key.type() == Type.NUMBER
                && key.asBigFloat().isLong()) {
            long i = key.asBigFloat().longValue();
            k = i >= 0 && i < e.instances().size() ? InstanceKey.of((int) i) : null;
        } else if (e.kind() == Expansion.Kind.FOR_EACH && key.type() == Type.STRING) {
            k = InstanceKey.of(key.asString());
        }
        if (k == null || !e.instances().containsKey(k)) {
            return Optional.empty();
        }
        Value v = valueOf.apply(k);
        return Optional.of(v == null ? Value.unknown(Type.DYNAMIC) : v);
    }

    private static Value collect(Expansion e, Function<InstanceKey, Value> valueOf) {
        switch (e.kind()) {
            case SINGLE: {
                Value v = valueOf.apply(InstanceKey.NONE);
                return v == null ? Value.unknown(Type.DYNAMIC) : v;
            }
            case COUNT: {
                List<Value> elements = new ArrayList<>();
                for (InstanceKey k : e.keys()) {
                    Value v = valueOf.apply(k);
                    elements.add(v == null ? Value.unknown(Type.DYNAMIC) : v);
                }
                return Value.tuple(elements);
            }
            default: {
                Map<String, Value> byKey = new LinkedHashMap<>();
                for (InstanceKey k : e.keys()) {
                    Value v = valueOf.apply(k);
                    byKey.put(((InstanceKey.EachKey) k).value(), v == null ? Value.unknown(Type.DYNAMIC) : v);
                }
                return Value.object(byKey);
            }
        }
    }
}
