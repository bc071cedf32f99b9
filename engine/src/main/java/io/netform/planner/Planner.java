package io.netform.planner;

import io.netform.addrs.AbsResource;
import io.netform.addrs.InstanceKey;
import io.netform.addrs.ModuleInstance;
import io.netform.addrs.ResourceInstance;
import io.netform.addrs.ResourceMode;
import io.netform.config.ImportBlock;
import io.netform.config.Module;
import io.netform.config.Output;
import io.netform.config.ResourceConfig;
import io.netform.graph.Node;
import io.netform.graph.Node.ProviderNode;
import io.netform.graph.Node.ResourceNode;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.SourceRange;
import io.netform.plan.Action;
import io.netform.plan.ActionReason;
import io.netform.plan.CheckResult;
import io.netform.plan.OutputChange;
import io.netform.plan.Plan;
import io.netform.plan.ResourceChange;
import io.netform.plan.StateAdoptions;
import io.netform.plugins.ProviderClient;
import io.netform.plugins.ProviderException;
import io.netform.state.InstanceObject;
import io.netform.state.OutputState;
import io.netform.state.ResourceState;
import io.netform.state.State;
import io.netform.value.CodecException;
import io.netform.value.CtyJson;
import io.netform.value.Type;
import io.netform.value.TypeJson;
import io.netform.value.Value;
import io.netform.walk.CheckRunner;
import io.netform.walk.ConfigWalk;
import io.netform.walk.Expansion;
import io.netform.walk.InstanceTarget;
import io.netform.walk.PartialWalk;
import io.netform.walk.Repetition;
import io.netform.walk.StateValues;
import io.netform.walk.Targeting;
import io.netform.walk.WalkContext;
import io.netform.wire.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Makes a plan: walks the configuration graph in dependency order, evaluating declarations and
 * planning every resource instance (at most {@code parallelism} provider calls at once), then adds
 * the deletion of objects that are no longer configured and the changes to root outputs.
 */
public final class Planner {

    private final WalkContext context;
    private final State prior;
    private final PlanOptions options;
    private final PlanRecorder recorder;
    private final Targeting targeting;
    private final PartialWalk partial;
    private final Set<AbsResource> visited = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ImportTargets imports;
    private final RemovedStatements removed;
    private final Map<ResourceInstance, ResourceInstance> moved;

    private Planner(
            WalkContext context, State prior, PlanOptions options, Map<ResourceInstance, ResourceInstance> moved) {
        this.context = context;
        this.prior = prior;
        this.moved = moved;
        this.options = options;
        this.recorder = new PlanRecorder(prior, context);
        this.targeting = Targeting.of(context.graph(), options.targets(), options.excludes(), options.mode());
        // A destroy plan walks only declarations; its targets narrow what it deletes instead.
        this.partial = new PartialWalk(
                context.graph(),
                options.mode() == Plan.Mode.DESTROY
                        ? Targeting.of(context.graph(), List.of(), options.mode())
                        : targeting);
        List<ImportBlock> blocks =
                new ArrayList<>(context.graph().module(List.of()).stateBlocks().imports());
        blocks.addAll(options.imports());
        this.removed = RemovedStatements.of(context.graph(), context);
        this.imports = new ImportTargets(options.mode() == Plan.Mode.NORMAL ? blocks : List.of());
    }

    /** Plans {@code context}'s configuration against {@code prior}. */
    public static PlanResult plan(WalkContext context, State prior, PlanOptions options) {
        MovedStatements.Result moves = MovedStatements.apply(context.graph(), prior, context);
        return new Planner(context, moves.state(), options, moves.previous()).run();
    }

    private PlanResult run() {
        if (options.mode() == Plan.Mode.DESTROY) {
            context.forDestroy();
        }
        ConfigWalk.walk(
                context,
                options.parallelism(),
                "netform-plan",
                partial::skips,
                options.mode() == Plan.Mode.DESTROY ? null : this::planResource);
        if (!targeting.isActive()) {
            reportUnconfiguredImports();
        }
        if (!context.hasErrors()) {
            planOrphans();
            if (options.mode() != Plan.Mode.REFRESH_ONLY) {
                planDeposed();
            }
        }
        warnAboutForgotten();
        List<CheckResult> checks = options.mode() != Plan.Mode.NORMAL || context.hasErrors()
                ? List.of()
                : CheckRunner.run(context, this::anyPending);
        Plan plan = new Plan(
                options.mode(),
                recorder.changes(),
                recorder.drift(),
                outputChanges(),
                recorder.refreshedState(),
                context.rootVariables(),
                context.hasErrors(),
                new StateAdoptions(recorder.importIds(), moved));
        return new PlanResult(plan, context.diagnostics(), checks);
    }

    /** Plans the instances of one resource; false when one failed, having reported why. */
    private boolean planResource(ResourceNode node, ExecutorService pool) throws Exception {
        Module m = context.graph().module(node.path());
        ResourceConfig config = m.resources().get(node.resource());
        ProviderNode providerNode = context.graph().providers().get(node);
        ProviderClient provider = context.providers().get(providerNode);
        Schema schema = schemaOf(provider, node, config);
        if (schema == null) {
            return false;
        }
        var providerAddress = context.providers().addressOf(providerNode);
        List<Future<Boolean>> work = new ArrayList<>();
        boolean pending = node.resource().mode() == ResourceMode.DATA && dependsOnPendingChanges(node);
        for (ModuleInstance at : context.instances(node.path())) {
            AbsResource abs = node.resource().in(at);
            visited.add(abs);
            Expansion expansion = context.expand(m, at, config.count(), config.forEach());
            context.values().setExpansion(abs, expansion);
            Map<InstanceKey, ImportTargets.Import> toImport = importsOf(abs, expansion);
            for (InstanceKey key : expansion.keys()) {
                ResourceInstance address = abs.instance(key);
                if (!targeting.includes(node, address)) {
                    continue;
                }
                Repetition repetition = Repetition.of(expansion, key);
                var target = new InstanceTarget(
                        address, config, m, repetition, context.providerOf(address, provider), schema, providerAddress);
                ImportTargets.Import adopt = toImport.get(key);
                if (node.resource().mode() == ResourceMode.DATA) {
                    work.add(pool.submit(() -> new DataSourcePlanner(context, recorder).plan(target, pending)));
                } else if (options.mode() == Plan.Mode.REFRESH_ONLY) {
                    work.add(pool.submit(
                            () -> new InstanceRefresher(context, recorder).refresh(target, options.refresh())));
                } else if (adopt != null && prior.current(address).isEmpty()) {
                    work.add(pool.submit(() -> new InstanceImporter(context, recorder).importInto(target, adopt.id())
                            && new InstancePlanner(context, options, recorder).plan(target)));
                } else {
                    work.add(pool.submit(() -> new InstancePlanner(context, options, recorder).plan(target)));
                }
            }
            planRemovedInstances(node, abs, expansion, provider, schema, providerAddress, config);
        }
        return ConfigWalk.allSucceeded(work);
    }

    /** The imports into instances of {@code abs}; an import into an instance the expansion lacks is an error. */
    private Map<InstanceKey, ImportTargets.Import> importsOf(AbsResource abs, Expansion expansion) {
        if (imports.isEmpty() || abs.resource().mode() == ResourceMode.DATA) {
            return Map.of();
        }
        Map<InstanceKey, ImportTargets.Import> found = new LinkedHashMap<>(imports.evaluate(context, abs));
        found.values().removeIf(i -> {
            boolean missing = !expansion.instances().containsKey(i.address().key());
            if (missing) {
                context.report(missingImportTarget(i.address().toString(), i.range()));
            }
            return missing;
        });
        return found;
    }

    /** Import blocks whose target resource the walk never reached: it has no configuration. */
    private void reportUnconfiguredImports() {
        imports.all().forEach((abs, blocks) -> {
            if (!visited.contains(abs)) {
                blocks.forEach(b -> context.report(missingImportTarget(abs.toString(), b.range())));
            }
        });
    }

    /** Terraform's error for an import whose target has no resource block (or no such instance). */
    private static Diagnostic missingImportTarget(String address, SourceRange at) {
        return Diagnostic.error(
                "Configuration for import target does not exist",
                "The configuration for the "
                        + "given import target " + address + " does not exist. All target instances must have an "
                        + "associated configuration to be imported.",
                at);
    }

    private Schema schemaOf(ProviderClient provider, ResourceNode node, ResourceConfig config) {
        Schema schema = typesOf(provider, node).get(node.resource().type());
        if (schema == null) {
            context.report(unsupportedType(
                    provider,
                    node,
                    context.providers()
                            .sourceOf(context.graph().providers().get(node))
                            .display(),
                    config));
        }
        return schema;
    }

    /** The resource types or data sources of a provider, as {@code node}'s mode asks. */
    static Map<String, Schema> typesOf(ProviderClient provider, ResourceNode node) {
        return node.resource().mode() == ResourceMode.DATA
                ? provider.schema().dataSources()
                : provider.schema().resources();
    }

    /** Terraform's error for a resource or data block whose type its provider does not have. */
    static Diagnostic unsupportedType(
            ProviderClient provider, ResourceNode node, String providerName, ResourceConfig config) {
        String kind = node.resource().mode() == ResourceMode.DATA ? "data source" : "resource type";
        String type = node.resource().type();
        return Diagnostic.error(
                "Invalid " + kind,
                "The provider " + providerName + " does not support " + kind
                        + " \"" + type + "\"."
                        + io.netform.lang.NameSuggestion.didYouMean(
                                type, typesOf(provider, node).keySet()),
                config.declRange());
    }

    /** Whether a data source depends on a resource that this plan changes, so it must be read at apply. */
    private boolean dependsOnPendingChanges(ResourceNode node) {
        Set<Node> dependencies = new HashSet<>();
        context.graph()
                .graph()
                .incomingEdgesOf(node)
                .forEach(e -> dependencies.add(context.graph().graph().getEdgeSource(e)));
        return anyPending(dependencies);
    }

    /** Whether this plan changes a managed resource among {@code dependencies} or what they depend on. */
    private boolean anyPending(Set<Node> dependencies) {
        Set<Node> seen = new HashSet<>(dependencies);
        List<Node> todo = new ArrayList<>(dependencies);
        while (!todo.isEmpty()) {
            Node n = todo.remove(todo.size() - 1);
            if (n instanceof ResourceNode r && r.resource().mode() == ResourceMode.MANAGED) {
                if (recorder.changes(r.path(), r.resource())) {
                    return true;
                }
                continue;
            }
            for (var e : context.graph().graph().incomingEdgesOf(n)) {
                Node dep = context.graph().graph().getEdgeSource(e);
                if (seen.add(dep)) {
                    todo.add(dep);
                }
            }
        }
        return false;
    }

    /** Instances in state that the current count or for_each no longer has. */
    private void planRemovedInstances(
            ResourceNode node,
            AbsResource abs,
            Expansion expansion,
            ProviderClient provider,
            Schema schema,
            io.netform.addrs.ProviderConfig providerAddress,
            ResourceConfig config) {
        ResourceState stored = prior.resources().get(abs);
        if (stored == null || abs.resource().mode() == ResourceMode.DATA) {
            return;
        }
        for (InstanceObject object : stored.instances()) {
            if (!object.isCurrent()
                    || expansion.instances().containsKey(object.key())
                    || !targeting.includes(node, abs.instance(object.key()))) {
                continue;
            }
            ActionReason reason = switch (expansion.kind()) {
                case COUNT ->
                    object.key() instanceof InstanceKey.CountIndex
                            ? ActionReason.DELETE_BECAUSE_COUNT_INDEX
                            : ActionReason.DELETE_BECAUSE_WRONG_REPETITION;
                case FOR_EACH ->
                    object.key() instanceof InstanceKey.EachKey
                            ? ActionReason.DELETE_BECAUSE_EACH_KEY
                            : ActionReason.DELETE_BECAUSE_WRONG_REPETITION;
                default -> ActionReason.DELETE_BECAUSE_WRONG_REPETITION;
            };
            planDelete(
                    abs.instance(object.key()),
                    object,
                    provider,
                    schema,
                    providerAddress,
                    reason,
                    config.lifecycle().preventDestroy(),
                    config.declRange());
        }
    }

    /** Objects in state whose resource or module is no longer configured, or everything for a destroy plan. */
    private void planOrphans() {
        for (ResourceState stored : prior.resources().values()) {
            AbsResource abs = stored.address();
            boolean configured = visited.contains(abs);
            if (abs.resource().mode() == ResourceMode.DATA) {
                continue;
            }
            if (configured && options.mode() != Plan.Mode.DESTROY) {
                continue;
            }
            Module m = context.graph().module(abs.module().configPath());
            boolean resourceDeclared = m != null && m.resources().containsKey(abs.resource());
            ActionReason reason = options.mode() == Plan.Mode.DESTROY
                    ? ActionReason.NONE
                    : resourceDeclared
                            ? ActionReason.DELETE_BECAUSE_NO_MODULE
                            : ActionReason.DELETE_BECAUSE_NO_RESOURCE_CONFIG;
            ProviderClient provider = orphanProvider(stored);
            if (provider == null) {
                continue;
            }
            Schema schema = provider.schema().resources().get(abs.resource().type());
            if (schema == null) {
                context.report(Diagnostic.error(
                        "Invalid resource type",
                        "The provider " + stored.provider().source().display() + " no longer supports resource type \""
                                + abs.resource().type() + "\", which "
                                + abs + " in state has.",
                        null));
                continue;
            }
            boolean prevent = resourceDeclared
                    && m.resources().get(abs.resource()).lifecycle().preventDestroy();
            if (options.mode() == Plan.Mode.NORMAL && !resourceDeclared && removed.forgets(abs)) {
                planForget(stored, provider, schema);
                continue;
            }
            for (InstanceObject object : stored.instances()) {
                if (object.isCurrent() && targeting.includes(abs.instance(object.key()))) {
                    planDelete(
                            abs.instance(object.key()),
                            object,
                            provider,
                            schema,
                            stored.provider(),
                            reason,
                            prevent,
                            resourceDeclared ? m.resources().get(abs.resource()).declRange() : null);
                }
            }
        }
    }

    private void warnAboutForgotten() {
        List<String> forgotten = recorder.changes().stream()
                .filter(c -> c.action() == Action.FORGET)
                .map(c -> " - " + c.address())
                .toList();
        if (!forgotten.isEmpty()) {
            context.report(Diagnostic.warning(
                    "Some objects will no longer be managed by Netform",
                    "If you apply this "
                            + "plan, Netform will discard its tracking information for the following objects, but it will "
                            + "not delete them:\n" + String.join("\n", forgotten)
                            + "\n\nAfter applying this plan, Netform "
                            + "will no longer manage these objects. You will need to import them to manage them again.",
                    null));
        }
    }

    /** A resource whose removed block says to forget its objects rather than destroy them. */
    private void planForget(ResourceState stored, ProviderClient provider, Schema schema) {
        Type type = schema.block().impliedType();
        for (InstanceObject object : stored.instances()) {
            ResourceInstance address = stored.address().instance(object.key());
            if (!object.isCurrent() || !targeting.includes(address)) {
                continue;
            }
            Value before = recorder.refresh(address, object, provider, schema, stored.provider(), false, null);
            if (before != null) {
                recorder.change(new ResourceChange(
                        address,
                        null,
                        stored.provider(),
                        Action.FORGET,
                        ActionReason.NONE,
                        type,
                        before,
                        Value.nullOf(type),
                        List.of(),
                        StateValues.privateData(object)));
            }
        }
    }

    /**
     * Objects a create_before_destroy replacement left behind when it failed or was interrupted
     * between creating the new object and deleting the old one: always deleted.
     */
    private void planDeposed() {
        for (ResourceState stored : prior.resources().values()) {
            if (stored.address().resource().mode() == ResourceMode.DATA
                    || stored.instances().stream().allMatch(InstanceObject::isCurrent)) {
                continue;
            }
            ProviderClient provider = orphanProvider(stored);
            Schema schema = provider == null
                    ? null
                    : provider.schema()
                            .resources()
                            .get(stored.address().resource().type());
            if (schema == null) {
                continue;
            }
            for (InstanceObject object : stored.instances()) {
                if (!object.isCurrent() && targeting.includes(stored.address().instance(object.key()))) {
                    planDelete(
                            stored.address().instance(object.key()),
                            object,
                            provider,
                            schema,
                            stored.provider(),
                            ActionReason.NONE,
                            false,
                            null);
                }
            }
        }
    }

    private ProviderClient orphanProvider(ResourceState stored) {
        ProviderClient provider;
        try {
            provider = context.providers().forStored(stored.provider(), context.netformVersion());
        } catch (ProviderException e) {
            context.report(Diagnostic.error(
                    "Provider configuration not present",
                    "To work with "
                            + stored.address() + " its original provider configuration at " + stored.provider()
                            + " is required, but it could not be started: " + e.getMessage(),
                    null));
            return null;
        }
        if (provider == null) {
            for (InstanceObject object : stored.instances()) {
                String orphan = stored.address().instance(object.key()) + " (orphan)";
                context.report(Diagnostic.error(
                        "Provider configuration not present",
                        "To work with " + orphan + " its original provider configuration at " + stored.provider()
                                + " is required, but it is no longer in the configuration, while objects it created"
                                + " are still in the state. Add the provider configuration back to destroy " + orphan
                                + "; it can be removed again afterwards.",
                        null));
            }
        }
        return provider;
    }

    private void planDelete(
            ResourceInstance address,
            InstanceObject object,
            ProviderClient provider,
            Schema schema,
            io.netform.addrs.ProviderConfig providerAddress,
            ActionReason reason,
            boolean preventDestroy,
            io.netform.hcl.SourceRange at) {
        if (options.mode() == Plan.Mode.REFRESH_ONLY) {
            // As in Terraform, a refresh-only plan reads an object whose configuration is gone too: what it
            // finds is drift and goes into the refreshed state, and nothing is planned for it.
            recorder.refresh(address, object, provider, schema, providerAddress, options.refresh(), at);
            return;
        }
        if (preventDestroy) {
            context.report(Diagnostic.error(
                    "Instance cannot be destroyed",
                    "Resource " + address + " has "
                            + "lifecycle.prevent_destroy set, but the plan calls for this resource to be destroyed. To avoid "
                            + "this error and continue with the plan, either disable lifecycle.prevent_destroy or reduce the "
                            + "scope of the plan using the -target flag.",
                    at));
            return;
        }
        // A deposed object is deleted as recorded: refreshing it would record drift against the current object.
        Value before = recorder.refresh(
                address,
                object,
                provider,
                schema,
                providerAddress,
                options.refresh() && options.mode() != Plan.Mode.DESTROY && object.isCurrent(),
                at);
        if (before == null || before.isNull()) {
            return;
        }
        Type type = schema.block().impliedType();
        recorder.change(new ResourceChange(
                address,
                object.deposed(),
                providerAddress,
                Action.DELETE,
                reason,
                type,
                before,
                Value.nullOf(type),
                List.of(),
                StateValues.privateData(object)));
    }

    private Map<String, OutputChange> outputChanges() {
        Map<String, OutputChange> changes = new LinkedHashMap<>();
        Module root = context.graph().module(List.of());
        Map<String, Value> now = context.values().outputs(ModuleInstance.ROOT);
        for (Output output : root.outputs().values()) {
            Value after = options.mode() == Plan.Mode.DESTROY ? null : now.get(output.name());
            Value before = priorOutput(output.name());
            if (after == null && targeting.isActive()) {
                // Left out by -target, or a targeted destroy that leaves the rest: it keeps its value, or stays absent.
                if (before != null) {
                    changes.put(output.name(), outputChange(output.name(), before, before, output.sensitive()));
                }
                continue;
            }
            changes.put(output.name(), outputChange(output.name(), before, after, output.sensitive()));
        }
        for (var e : prior.outputs().entrySet()) {
            if (!changes.containsKey(e.getKey())) {
                changes.put(
                        e.getKey(),
                        outputChange(
                                e.getKey(),
                                priorOutput(e.getKey()),
                                null,
                                e.getValue().sensitive()));
            }
        }
        return changes;
    }

    private static OutputChange outputChange(String name, Value before, Value after, boolean sensitive) {
        Action action = before == null
                ? (after == null ? Action.NO_OP : Action.CREATE)
                : after == null
                        ? Action.DELETE
                        : before.unmarkDeep().equals(after.unmarkDeep()) ? Action.NO_OP : Action.UPDATE;
        Value b = before == null ? Value.nullOf(Type.DYNAMIC) : before;
        Value a = after == null ? Value.nullOf(Type.DYNAMIC) : after;
        return new OutputChange(name, action, b, a, sensitive || a.containsMarks() || b.containsMarks());
    }

    private Value priorOutput(String name) {
        OutputState stored = prior.outputs().get(name);
        if (stored == null) {
            return null;
        }
        try {
            Type type = TypeJson.fromNode(stored.type());
            Value v = CtyJson.fromNode(stored.value(), type);
            return stored.sensitive() ? v.mark(io.netform.value.Mark.SENSITIVE) : v;
        } catch (CodecException e) {
            return null;
        }
    }
}
