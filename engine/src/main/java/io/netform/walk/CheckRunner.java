package io.netform.walk;

import io.netform.addrs.ModuleInstance;
import io.netform.config.Check;
import io.netform.config.CheckStatus;
import io.netform.config.Condition;
import io.netform.config.ConditionEvaluator;
import io.netform.config.Module;
import io.netform.config.ResourceConfig;
import io.netform.graph.Node;
import io.netform.graph.Node.ResourceNode;
import io.netform.graph.ScopedData;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.Expression;
import io.netform.hcl.Severity;
import io.netform.lang.Evaluation;
import io.netform.lang.Scope;
import io.netform.plan.CheckResult;
import io.netform.plugins.ProviderClient;
import io.netform.plugins.ProviderException;
import io.netform.value.Value;
import io.netform.wire.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Runs the check blocks at the end of a plan or an apply: reads each check's scoped data sources,
 * then evaluates its assertions. Whatever goes wrong is a warning, never an error, so checks never
 * stop an operation. A scoped data source whose configuration is not known yet, or refers to
 * objects the plan changes, is read only at apply; its check is then unknown at plan.
 */
public final class CheckRunner {

    private static final String INVALID = "Invalid condition result";

    private final WalkContext context;
    private final Predicate<Set<Node>> pending;

    private CheckRunner(WalkContext context, Predicate<Set<Node>> pending) {
        this.context = context;
        this.pending = pending;
    }

    /**
     * Runs every check of every module instance, reporting failures to {@code context} as warnings.
     *
     * @param pending whether the plan changes any of the given declarations (never true at apply)
     */
    public static List<CheckResult> run(WalkContext context, Predicate<Set<Node>> pending) {
        CheckRunner runner = new CheckRunner(context, pending);
        List<CheckResult> results = new ArrayList<>();
        for (Module m : context.graph().modules().values()) {
            for (Check check : m.checks().values()) {
                for (ModuleInstance at : context.instances(m.path())) {
                    results.add(runner.check(m, check, at));
                }
            }
        }
        return results;
    }

    private CheckResult check(Module m, Check check, ModuleInstance at) {
        String address = prefix(at) + "check." + check.name();
        Map<String, Map<String, Value>> scoped = new LinkedHashMap<>();
        for (ResourceConfig data : check.data()) {
            Value read = read(m, at, data, scoped);
            if (read == null) {
                return new CheckResult(address, CheckStatus.ERROR, List.of());
            }
            scoped.computeIfAbsent(data.address().type(), k -> new LinkedHashMap<>())
                    .put(data.address().name(), read);
        }
        Scope scope = scope(m, at, CustomConditions.expressions(check.asserts()), scoped);
        CheckStatus status = CheckStatus.PASS;
        List<String> failures = new ArrayList<>();
        for (Condition assertion : check.asserts()) {
            List<Diagnostic> found = new ArrayList<>();
            var outcome = ConditionEvaluator.evaluate(assertion, scope, INVALID, found);
            warn(found);
            if (outcome.status() == CheckStatus.FAIL) {
                failures.add(outcome.message());
                context.report(Diagnostic.warning(
                        "Check block assertion failed",
                        outcome.message() + "\n\n  with " + address,
                        assertion.condition().range()));
            }
            status = status.worst(outcome.status());
        }
        return new CheckResult(address, status, failures);
    }

    /** Reads a scoped data source; an unknown value when it must wait for apply, null after a warning. */
    private Value read(Module m, ModuleInstance at, ResourceConfig data, Map<String, Map<String, Value>> scoped) {
        ScopedData declared = context.graph().scoped().get(new ResourceNode(m.path(), data.address()));
        String address = prefix(at) + data.address();
        String type = data.address().type();
        try {
            ProviderClient provider = context.providers().get(declared.provider());
            Schema schema = provider.schema().dataSources().get(type);
            if (schema == null) {
                warn(List.of(Diagnostic.error(
                        "Invalid data source",
                        "The provider does not support data source \"" + type + "\".",
                        data.declRange())));
                return null;
            }
            Evaluation config = ConfigDecoder.decode(
                    data.config(), schema.block(), scope(m, at, ConfigDecoder.expressions(data.config()), scoped));
            warn(config.diagnostics());
            if (config.hasErrors()) {
                return null;
            }
            if (!config.value().isWhollyKnown() || pending.test(declared.dependencies())) {
                return Value.unknown(schema.block().impliedType());
            }
            Value plain = config.value().unmarkDeep();
            var validation = ProviderDiagnostics.of(address, data, provider.validateDataResourceConfig(type, plain));
            warn(validation);
            if (validation.stream().anyMatch(Diagnostic::isError)) {
                return null;
            }
            var result = provider.readDataSource(type, plain);
            warn(ProviderDiagnostics.of(address, data, result.diagnostics()));
            if (result.hasErrors()) {
                return null;
            }
            return Sensitivity.marked(config.value(), result.value(), schema.block());
        } catch (ProviderException e) {
            warn(List.of(Diagnostic.error(
                    "Failed to read data source",
                    "Reading " + address + " failed: " + e.getMessage(),
                    data.declRange())));
            return null;
        }
    }

    /** The module instance's scope for {@code expressions}, with the scoped data sources read so far. */
    private Scope scope(
            Module m, ModuleInstance at, List<Expression> expressions, Map<String, Map<String, Value>> scoped) {
        Scope base = context.scopes().scope(m, at, Repetition.NONE, expressions);
        if (scoped.isEmpty()) {
            return base;
        }
        Map<String, Value> data =
                new LinkedHashMap<>(base.lookup("data").map(Value::asMap).orElse(Map.of()));
        scoped.forEach((type, byName) -> {
            Map<String, Value> names =
                    new LinkedHashMap<>(data.containsKey(type) ? data.get(type).asMap() : Map.of());
            names.putAll(byName);
            data.put(type, Value.object(names));
        });
        return base.with("data", Value.object(data));
    }

    /** Reports {@code found} as warnings: nothing a check finds may stop the operation. */
    private void warn(List<Diagnostic> found) {
        for (Diagnostic d : found) {
            context.report(new Diagnostic(Severity.WARNING, d.summary(), d.detail(), d.subject()));
        }
    }

    private static String prefix(ModuleInstance at) {
        return at.isRoot() ? "" : at + ".";
    }
}
