package io.netform.apply;

import io.netform.addrs.AbsResource;
import io.netform.addrs.AddressParser;
import io.netform.addrs.InstanceKey;
import io.netform.addrs.ModuleInstance;
import io.netform.addrs.ResourceInstance;
import io.netform.addrs.ResourceMode;
import io.netform.config.Module;
import io.netform.config.ResourceConfig;
import io.netform.graph.Node.ProviderNode;
import io.netform.graph.Node.ResourceNode;
import io.netform.hcl.Diagnostic;
import io.netform.plan.Action;
import io.netform.plan.CheckResult;
import io.netform.plan.Plan;
import io.netform.plan.ResourceChange;
import io.netform.plugins.ProviderClient;
import io.netform.state.StateChange;
import io.netform.value.CodecException;
import io.netform.value.Value;
import io.netform.walk.CheckRunner;
import io.netform.walk.ConfigWalk;
import io.netform.walk.Expansion;
import io.netform.walk.InstanceTarget;
import io.netform.walk.PartialWalk;
import io.netform.walk.Repetition;
import io.netform.walk.Targeting;
import io.netform.walk.WalkContext;
import io.netform.wire.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applies a plan: walks the configuration graph again, now with the values earlier operations
 * produced, creating, updating and replacing objects in dependency order; then deletes what the
 * plan deletes in reverse dependency order; then records the root outputs. Every completed
 * operation goes to the {@link StateSink}, and is flushed there before the next one that depends on it starts.
 */
public final class Applier {

    private final WalkContext context;
    private final Plan plan;
    private final StateSink sink;
    private final ApplyHooks hooks;
    private final int parallelism;
    private final Map<ResourceInstance, ResourceChange> changes = new HashMap<>();
    private final ObjectOperations operations;
    private final Targeting targeting;
    private final PartialWalk partial;
    final AtomicInteger added = new AtomicInteger();
    final AtomicInteger changed = new AtomicInteger();
    final AtomicInteger destroyed = new AtomicInteger();

    private Applier(
            WalkContext context,
            Plan plan,
            StateSink sink,
            ApplyHooks hooks,
            int parallelism,
            List<AddressParser.Target> targets,
            List<AddressParser.Target> excludes) {
        this.context = context;
        this.plan = plan;
        this.sink = sink;
        this.hooks = hooks;
        this.parallelism = parallelism;
        for (ResourceChange c : plan.changes()) {
            if (c.deposed() == null) {
                changes.put(c.address(), c);
            }
        }
        this.operations = new ObjectOperations(context, plan.priorState(), sink, hooks, this);
        this.targeting = Targeting.of(context.graph(), targets, excludes, plan.mode());
        this.partial = new PartialWalk(context.graph(), targeting);
    }

    /** Applies {@code plan}; the context must be fresh (its values empty, its providers not yet configured). */
    public static ApplyResult apply(WalkContext context, Plan plan, StateSink sink, ApplyHooks hooks, int parallelism) {
        return apply(context, plan, sink, hooks, parallelism, List.of());
    }

    /** Applies {@code plan}, made with {@code targets}: what the targets left out of the plan is left alone. */
    public static ApplyResult apply(
            WalkContext context,
            Plan plan,
            StateSink sink,
            ApplyHooks hooks,
            int parallelism,
            List<AddressParser.Target> targets) {
        return apply(context, plan, sink, hooks, parallelism, targets, List.of());
    }

    /** Applies {@code plan}, made with {@code targets} and {@code excludes}: what they left out is left alone. */
    public static ApplyResult apply(
            WalkContext context,
            Plan plan,
            StateSink sink,
            ApplyHooks hooks,
            int parallelism,
            List<AddressParser.Target> targets,
            List<AddressParser.Target> excludes) {
        return new Applier(context, plan, sink, hooks, parallelism, targets, excludes).run();
    }

    private ApplyResult run() {
        boolean destroy = plan.mode() == Plan.Mode.DESTROY;
        if (destroy) {
            context.forDestroy();
        }
        ConfigWalk.walk(
                context,
                parallelism,
                "netform-apply",
                node -> !destroy && partial.skips(node),
                destroy ? null : this::applyResource);
        List<ResourceChange> deletes =
                plan.changes().stream().filter(c -> c.action() == Action.DELETE).toList();
        new DeleteOrder(context, operations, plan.priorState(), parallelism).run(deletes);
        // A forgotten object is left as it is: only state stops recording it.
        plan.changes().stream()
                .filter(c -> c.action() == Action.FORGET)
                .forEach(c -> sink.record(new StateChange.RemoveObject(c.address(), null)));
        recordOutputs();
        List<CheckResult> checks =
                destroy || context.hasErrors() ? List.of() : CheckRunner.run(context, dependencies -> false);
        return new ApplyResult(added.get(), changed.get(), destroyed.get(), context.diagnostics(), checks);
    }

    /** Applies the changes of one resource's instances; false when one failed, having reported why. */
    private boolean applyResource(ResourceNode node, ExecutorService pool) throws Exception {
        Module m = context.graph().module(node.path());
        ResourceConfig config = m.resources().get(node.resource());
        ProviderNode providerNode = context.graph().providers().get(node);
        ProviderClient provider = context.providers().get(providerNode);
        boolean data = node.resource().mode() == ResourceMode.DATA;
        Schema schema = (data
                        ? provider.schema().dataSources()
                        : provider.schema().resources())
                .get(node.resource().type());
        List<String> dependencies = Dependencies.of(context.graph(), node);
        var providerAddress = context.providers().addressOf(providerNode);
        List<Future<Boolean>> work = new ArrayList<>();
        for (ModuleInstance at : context.instances(node.path())) {
            AbsResource abs = node.resource().in(at);
            Expansion expansion = context.expand(m, at, config.count(), config.forEach());
            context.values().setExpansion(abs, expansion);
            for (InstanceKey key : expansion.keys()) {
                ResourceInstance address = abs.instance(key);
                if (!targeting.includes(node, address)) {
                    continue;
                }
                ResourceChange change = changes.get(address);
                var target = new InstanceTarget(
                        address,
                        config,
                        m,
                        Repetition.of(expansion, key),
                        context.providerOf(address, provider),
                        schema,
                        providerAddress);
                work.add(pool.submit(() -> operations.apply(target, dependencies, change)));
            }
        }
        try {
            return ConfigWalk.allSucceeded(work);
        } finally {
            // Durable before the dependents start: one group commit for the whole resource, not one per instance.
            sink.flush();
        }
    }

    private void recordOutputs() {
        if (plan.mode() == Plan.Mode.DESTROY) {
            // A targeted destroy leaves the rest of the configuration, and so its outputs, in place.
            if (!targeting.isActive()) {
                plan.priorState().outputs().keySet().forEach(name -> sink.record(new StateChange.RemoveOutput(name)));
            }
            return;
        }
        Module root = context.graph().module(List.of());
        Map<String, Value> values = context.values().outputs(ModuleInstance.ROOT);
        for (String name : plan.priorState().outputs().keySet()) {
            if (!root.outputs().containsKey(name)) {
                sink.record(new StateChange.RemoveOutput(name));
            }
        }
        for (var output : root.outputs().values()) {
            Value v = values.get(output.name());
            if (v == null || !v.isWhollyKnown()) {
                continue;
            }
            if (v.isNull()) {
                // As Terraform: a root output that is null is not kept in state (nothing can refer to it).
                if (plan.priorState().outputs().containsKey(output.name())) {
                    sink.record(new StateChange.RemoveOutput(output.name()));
                }
                continue;
            }
            try {
                sink.record(new StateChange.PutOutput(
                        output.name(), io.netform.state.OutputState.of(v, output.sensitive())));
            } catch (CodecException e) {
                context.report(Diagnostic.error(
                        "Failed to serialize output value in state",
                        "An error occurred while serializing output value \"" + output.name() + "\": " + e.getMessage()
                                + ".",
                        output.range()));
            }
        }
    }

    /** Counts a completed operation for the summary line. */
    void count(Action action) {
        switch (action) {
            case CREATE -> added.incrementAndGet();
            case UPDATE -> changed.incrementAndGet();
            case DELETE -> destroyed.incrementAndGet();
            case DELETE_THEN_CREATE, CREATE_THEN_DELETE -> {
                added.incrementAndGet();
                destroyed.incrementAndGet();
            }
            default -> {}
        }
    }
}
