package io.netform.graph;

import io.netform.addrs.Resource;
import io.netform.config.Check;
import io.netform.config.Condition;
import io.netform.config.Module;
import io.netform.config.ModuleCall;
import io.netform.config.ResourceConfig;
import io.netform.config.Variable;
import io.netform.graph.Node.CallNode;
import io.netform.graph.Node.LocalNode;
import io.netform.graph.Node.OutputNode;
import io.netform.graph.Node.ProviderNode;
import io.netform.graph.Node.ResourceNode;
import io.netform.graph.Node.ValidationNode;
import io.netform.graph.Node.VariableNode;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.Expression;
import io.netform.lang.Reference;
import io.netform.lang.References;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

/**
 * Builds the {@link ConfigGraph} of a loaded configuration in time linear in its size, checking on
 * the way that every reference names something declared and that there is no cycle.
 */
public final class ConfigGraphBuilder {

    private final Graph<Node, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
    private final Map<List<String>, Module> modules = new LinkedHashMap<>();
    private final Map<ResourceNode, ProviderNode> providers = new HashMap<>();
    private final Map<ResourceNode, ScopedData> scoped = new HashMap<>();
    private final List<Diagnostic> diagnostics;

    private ConfigGraphBuilder(List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * The graph of {@code root} and its children; a wrong reference or a cycle (naming every declaration
     * on it) is an error diagnostic, and then there is no graph.
     */
    public static GraphResult build(Module root) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        ConfigGraphBuilder builder = new ConfigGraphBuilder(diagnostics);
        builder.addModule(root);
        builder.connectModule(root);
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            return new GraphResult(null, diagnostics);
        }
        List<List<String>> cycles = Cycles.find(builder.graph, Node::address);
        if (!cycles.isEmpty()) {
            diagnostics.add(Diagnostic.error("Cycle in the configuration", Cycles.describe(cycles), null));
            return new GraphResult(null, diagnostics);
        }
        return new GraphResult(
                new ConfigGraph(builder.graph, builder.modules, builder.providers, builder.scoped), diagnostics);
    }

    private void addModule(Module m) {
        modules.put(m.path(), m);
        m.variables().keySet().forEach(n -> graph.addVertex(new VariableNode(m.path(), n)));
        m.variables().values().stream()
                .filter(v -> !v.crossObjectValidations().isEmpty())
                .forEach(v -> graph.addVertex(new ValidationNode(m.path(), v.name())));
        m.locals().keySet().forEach(n -> graph.addVertex(new LocalNode(m.path(), n)));
        m.outputs().keySet().forEach(n -> graph.addVertex(new OutputNode(m.path(), n)));
        m.resources().keySet().forEach(r -> graph.addVertex(new ResourceNode(m.path(), r)));
        m.calls().keySet().forEach(c -> graph.addVertex(new CallNode(m.path(), c)));
        m.providers().keySet().forEach(k -> graph.addVertex(new ProviderNode(m.path(), k)));
        m.children().values().forEach(this::addModule);
    }

    private void connectModule(Module m) {
        List<String> path = m.path();
        CallNode entry = path.isEmpty() ? null : new CallNode(parentOf(path), path.get(path.size() - 1));
        for (var local : m.locals().values()) {
            Node node = new LocalNode(path, local.name());
            dependOn(node, entry);
            refs(m, node, local.expression(), Set.of(), Context.PLAIN);
        }
        for (var output : m.outputs().values()) {
            Node node = new OutputNode(path, output.name());
            dependOn(node, entry);
            refs(m, node, output.value(), Set.of(), Context.PLAIN);
            conditionRefs(m, node, output.preconditions(), Set.of(), Context.PLAIN);
            output.dependsOn().forEach(d -> explicit(m, node, d));
        }
        for (var variable : m.variables().values()) {
            Node node = new VariableNode(path, variable.name());
            dependOn(node, entry);
            if (entry != null) {
                Module parent = modules.get(entry.path());
                ModuleCall call = parent.calls().get(entry.name());
                var input = call.inputs().get(variable.name());
                if (input != null) {
                    refs(parent, node, input.expression(), Set.of(), contextOf(call));
                }
            }
            List<Variable.Validation> crossObject = variable.crossObjectValidations();
            if (!crossObject.isEmpty()) {
                Node validation = new ValidationNode(path, variable.name());
                dependOn(validation, node);
                for (Variable.Validation rule : crossObject) {
                    refs(m, validation, rule.condition(), Set.of(), Context.PLAIN);
                    refs(m, validation, rule.errorMessage(), Set.of(), Context.PLAIN);
                }
            }
        }
        for (ProviderBlockRef p : providerBlocks(m)) {
            dependOn(p.node, entry);
            for (var written : BodyExpressions.of(p.body)) {
                refs(m, p.node, written.expression(), written.iterators(), Context.PLAIN);
            }
        }
        for (ResourceConfig r : m.resources().values()) {
            connectResource(m, r, entry);
        }
        m.stateBlocks().imports().forEach(i -> connectImport(m, i));
        m.checks().values().forEach(check -> connectCheck(m, check));
        for (ModuleCall call : m.calls().values()) {
            CallNode node = new CallNode(path, call.name());
            dependOn(node, entry);
            refs(m, node, call.count(), Set.of(), Context.PLAIN);
            refs(m, node, call.forEach(), Set.of(), Context.PLAIN);
            call.dependsOn().forEach(d -> explicit(m, node, d));
            for (var input : call.inputs().values()) {
                Module child = m.children().get(call.name());
                if (child != null && !child.variables().containsKey(input.name())) {
                    diagnostics.add(Diagnostic.error(
                            "Unsupported argument",
                            "An argument named \"" + input.name()
                                    + "\" is not expected here: module \"" + call.name()
                                    + "\" has no variable of that name."
                                    + io.netform.lang.NameSuggestion.didYouMean(
                                            input.name(), child.variables().keySet()),
                            input.nameRange()));
                }
            }
            Module child = m.children().get(call.name());
            if (child != null) {
                for (Variable v : child.variables().values()) {
                    if (v.isRequired() && !call.inputs().containsKey(v.name())) {
                        diagnostics.add(Diagnostic.error(
                                "Missing required argument",
                                "The argument \"" + v.name() + "\" is required, but no definition was found.",
                                call.declRange()));
                    }
                }
            }
        }
        m.children().values().forEach(this::connectModule);
    }

    private void connectResource(Module m, ResourceConfig r, CallNode entry) {
        ResourceNode node = new ResourceNode(m.path(), r.address());
        dependOn(node, entry);
        Context context = r.count() != null ? Context.COUNT : r.forEach() != null ? Context.FOR_EACH : Context.PLAIN;
        refs(m, node, r.count(), Set.of(), Context.PLAIN);
        refs(m, node, r.forEach(), Set.of(), Context.PLAIN);
        for (var written : BodyExpressions.of(r.config())) {
            refs(m, node, written.expression(), written.iterators(), context);
        }
        r.lifecycle().replaceTriggeredBy().forEach(t -> refs(m, node, t.expression(), Set.of(), context));
        conditionRefs(m, node, r.lifecycle().preconditions(), Set.of(), context);
        conditionRefs(m, node, r.lifecycle().postconditions(), Set.of("self"), context);
        r.dependsOn().forEach(d -> explicit(m, node, d));
        ProviderNode provider = resolveProvider(m.path(), r.provider(), r);
        if (provider != null) {
            providers.put(node, provider);
            dependOn(node, provider);
        }
    }

    /** An import's id and keys are evaluated when its target resource is planned, so the target depends on them. */
    private void connectImport(Module m, io.netform.config.ImportBlock i) {
        ResourceNode node = new ResourceNode(
                i.resource().module().configPath(), i.resource().resource());
        if (!graph.containsVertex(node)) {
            return;
        }
        Context context = i.forEach() != null ? Context.FOR_EACH : Context.PLAIN;
        refs(m, node, i.forEach(), Set.of(), Context.PLAIN);
        refs(m, node, i.id(), Set.of(), context);
        refs(m, node, i.key(), Set.of(), context);
    }

    private void conditionRefs(Module m, Node node, List<Condition> conditions, Set<String> bound, Context context) {
        for (Condition c : conditions) {
            refs(m, node, c.condition(), bound, context);
            refs(m, node, c.errorMessage(), bound, context);
        }
    }

    /**
     * Checks the references of a check block and finds the providers of its scoped data sources. A
     * check is no vertex: it is evaluated once the walk is over, so it adds no edges.
     */
    private void connectCheck(Module m, Check check) {
        for (ResourceConfig data : check.data()) {
            Set<Node> dependencies = new HashSet<>();
            for (var written : BodyExpressions.of(data.config())) {
                dependencies.addAll(checkRefs(m, check, written.expression(), written.iterators()));
            }
            data.dependsOn().forEach(d -> dependencies.addAll(checkRefs(m, check, d, Set.of())));
            ProviderNode provider = resolveProvider(m.path(), data.provider(), data);
            if (provider != null) {
                scoped.put(new ResourceNode(m.path(), data.address()), new ScopedData(provider, dependencies));
            }
        }
        for (Condition a : check.asserts()) {
            checkRefs(m, check, a.condition(), Set.of());
            checkRefs(m, check, a.errorMessage(), Set.of());
        }
    }

    /** What {@code e}, written in {@code check}, refers to; a scoped data source stands for what it refers to. */
    private Set<Node> checkRefs(Module m, Check check, Expression e, Set<String> bound) {
        Set<Node> targets = new HashSet<>();
        for (Reference ref : References.of(e)) {
            Resource r = ref.root().equals("data") ? resourceOf(ref) : null;
            if (bound.contains(ref.root())) {
                continue;
            }
            if (r != null && check.scoped(r) != null) {
                ScopedData earlier = scoped.get(new ResourceNode(m.path(), r));
                if (earlier != null) {
                    targets.addAll(earlier.dependencies());
                }
            } else {
                targets.addAll(ReferenceTargets.resolve(m, ref, Context.PLAIN, diagnostics));
            }
        }
        return targets;
    }

    /** Where a reference may be evaluated: whether count.index or each.* exist there. */
    enum Context {
        PLAIN,
        COUNT,
        FOR_EACH
    }

    private static Context contextOf(ModuleCall call) {
        return call.count() != null ? Context.COUNT : call.forEach() != null ? Context.FOR_EACH : Context.PLAIN;
    }

    private void refs(Module m, Node node, Expression e, Set<String> bound, Context context) {
        if (e == null) {
            return;
        }
        for (Reference ref : References.of(e)) {
            if (bound.contains(ref.root())) {
                continue;
            }
            for (Node target : ReferenceTargets.resolve(m, ref, context, diagnostics)) {
                if (graph.containsVertex(target)) {
                    dependOn(node, target);
                }
            }
        }
    }

    private void explicit(Module m, Node node, Expression e) {
        List<Reference> refs = References.of(e);
        if (refs.size() != 1 || !(e instanceof Expression.Identifier || e instanceof Expression.GetAttr)) {
            diagnostics.add(Diagnostic.error(
                    "Invalid depends_on reference",
                    "References in depends_on must be to a "
                            + "whole object (a resource or a module), without any other expressions.",
                    e.range()));
            return;
        }
        Reference ref = refs.get(0);
        if (ref.root().equals("module") && ref.attrAt(0) != null && m.children().containsKey(ref.attrAt(0))) {
            Module child = m.children().get(ref.attrAt(0));
            for (Node n : List.copyOf(graph.vertexSet())) {
                if (n.path().size() >= child.path().size()
                        && n.path().subList(0, child.path().size()).equals(child.path())
                        && (n instanceof ResourceNode || n instanceof OutputNode)) {
                    dependOn(node, n);
                }
            }
            return;
        }
        for (Node target : ReferenceTargets.resolve(m, ref, Context.PLAIN, diagnostics)) {
            dependOn(node, target);
        }
    }

    private ProviderNode resolveProvider(List<String> path, String key, ResourceConfig r) {
        Module m = modules.get(path);
        if (m.providers().containsKey(key)) {
            return new ProviderNode(path, key);
        }
        boolean aliased = key.contains(".");
        if (path.isEmpty()) {
            if (aliased) {
                diagnostics.add(Diagnostic.error(
                        "Provider configuration not present",
                        "To work with " + r.address()
                                + " its original provider configuration at provider[\"" + key
                                + "\"] is required, but it has "
                                + "no provider block. Add a provider block with alias = \""
                                + key.substring(key.indexOf('.') + 1)
                                + "\".",
                        r.declRange()));
                return null;
            }
            ProviderNode implied = new ProviderNode(path, key);
            graph.addVertex(implied);
            return implied;
        }
        List<String> parent = parentOf(path);
        ModuleCall call = modules.get(parent).calls().get(path.get(path.size() - 1));
        String mapped = call.providers().get(key);
        if (mapped != null) {
            return resolveProvider(parent, mapped, r);
        }
        if (aliased) {
            diagnostics.add(Diagnostic.error(
                    "Provider configuration not present",
                    "Module " + String.join(".", path)
                            + " uses provider \"" + key + "\", which its caller does not pass in the module block's "
                            + "providers argument.",
                    r.declRange()));
            return null;
        }
        return resolveProvider(parent, key, r);
    }

    private record ProviderBlockRef(ProviderNode node, io.netform.hcl.Body body) {}

    private static List<ProviderBlockRef> providerBlocks(Module m) {
        List<ProviderBlockRef> out = new ArrayList<>();
        m.providers().forEach((k, p) -> out.add(new ProviderBlockRef(new ProviderNode(m.path(), k), p.config())));
        return out;
    }

    private void dependOn(Node dependent, Node dependency) {
        if (dependency != null) {
            graph.addEdge(dependency, dependent);
        }
    }

    private static List<String> parentOf(List<String> path) {
        return path.subList(0, path.size() - 1);
    }

    static Resource resourceOf(Reference ref) {
        if (ref.root().equals("data")) {
            return ref.attrAt(0) == null || ref.attrAt(1) == null ? null : Resource.data(ref.attrAt(0), ref.attrAt(1));
        }
        return ref.attrAt(0) == null ? null : Resource.managed(ref.root(), ref.attrAt(0));
    }
}
