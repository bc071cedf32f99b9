package io.netform.walk;

import io.netform.addrs.InstanceKey;
import io.netform.addrs.ModuleInstance;
import io.netform.addrs.Resource;
import io.netform.addrs.ResourceMode;
import io.netform.config.Module;
import io.netform.hcl.Expression;
import io.netform.lang.Reference;
import io.netform.lang.References;
import io.netform.lang.Scope;
import io.netform.lang.function.Functions;
import io.netform.value.Value;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the scope an expression is evaluated in: only the names it refers to, with the values the
 * walk has computed so far for the module instance it belongs to.
 */
public final class ScopeBuilder {

    private final WalkValues values;
    private final Functions functions;
    private final Path rootDir;
    private final String workspace;
    /** The providers' functions, or null where expressions may call only the built-ins. */
    private final ProviderFunctions providerFunctions;

    public ScopeBuilder(WalkValues values, Functions functions, Path rootDir, String workspace) {
        this(values, functions, rootDir, workspace, null);
    }

    /** Scopes whose expressions may also call {@code provider::NAME::FUNC} of their module's providers. */
    public ScopeBuilder(
            WalkValues values,
            Functions functions,
            Path rootDir,
            String workspace,
            ProviderFunctions providerFunctions) {
        this.values = values;
        this.functions = functions;
        this.rootDir = rootDir;
        this.workspace = workspace;
        this.providerFunctions = providerFunctions;
    }

    /** The same scopes calling another function table (the console evaluates as apply does, not as plan). */
    public ScopeBuilder withFunctions(Functions other) {
        return new ScopeBuilder(values, other, rootDir, workspace, providerFunctions);
    }

    /** The function table expressions call. */
    public Functions functions() {
        return functions;
    }

    /** The scope for {@code expressions} of {@code module} evaluated in instance {@code at}. */
    public Scope scope(Module module, ModuleInstance at, Repetition repetition, List<Expression> expressions) {
        Map<String, Value> names = new HashMap<>();
        // Resources and module calls are bound by name path below their root name (a resource type,
        // "data", "module") and built whole only if an expression needs them whole.
        Map<String, Map<List<String>, Expanded>> deferred = new HashMap<>();
        for (Expression e : expressions) {
            if (e == null) {
                continue;
            }
            for (Reference ref : References.of(e)) {
                switch (ref.root()) {
                    case "var" -> names.put("var", Value.object(values.variables(at)));
                    case "local" -> names.put("local", Value.object(values.locals(at)));
                    case "path" -> names.put("path", pathObject(module));
                    case "terraform" ->
                        names.put("terraform", Value.object(Map.of("workspace", Value.string(workspace))));
                    case "count" -> {
                        if (repetition.key() instanceof InstanceKey.CountIndex i) {
                            names.put("count", Value.object(Map.of("index", Value.number(i.value()))));
                        }
                    }
                    case "each" -> {
                        if (repetition.eachValue() != null && repetition.key() instanceof InstanceKey.EachKey k) {
                            names.put(
                                    "each",
                                    Value.object(
                                            Map.of("key", Value.string(k.value()), "value", repetition.eachValue())));
                        }
                    }
                    case "self" -> {
                        if (repetition.self() != null) {
                            names.put("self", repetition.self());
                        }
                    }
                    case "module" -> {
                        String call = ref.attrAt(0);
                        if (call != null && module.calls().containsKey(call)) {
                            bind(deferred, "module", List.of(call), Expanded.call(values, at, call));
                        }
                    }
                    case "data" -> {
                        String type = ref.attrAt(0);
                        String name = ref.attrAt(1);
                        if (type != null && name != null && module.resources().containsKey(Resource.data(type, name))) {
                            bind(
                                    deferred,
                                    "data",
                                    List.of(type, name),
                                    Expanded.resource(
                                            values, Resource.data(type, name).in(at)));
                        }
                    }
                    default -> {
                        String name = ref.attrAt(0);
                        Resource r = name == null ? null : new Resource(ResourceMode.MANAGED, ref.root(), name);
                        if (r != null && module.resources().containsKey(r)) {
                            bind(deferred, ref.root(), List.of(name), Expanded.resource(values, r.in(at)));
                        }
                    }
                }
            }
        }
        Map<String, Scope.Deferred> roots = new HashMap<>();
        deferred.forEach((root, below) -> roots.put(root, new ExpandedNames(below)));
        return Scope.of(names, roots, providerFunctions == null ? functions : providerFunctions.in(module, functions));
    }

    private static void bind(
            Map<String, Map<List<String>, Expanded>> deferred, String root, List<String> path, Expanded expanded) {
        deferred.computeIfAbsent(root, k -> new HashMap<>()).putIfAbsent(path, expanded);
    }

    private Value pathObject(Module module) {
        String relative = rootDir.relativize(module.directory()).toString();
        return Value.object(Map.of(
                "module", Value.string(relative.isEmpty() ? "." : relative),
                "root", Value.string("."),
                "cwd", Value.string(rootDir.toString())));
    }
}
