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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

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
    }

    /** Records the value of one resource instance (planned, or applied). */
    public void setInstance(AbsResource resource, InstanceKey key, Value value) {
        resources.computeIfAbsent(resource, k -> new ConcurrentSkipListMap<>()).put(key, value);
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
    }

    /** How a module call expanded, or null. */
    public Expansion callExpansion(ModuleInstance caller, String call) {
        return callExpansions.getOrDefault(caller, Map.of()).get(call);
    }

    /** What a reference to a whole resource evaluates to: an object, a tuple by index, or an object by key. */
    Value resourceValue(AbsResource resource) {
        Expansion e = resourceExpansions.get(resource);
        Map<InstanceKey, Value> values = resources.getOrDefault(resource, Map.of());
        if (e == null || e.kind() == Expansion.Kind.UNKNOWN) {
            return Value.unknown(Type.DYNAMIC);
        }
        return collect(e, values::get);
    }

    /** What {@code module.NAME} evaluates to in {@code caller}. */
    Value moduleValue(ModuleInstance caller, String call) {
        Expansion e = callExpansion(caller, call);
        if (e == null || e.kind() == Expansion.Kind.UNKNOWN) {
            return Value.unknown(Type.DYNAMIC);
        }
        return collect(e, key -> Value.object(outputs(caller.child(call, key))));
    }

    private static Value collect(Expansion e, java.util.function.Function<InstanceKey, Value> valueOf) {
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
