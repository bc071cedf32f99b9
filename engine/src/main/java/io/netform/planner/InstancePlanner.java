package io.netform.planner;

import io.netform.addrs.ProviderConfig;
import io.netform.addrs.ResourceInstance;
import io.netform.config.Lifecycle;
import io.netform.config.Module;
import io.netform.config.ResourceConfig;
import io.netform.hcl.Diagnostic;
import io.netform.lang.Evaluation;
import io.netform.plan.Action;
import io.netform.plan.ActionReason;
import io.netform.plan.ResourceChange;
import io.netform.plugins.BlockSchema;
import io.netform.plugins.ProviderClient;
import io.netform.plugins.ProviderSchema.ResourceSchema;
import io.netform.state.InstanceObject;
import io.netform.value.AttributePath;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.walk.ConfigDecoder;
import io.netform.walk.CustomConditions;
import io.netform.walk.IgnoreChanges;
import io.netform.walk.PlanContract;
import io.netform.walk.ProposedNewState;
import io.netform.walk.ProviderDiagnostics;
import io.netform.walk.Repetition;
import io.netform.walk.Sensitivity;
import io.netform.walk.StateValues;
import io.netform.walk.WalkContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans one managed resource instance the way Terraform does: refresh the prior object, evaluate the
 * configuration, propose, ask the provider to plan, check the plan against the configuration, and
 * choose the action with its reason.
 */
final class InstancePlanner {

    private final WalkContext context;
    private final PlanOptions options;
    private final PlanRecorder recorder;

    InstancePlanner(WalkContext context, PlanOptions options, PlanRecorder recorder) {
        this.context = context;
        this.options = options;
        this.recorder = recorder;
    }

    /** What planning an instance needs to know about its resource. */
    record Target(ResourceInstance address, ResourceConfig config, Module module, Repetition repetition,
            ProviderClient provider, ResourceSchema schema, ProviderConfig providerAddress) {

        /** The instance's configuration evaluated in its scope; empty when that failed (already reported). */
        Optional<Value> evaluateConfig(WalkContext context) {
            Evaluation evaluated = ConfigDecoder.decode(config.config(), schema.block(),
                    context.scopes().scope(module, address.module(), repetition,
                            ConfigDecoder.expressions(config.config())));
            context.report(evaluated.diagnostics());
            return evaluated.hasErrors() ? Optional.empty() : Optional.of(evaluated.value());
        }
    }

    /** Plans the instance; returns false when it failed (already reported). */
    boolean plan(Target t) {
        BlockSchema schema = t.schema().block();
        Type type = schema.impliedType();
        String address = t.address().toString();
        InstanceObject stored = recorder.priorObject(t.address());
        Value prior = Value.nullOf(type);
        byte[] priorPrivate = new byte[0];
        if (stored != null) {
            Value refreshed = recorder.refresh(t.address(), stored, t.provider(), t.schema(), t.providerAddress(),
                    options.refresh(), t.config().declRange());
            if (refreshed == null) {
                return false;
            }
            prior = refreshed;
            priorPrivate = StateValues.privateData(stored);
        }
        Optional<Value> evaluated = t.evaluateConfig(context);
        if (evaluated.isEmpty()) {
            return false;
        }
        Value config = evaluated.get();
        Value unmarkedConfig = config.unmarkDeep();
        var validation = t.provider().validateResourceConfig(t.address().resource().resource().type(), unmarkedConfig);
        ProviderDiagnostics.report(context, address, t.config().declRange(), validation);
        if (validation.stream().anyMatch(d -> d.error())
                || !CustomConditions.resourcePreconditions(context, t.module(), t.address(), t.config(),
                        t.repetition())) {
            return false;
        }
        Value effective = ignoreChanges(t.config().lifecycle(), prior, unmarkedConfig);
        Value proposed = ProposedNewState.of(schema, prior.unmarkDeep(), effective);
        String resourceType = t.address().resource().resource().type();
        var planned = t.provider().planResourceChange(resourceType, prior.unmarkDeep(), proposed, effective,
                priorPrivate);
        ProviderDiagnostics.report(context, address, t.config().declRange(), planned.diagnostics());
        if (planned.hasErrors()) {
            return false;
        }
        if (!checkPlan(t, schema, effective, planned.value().plannedState())) {
            return false;
        }
        Value after = planned.value().plannedState();
        List<AttributePath> replacePaths = planned.value().requiresReplace();
        byte[] plannedPrivate = planned.value().plannedPrivate();
        Action action;
        ActionReason reason = ActionReason.NONE;
        boolean tainted = stored != null && stored.tainted();
        boolean requested = options.replace().contains(t.address());
        boolean triggered = false;
        if (!prior.isNull() && !t.config().lifecycle().replaceTriggeredBy().isEmpty()) {
            List<Diagnostic> problems = new ArrayList<>();
            triggered = ReplaceTriggers.triggered(t.config().lifecycle().replaceTriggeredBy(), t.address(), context,
                    recorder, problems);
            if (!problems.isEmpty()) {
                context.report(problems);
                return false;
            }
        }
        if (prior.isNull()) {
            action = Action.CREATE;
        } else if (tainted || requested || triggered
                || (!replacePaths.isEmpty() && !after.unmarkDeep().equals(prior.unmarkDeep()))) {
            action = t.config().lifecycle().createBeforeDestroy() ? Action.CREATE_THEN_DELETE
                    : Action.DELETE_THEN_CREATE;
            reason = tainted ? ActionReason.REPLACE_BECAUSE_TAINTED : requested ? ActionReason.REPLACE_BY_REQUEST
                    : triggered ? ActionReason.REPLACE_BY_TRIGGERS : ActionReason.REPLACE_BECAUSE_CANNOT_UPDATE;
        } else if (after.unmarkDeep().equals(prior.unmarkDeep())) {
            action = Action.NO_OP;
        } else {
            action = Action.UPDATE;
        }
        if (action.isReplace()) {
            if (t.config().lifecycle().preventDestroy()) {
                context.report(preventDestroy(t));
                return false;
            }
            Value proposedNew = ProposedNewState.of(schema, Value.nullOf(type), effective);
            var fresh = t.provider().planResourceChange(resourceType, Value.nullOf(type), proposedNew, effective,
                    new byte[0]);
            ProviderDiagnostics.report(context, address, t.config().declRange(), fresh.diagnostics());
            if (fresh.hasErrors()) {
                return false;
            }
            after = fresh.value().plannedState();
            plannedPrivate = fresh.value().plannedPrivate();
        }
        Value markedAfter = Sensitivity.marked(config, after, schema);
        if (!CustomConditions.resourcePostconditions(context, t.module(), t.address(), t.config(), t.repetition(),
                markedAfter)) {
            return false;
        }
        recorder.change(new ResourceChange(t.address(), null, t.providerAddress(), action, reason, type,
                prior, markedAfter, replacePaths, plannedPrivate));
        context.values().setInstance(t.address().resource(), t.address().key(), markedAfter);
        return true;
    }

    private boolean checkPlan(Target t, BlockSchema schema, Value config, Value planned) {
        List<String> problems = PlanContract.configKept(schema, config, planned);
        if (problems.isEmpty()) {
            return true;
        }
        context.report(Diagnostic.error("Provider produced invalid plan", "Provider "
                + t.providerAddress().source().display() + " planned an invalid value for " + t.address()
                + ":\n  - " + String.join("\n  - ", problems) + "\n\nThis is a bug in the provider, which should be "
                + "reported in the provider's own issue tracker.", t.config().declRange()));
        return false;
    }

    private static Value ignoreChanges(Lifecycle lifecycle, Value prior, Value config) {
        if (prior.isNull() || (!lifecycle.ignoreAllChanges() && lifecycle.ignoreChanges().isEmpty())) {
            return config;
        }
        Value unmarkedPrior = prior.unmarkDeep();
        if (lifecycle.ignoreAllChanges()) {
            return IgnoreChanges.keepAll(unmarkedPrior, config);
        }
        return IgnoreChanges.keep(unmarkedPrior, config, lifecycle.ignoreChanges());
    }

    private static Diagnostic preventDestroy(Target t) {
        return Diagnostic.error("Instance cannot be destroyed", "Resource " + t.address() + " has "
                + "lifecycle.prevent_destroy set, but the plan calls for this resource to be destroyed. To avoid this "
                + "error and continue with the plan, either disable lifecycle.prevent_destroy or reduce the scope of "
                + "the plan using the -target flag.", t.config().declRange());
    }

}
