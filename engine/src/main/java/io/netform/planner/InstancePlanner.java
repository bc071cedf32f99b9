package io.netform.planner;

import io.netform.hcl.Diagnostic;
import io.netform.plan.Action;
import io.netform.plan.ActionReason;
import io.netform.plan.ResourceChange;
import io.netform.state.InstanceObject;
import io.netform.value.AttributePath;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.walk.CustomConditions;
import io.netform.walk.InstanceChange;
import io.netform.walk.InstanceTarget;
import io.netform.walk.ProviderDiagnostics;
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

    /** Plans the instance; returns false when it failed (already reported). */
    boolean plan(InstanceTarget t) {
        Type type = t.schema().block().impliedType();
        String address = t.address().toString();
        InstanceObject stored = recorder.priorObject(t.address());
        Value prior = Value.nullOf(type);
        byte[] priorPrivate = new byte[0];
        if (stored != null) {
            Value refreshed = recorder.refresh(
                    t.address(),
                    stored,
                    t.provider(),
                    t.schema(),
                    t.providerAddress(),
                    options.refresh(),
                    t.config().declRange());
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
        var validation = t.provider()
                .validateResourceConfig(t.address().resource().resource().type(), unmarkedConfig);
        ProviderDiagnostics.report(context, address, t.config(), validation);
        if (validation.stream().anyMatch(d -> d.error())
                || !CustomConditions.resourcePreconditions(
                        context, t.module(), t.address(), t.config(), t.repetition())) {
            return false;
        }
        Optional<InstanceChange.Planned> planned = InstanceChange.plan(context, t, config, prior, priorPrivate);
        if (planned.isEmpty()) {
            return false;
        }
        Value after = planned.get().object().plannedState();
        List<AttributePath> replacePaths = planned.get().object().requiresReplace();
        byte[] plannedPrivate = planned.get().object().plannedPrivate();
        Action action;
        ActionReason reason = ActionReason.NONE;
        boolean tainted = stored != null && stored.tainted();
        boolean requested = options.replace().contains(t.address());
        boolean triggered = false;
        if (!prior.isNull() && !t.config().lifecycle().replaceTriggeredBy().isEmpty()) {
            List<Diagnostic> problems = new ArrayList<>();
            triggered = ReplaceTriggers.triggered(
                    t.config().lifecycle().replaceTriggeredBy(), t.address(), context, recorder, problems);
            if (!problems.isEmpty()) {
                context.report(problems);
                return false;
            }
        }
        if (prior.isNull()) {
            action = Action.CREATE;
        } else if (tainted
                || requested
                || triggered
                || (!replacePaths.isEmpty() && !after.unmarkDeep().equals(prior.unmarkDeep()))) {
            action = t.config().lifecycle().createBeforeDestroy()
                    ? Action.CREATE_THEN_DELETE
                    : Action.DELETE_THEN_CREATE;
            reason = tainted
                    ? ActionReason.REPLACE_BECAUSE_TAINTED
                    : requested
                            ? ActionReason.REPLACE_BY_REQUEST
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
            Optional<InstanceChange.Planned> fresh =
                    InstanceChange.plan(context, t, config, Value.nullOf(type), new byte[0]);
            if (fresh.isEmpty()) {
                return false;
            }
            after = fresh.get().object().plannedState();
            plannedPrivate = fresh.get().object().plannedPrivate();
        }
        Value markedAfter = planned.get().marked(after);
        if (!CustomConditions.resourcePostconditions(
                context, t.module(), t.address(), t.config(), t.repetition(), markedAfter)) {
            return false;
        }
        recorder.change(new ResourceChange(
                t.address(),
                null,
                t.providerAddress(),
                action,
                reason,
                type,
                prior,
                markedAfter,
                replacePaths,
                plannedPrivate));
        context.values().setInstance(t.address().resource(), t.address().key(), markedAfter);
        return true;
    }

    private static Diagnostic preventDestroy(InstanceTarget t) {
        return Diagnostic.error(
                "Instance cannot be destroyed",
                "Resource " + t.address() + " has "
                        + "lifecycle.prevent_destroy set, but the plan calls for this resource to be destroyed. To avoid this "
                        + "error and continue with the plan, either disable lifecycle.prevent_destroy or reduce the scope of "
                        + "the plan using the -target flag.",
                t.config().declRange());
    }
}
