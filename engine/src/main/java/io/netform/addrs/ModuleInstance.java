package io.netform.addrs;

import java.util.ArrayList;
import java.util.List;

/** A path of module calls with their instance keys, from the root: {@code module.a["x"].module.b}. */
public record ModuleInstance(List<Call> steps) {

    /** The root module. */
    public static final ModuleInstance ROOT = new ModuleInstance(List.of());

    /** One module call and the key of its instance. */
    public record Call(String name, InstanceKey key) {
        @Override
        public String toString() {
            return "module." + name + key.suffix();
        }
    }

    public ModuleInstance {
        steps = List.copyOf(steps);
    }

    /** The instance of child module {@code name} with {@code key} inside this one. */
    public ModuleInstance child(String name, InstanceKey key) {
        List<Call> next = new ArrayList<>(steps.size() + 1);
        next.addAll(steps);
        next.add(new Call(name, key));
        return new ModuleInstance(next);
    }

    /** Whether this is the root module. */
    public boolean isRoot() {
        return steps.isEmpty();
    }

    /** The module that called this one; the root's parent is the root. */
    public ModuleInstance parent() {
        return isRoot() ? this : new ModuleInstance(steps.subList(0, steps.size() - 1));
    }

    /** The module path without instance keys, as configuration knows it: {@code [a, b]}. */
    public List<String> configPath() {
        return steps.stream().map(Call::name).toList();
    }

    /** Whether {@code other} is this module or one nested inside it. */
    public boolean contains(ModuleInstance other) {
        return other.steps.size() >= steps.size()
                && other.steps.subList(0, steps.size()).equals(steps);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Call step : steps) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(step);
        }
        return out.toString();
    }
}
