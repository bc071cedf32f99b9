package io.netform.walk;

import io.netform.addrs.InstanceKey;
import io.netform.addrs.ModuleInstance;
import io.netform.addrs.ResourceInstance;
import io.netform.config.Module;
import io.netform.config.ModuleCall;
import io.netform.config.Output;
import io.netform.config.Variable;
import io.netform.config.VariableValue;
import io.netform.graph.ConfigGraph;
import io.netform.graph.Node;
import io.netform.hcl.Attribute;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.Expression;
import io.netform.hcl.SourceRange;
import io.netform.lang.Evaluation;
import io.netform.lang.Evaluator;
import io.netform.lang.Scope;
import io.netform.plugins.ProviderClient;
import io.netform.value.Conversion;
import io.netform.value.ConversionException;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a walk of the configuration graph shares: the graph, the values computed so far, scopes,
 * providers and the diagnostics found. Evaluates the declarations that plan and apply treat alike:
 * variables, locals, outputs and module calls.
 */
public final class WalkContext {

    private final ConfigGraph graph;
    private final WalkValues values;
    private final ScopeBuilder scopes;
    private final WalkProviders providers;
    private final String netformVersion;
    private final Map<String, Value> rootVariables;
    private final List<Diagnostic> diagnostics = Collections.synchronizedList(new ArrayList<>());
    /** Where the vertex whose work runs on this thread collects what it reports (see {@link #attributing}). */
    private final ThreadLocal<List<Diagnostic>> vertex = new ThreadLocal<>();

    private final StopSignal stop = new StopSignal();
    private volatile boolean destroying;
    private volatile RefreshHooks refreshHooks = RefreshHooks.NONE;
    private volatile InstanceProviders instanceProviders = InstanceProviders.CONFIGURED;

    public WalkContext(
            ConfigGraph graph,
            WalkValues values,
            ScopeBuilder scopes,
            WalkProviders providers,
            Map<String, Value> rootVariables,
            String netformVersion) {
        this.graph = graph;
        this.values = values;
        this.scopes = scopes;
        this.providers = providers;
        this.rootVariables = Map.copyOf(rootVariables);
        this.netformVersion = netformVersion;
        stop.onStopProviders(providers::stopAll);
    }

    /** Has {@code chosen} pick the provider that answers for each resource instance in this walk. */
    public void onInstances(InstanceProviders chosen) {
        instanceProviders = chosen;
    }

    /** The provider that answers for {@code address}, whose configuration's provider is {@code provider}. */
    public ProviderClient providerOf(ResourceInstance address, ProviderClient provider) {
        return instanceProviders.of(address, provider);
    }

    /** Tells {@code hooks} about every object read from its provider during this walk. */
    public void onRefresh(RefreshHooks hooks) {
        refreshHooks = hooks;
    }

    /** The hooks told about objects read from their providers. */
    public RefreshHooks refreshHooks() {
        return refreshHooks;
    }

    /** The signal that stops this walk's work (Ctrl-C). */
    public StopSignal stopSignal() {
        return stop;
    }

    /** The configuration graph being walked. */
    public ConfigGraph graph() {
        return graph;
    }

    /** The values computed so far. */
    public WalkValues values() {
        return values;
    }

    /** Builds scopes for expressions. */
    public ScopeBuilder scopes() {
        return scopes;
    }

    /** The command's providers. */
    public WalkProviders providers() {
        return providers;
    }

    /** Netform's version, as providers are told. */
    public String netformVersion() {
        return netformVersion;
    }

    /** The root module's variable values. */
    public Map<String, Value> rootVariables() {
        return rootVariables;
    }

    /** Every diagnostic reported so far. */
    public List<Diagnostic> diagnostics() {
        synchronized (diagnostics) {
            return List.copyOf(diagnostics);
        }
    }

    /** Reports what was found, to the walk and to the vertex whose work found it. */
    public void report(List<Diagnostic> found) {
        diagnostics.addAll(found);
        List<Diagnostic> mine = vertex.get();
        if (mine != null) {
            mine.addAll(found);
        }
    }

    public void report(Diagnostic d) {
        report(List.of(d));
    }

    /** Runs {@code work} with what it reports on this thread also collected in {@code into}, its vertex's list. */
    public <T> T attributing(List<Diagnostic> into, java.util.concurrent.Callable<T> work) throws Exception {
        List<Diagnostic> outer = vertex.get();
        vertex.set(into);
        try {
            return work.call();
        } finally {
            if (outer == null) {
                vertex.remove();
            } else {
                vertex.set(outer);
            }
        }
    }

    /**
     * Marks this walk as part of a destroy: outputs are on their way out, so their preconditions
     * are not checked (a failing one must not keep the infrastructure from being destroyed).
     */
    public void forDestroy() {
        destroying = true;
    }

    /** Whether errors were reported. */
    public boolean hasErrors() {
        synchronized (diagnostics) {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    /** The instances of the module at config path {@code path}. */
    public List<ModuleInstance> instances(List<String> path) {
        return values.moduleInstances(path);
    }

    /** Evaluates {@code e} for one module instance; errors are reported and give an unknown. */
    public Value evaluate(Module m, ModuleInstance at, Repetition repetition, Expression e) {
        Scope scope = scopes.scope(m, at, repetition, List.of(e));
        Evaluation result = Evaluator.evaluate(e, scope);
        report(result.diagnostics());
        return result.value();
    }

    /** Evaluates a variable, local, output or module call in every instance of its module. */
    public void evaluateDeclaration(Node node) {
        Module m = graph.module(node.path());
        for (ModuleInstance at : instances(node.path())) {
            if (node instanceof Node.VariableNode v) {
                values.setVariable(at, v.name(), variable(m, at, m.variables().get(v.name())));
            } else if (node instanceof Node.ValidationNode v) {
                validateCrossObject(m, at, m.variables().get(v.name()));
            } else if (node instanceof Node.LocalNode l) {
                values.setLocal(
                        at,
                        l.name(),
                        evaluate(
                                m, at, Repetition.NONE, m.locals().get(l.name()).expression()));
            } else if (node instanceof Node.OutputNode o) {
                Output output = m.outputs().get(o.name());
                if (!destroying && !CustomConditions.outputPreconditions(this, m, at, o.name())) {
                    continue;
                }
                Value v = evaluate(m, at, Repetition.NONE, output.value());
                values.setOutput(at, o.name(), output.sensitive() ? v.mark(io.netform.value.Mark.SENSITIVE) : v);
            } else if (node instanceof Node.CallNode c) {
                ModuleCall call = m.calls().get(c.name());
                values.setCallExpansion(at, c.name(), expand(m, at, call.count(), call.forEach()));
            }
        }
        if (node instanceof Node.CallNode c) {
            List<String> childPath = new ArrayList<>(node.path());
            childPath.add(c.name());
            List<ModuleInstance> children = new ArrayList<>();
            for (ModuleInstance at : instances(node.path())) {
                Expansion e = values.callExpansion(at, c.name());
                for (InstanceKey k : e.keys()) {
                    ModuleInstance child = at.child(c.name(), k);
                    InstanceProviders.StandIn standIn = instanceProviders.standInFor(child);
                    if (standIn == null) {
                        children.add(child);
                    } else {
                        standIn(graph.module(childPath), child, standIn);
                    }
                }
            }
            values.setModuleInstances(childPath, children);
        }
    }

    /**
     * Gives module instance {@code child} the outputs standing in for it, leaving it out of the walk; as in
     * Terraform, a declared output the stand-in does not give is null.
     */
    private void standIn(Module m, ModuleInstance child, InstanceProviders.StandIn standIn) {
        Map<String, Value> given = standIn.outputs().asMap();
        for (String name : given.keySet()) {
            if (!m.outputs().containsKey(name)) {
                report(Diagnostic.error(
                        "Invalid override",
                        "The module called by " + child + " has no output named \"" + name
                                + "\", so the override cannot give it a value.",
                        standIn.range()));
            }
        }
        for (String name : m.outputs().keySet()) {
            values.setOutput(child, name, given.getOrDefault(name, Value.nullOf(Type.DYNAMIC)));
        }
    }

    /** Checks the validation rules of a variable that refer to other objects, now that those are known. */
    private void validateCrossObject(Module m, ModuleInstance at, Variable variable) {
        List<Variable.Validation> rules = variable.crossObjectValidations();
        List<Expression> expressions = new ArrayList<>();
        rules.forEach(r -> expressions.addAll(List.of(r.condition(), r.errorMessage())));
        var input = at.isRoot() ? null : callInput(m, at, variable);
        SourceRange where =
                input == null ? variable.range() : input.expression().range();
        List<Diagnostic> found = new ArrayList<>();
        VariableValue.check(rules, scopes.scope(m, at, Repetition.NONE, expressions), where, found);
        report(found);
    }

    private Value variable(Module m, ModuleInstance at, Variable variable) {
        if (at.isRoot()) {
            return rootVariables.getOrDefault(
                    variable.name(), Value.unknown(variable.type().type()));
        }
        ModuleInstance callerInstance = at.parent();
        String callName = at.steps().get(at.steps().size() - 1).name();
        InstanceKey key = at.steps().get(at.steps().size() - 1).key();
        Module caller = graph.module(m.path().subList(0, m.path().size() - 1));
        var input = callInput(m, at, variable);
        Value given = null;
        SourceRange at2 = null;
        if (input != null) {
            Repetition r = Repetition.of(values.callExpansion(callerInstance, callName), key);
            given = evaluate(caller, callerInstance, r, input.expression());
            at2 = input.expression().range();
        }
        List<Diagnostic> found = new ArrayList<>();
        Value v = VariableValue.finalize(variable, given, at2, scopes.functions(), found);
        report(found);
        return v;
    }

    /** The argument of the module call that sets {@code variable} of child module instance {@code at}, or null. */
    private Attribute callInput(Module m, ModuleInstance at, Variable variable) {
        Module caller = graph.module(m.path().subList(0, m.path().size() - 1));
        ModuleCall call =
                caller.calls().get(at.steps().get(at.steps().size() - 1).name());
        return call.inputs().get(variable.name());
    }

    /** The instances a count or for_each gives in one module instance; a single instance without either. */
    public Expansion expand(Module m, ModuleInstance at, Expression count, Expression forEach) {
        if (count != null) {
            return countOf(evaluate(m, at, Repetition.NONE, count), count.range());
        }
        if (forEach != null) {
            return forEachOf(evaluate(m, at, Repetition.NONE, forEach), forEach.range());
        }
        return Expansion.SINGLE;
    }

    private Expansion countOf(Value v, SourceRange at) {
        String summary = "Invalid count argument";
        if (v.containsMarks()) {
            return fail(
                    summary,
                    "Sensitive values, or values derived from sensitive values, cannot be used as count "
                            + "arguments.",
                    at);
        }
        if (!v.isWhollyKnown()) {
            return fail(
                    summary,
                    "The \"count\" value depends on resource attributes that cannot be determined until "
                            + "apply, so Netform cannot predict how many instances will be created. To work around this, "
                            + "use the -target argument to first apply only the resources that the count depends on.",
                    at);
        }
        Value number;
        try {
            // As Terraform evaluates count: converted to a number first, so "3" and an untyped -var work.
            number = Conversion.convert(v, Type.NUMBER);
        } catch (ConversionException e) {
            return fail("Incorrect value type", "Invalid expression value: " + e.getMessage() + ".", at);
        }
        if (number.isNull()) {
            return fail(summary, "The given \"count\" argument value is null. An integer is required.", at);
        }
        if (number.asBigFloat().isInfinite()) {
            return fail(
                    summary,
                    "The given \"count\" argument value is unsuitable: the number must be a whole number "
                            + "no larger than 1000000.",
                    at);
        }
        var n = number.asBigDecimal();
        if (n.signum() < 0) {
            return fail(
                    summary,
                    "The given \"count\" argument value is unsuitable: must be greater than or equal to " + "zero.",
                    at);
        }
        if (n.stripTrailingZeros().scale() > 0 || n.compareTo(java.math.BigDecimal.valueOf(1_000_000)) > 0) {
            return fail(
                    summary,
                    "The given \"count\" argument value is unsuitable: the number must be a whole number "
                            + "no larger than 1000000.",
                    at);
        }
        return Expansion.count(n.intValue());
    }

    private Expansion forEachOf(Value v, SourceRange at) {
        String summary = "Invalid for_each argument";
        if (v.isSensitive()) {
            return fail(
                    summary,
                    "Sensitive values, or values derived from sensitive values, cannot be used as "
                            + "for_each arguments. If you do not need the keys to be sensitive, use nonsensitive().",
                    at);
        }
        if (v.isNull()) {
            return fail(
                    summary,
                    "The given \"for_each\" argument value is unsuitable: the given \"for_each\" argument "
                            + "value is null. A map, or set of strings is allowed.",
                    at);
        }
        if (!v.isKnown()) {
            return fail(
                    summary,
                    "The \"for_each\" value depends on resource attributes that cannot be determined "
                            + "until apply, so Netform cannot predict how many instances will be created. To work around "
                            + "this, use the -target argument to first apply only the resources that the for_each depends "
                            + "on.",
                    at);
        }
        Type t = v.type();
        Map<String, Value> each = new LinkedHashMap<>();
        if (t instanceof Type.MapType || t instanceof Type.ObjectType) {
            each.putAll(v.asMap());
        } else if (t instanceof Type.SetType s && s.elementType() == Type.STRING) {
            for (Value e : v.elements()) {
                if (!e.isKnown() || e.isNull()) {
                    return fail(
                            summary,
                            "The given \"for_each\" argument value is unsuitable: \"for_each\" sets "
                                    + "must not contain null or unknown values.",
                            at);
                }
                each.put(e.asString(), e);
            }
        } else if (t instanceof Type.SetType s) {
            return fail(
                    "Invalid for_each set argument",
                    "The given \"for_each\" argument value is unsuitable: "
                            + "\"for_each\" supports maps and sets of strings, but you have provided a set containing type "
                            + s.elementType().friendlyName() + ".",
                    at);
        } else {
            return fail(
                    summary,
                    "The given \"for_each\" argument value is unsuitable: the \"for_each\" argument must "
                            + "be a map, or set of strings, and you have provided a value of type " + t.friendlyName()
                            + ".",
                    at);
        }
        return Expansion.forEach(each);
    }

    private Expansion fail(String summary, String detail, SourceRange at) {
        report(Diagnostic.error(summary, detail, at));
        return Expansion.forEach(Map.of());
    }
}
