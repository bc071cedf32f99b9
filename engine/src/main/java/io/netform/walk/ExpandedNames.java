package io.netform.walk;

import io.netform.lang.Scope;
import io.netform.value.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A root name (a resource type, {@code data} or {@code module}) bound to the resources or module
 * calls an expression refers to below it, each by its path of names ({@code ["user"]}, or
 * {@code ["testing_object", "user"]} under {@code data}).
 */
record ExpandedNames(Map<List<String>, Expanded> below) implements Scope.Deferred {

    ExpandedNames {
        below = Map.copyOf(below);
    }

    @Override
    public Value value() {
        return objectOf(below);
    }

    @Override
    public Scope.Elements elements(List<String> attributes) {
        Expanded expanded = below.get(attributes);
        return expanded == null ? null : expanded.instances();
    }

    /** The object whose attributes lead, name by name, to each of {@code paths}' whole values. */
    private static Value objectOf(Map<List<String>, Expanded> paths) {
        Map<String, Value> attributes = new HashMap<>();
        Map<String, Map<List<String>, Expanded>> deeper = new HashMap<>();
        paths.forEach((path, expanded) -> {
            if (path.size() == 1) {
                attributes.put(path.get(0), expanded.whole().get());
            } else {
                deeper.computeIfAbsent(path.get(0), k -> new HashMap<>()).put(path.subList(1, path.size()), expanded);
            }
        });
        deeper.forEach((name, rest) -> attributes.put(name, objectOf(rest)));
        return Value.object(attributes);
    }
}
