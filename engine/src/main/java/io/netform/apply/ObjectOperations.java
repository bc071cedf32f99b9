package io.netform.apply;

import io.netform.addrs.ProviderConfig;
import io.netform.addrs.ResourceMode;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.SourceRange;
import io.netform.plan.Action;
import io.netform.plan.ResourceChange;
import io.netform.plugins.ProviderClient;
import io.netform.state.InstanceObject;
import io.netform.state.State;
import io.netform.state.StateChange;
import io.netform.value.CodecException;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.walk.CustomConditions;
import io.netform.walk.InstanceChange;
import io.netform.walk.InstanceTarget;
import io.netform.walk.PlanContract;
import io.netform.walk.ProviderDiagnostics;
import io.netform.walk.Sensitivity;
import io.netform.walk.StateValues;
import io.netform.walk.WalkContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** The operations on one remote object during apply: read, create, update, replace and delete. */
final class ObjectOperations {

    private final WalkContext context;
    private final State prior;
    private final StateSink sink;
    private final ApplyHooks hooks;
    private final Applier counter;

    ObjectOperations(WalkContext context, State prior, StateSink sink, ApplyHooks hooks, Applier counter) {
        this.context = context;
        this.prior = prior;
        this.sink = sink;
        this.hooks = hooks;
        this.counter = counter;
    }

    /**
     * Applies {@code change} (null when the plan had none for this instance), recording {@code dependencies}
     * with the object it leaves; false after reporting a failure.
     */
    boolean apply(InstanceTarget t, List<String> dependencies, ResourceChange change) {
        if (change == null && t.address().resource().resource().mode() == ResourceMode.DATA) {
            return readAtPlan(t);
        }
        if (change == null) {
            context.report(Diagnostic.error(
                    "Configuration changed since the plan",
                    "The plan has no change for " + t.address() + ", which the configuration now has. Run plan again.",
                    t.config().declRange()));
            return false;
        }
        Type type = t.schema().block().impliedType();
        if (change.action() != Action.NO_OP
                && change.action() != Action.DELETE
                && !CustomConditions.resourcePreconditions(
                        context, t.module(), t.address(), t.config(), t.repetition())) {
            return false;
        }
        switch (change.action()) {
            case NO_OP:
                context.values().setInstance(t.address().resource(), t.address().key(), change.after());
                return true;
            case READ:
                return read(t, dependencies, change);
            case CREATE:
            case UPDATE:
                return write(t, dependencies, change, change.before()).succeeded();
            case DELETE_THEN_CREATE: {
                if (!delete(change, t.provider(), null)) {
                    return false;
                }
                return write(t, dependencies, change, Value.nullOf(type)).succeeded();
            }
            case CREATE_THEN_DELETE:
                return createThenDelete(t, dependencies, change, type);
            default:
                return true;
        }
    }

    /**
     * Replaces under create_before_destroy: the old object is deposed, the new one created, then the old
     * one deleted. When the create leaves no object at all, the old one becomes current again rather than
     * being deleted by the next apply; a partly created (tainted) object stays current, with the old one
     * deposed, as Terraform does.
     */
    private boolean createThenDelete(InstanceTarget t, List<String> dependencies, ResourceChange change, Type type) {
        String deposed = String.format("%08x", ThreadLocalRandom.current().nextInt());
        sink.record(new StateChange.DeposeObject(t.address(), deposed));
        Written created = write(t, dependencies, change, Value.nullOf(type));
        if (!created.recorded()) {
            sink.record(new StateChange.RestoreDeposed(t.address(), deposed));
        }
        return created.succeeded() && delete(change, t.provider(), deposed);
    }

    /** What a create or update left: the object's new value, null after a failure, and whether state now holds it. */
    private record Written(Value value, boolean recorded) {
        static final Written NOTHING = new Written(null, false);

        boolean succeeded() {
            return value != null;
        }
    }

    /** A data source the plan read already has no change: its value is the one the plan stored. */
    private boolean readAtPlan(InstanceTarget t) {
        InstanceObject stored = prior.current(t.address()).orElse(null);
        if (stored == null) {
            context.report(Diagnostic.error(
                    "Configuration changed since the plan",
                    "The plan did not read " + t.address() + ", which the configuration now has. Run plan again.",
                    t.config().declRange()));
            return false;
        }
        try {
            Value value = Sensitivity.markSchema(
                    StateValues.decode(stored, t.schema().block().impliedType()),
                    t.schema().block());
            context.values().setInstance(t.address().resource(), t.address().key(), value);
            return true;
        } catch (CodecException e) {
            context.report(Diagnostic.error(
                    "Invalid data source state",
                    "What the plan read for " + t.address() + " does not fit the data source's schema: "
                            + e.getMessage() + ".",
                    t.config().declRange()));
            return false;
        }
    }

    private boolean read(InstanceTarget t, List<String> dependencies, ResourceChange change) {
        Optional<Value> config = t.evaluateConfig(context);
        if (config.isEmpty()) {
            return false;
        }
        long start = System.nanoTime();
        hooks.started(change);
        var result = t.provider()
                .readDataSource(
                        t.address().resource().resource().type(), config.get().unmarkDeep());
        ProviderDiagnostics.report(context, t.address().toString(), t.config(), result.diagnostics());
        if (result.hasErrors()) {
            hooks.failed(change, elapsed(start));
            return false;
        }
        Value marked =
                Sensitivity.marked(config.get(), result.value(), t.schema().block());
        if (!record(t, dependencies, change.provider(), marked, new byte[0], false)) {
            return false;
        }
        hooks.completed(change, marked, elapsed(start));
        return postconditionsHold(t, marked);
    }

    /** The postconditions of an object just written or read: when one fails, the object stays in state. */
    private boolean postconditionsHold(InstanceTarget t, Value self) {
        return CustomConditions.resourcePostconditions(
                context, t.module(), t.address(), t.config(), t.repetition(), self);
    }

    /** Creates or updates the object, reporting any failure. */
    private Written write(InstanceTarget t, List<String> dependencies, ResourceChange fromPlan, Value before) {
        // The creating half of a replacement is shown and counted as a create.
        ResourceChange change = fromPlan.action().isReplace()
                ? new ResourceChange(
                        fromPlan.address(),
                        null,
                        fromPlan.provider(),
                        Action.CREATE,
                        fromPlan.reason(),
                        fromPlan.type(),
                        Value.nullOf(fromPlan.type()),
                        fromPlan.after(),
                        List.of(),
                        fromPlan.privateData())
                : fromPlan;
        Optional<Value> config = t.evaluateConfig(context);
        if (config.isEmpty()) {
            return Written.NOTHING;
        }
        String type = t.address().resource().resource().type();
        Value priorValue = before.unmarkDeep();
        byte[] priorPrivate = priorValue.isNull()
                ? new byte[0]
                : prior.current(t.address()).map(StateValues::privateData).orElse(new byte[0]);
        long start = System.nanoTime();
        hooks.started(change);
        Optional<InstanceChange.Planned> finalPlan =
                InstanceChange.plan(context, t, config.get(), priorValue, priorPrivate);
        if (finalPlan.isEmpty()) {
            hooks.failed(change, elapsed(start));
            return Written.NOTHING;
        }
        Value planned = finalPlan.get().object().plannedState();
        List<String> drifted = PlanContract.knownValuesKept(change.after(), planned, false);
        if (!drifted.isEmpty()) {
            context.report(Diagnostic.error(
                    "Provider produced inconsistent final plan",
                    "When expanding the plan for "
                            + t.address() + " to include new values learned so far during apply, provider "
                            + change.provider().source().display() + " produced an invalid new value:\n  - "
                            + String.join("\n  - ", drifted)
                            + "\n\nThis is a bug in the provider, which should be reported "
                            + "in the provider's own issue tracker.",
                    t.config().declRange()));
            hooks.failed(change, elapsed(start));
            return Written.NOTHING;
        }
        var applied = t.provider()
                .applyResourceChange(
                        type,
                        priorValue,
                        planned,
                        finalPlan.get().effective(),
                        finalPlan.get().object().plannedPrivate());
        ProviderDiagnostics.report(context, t.address().toString(), t.config(), applied.diagnostics());
        Value newState = applied.value() == null ? null : applied.value().newState();
        if (newState == null || newState.isNull()) {
            if (!applied.hasErrors()) {
                context.report(Diagnostic.error(
                        "Provider produced null object",
                        "Provider "
                                + change.provider().source().display() + " returned nothing for " + t.address()
                                + " after applying it. This is a bug in the provider.",
                        t.config().declRange()));
            }
            hooks.failed(change, elapsed(start));
            return Written.NOTHING;
        }
        List<String> broken = PlanContract.knownValuesKept(planned, newState, true);
        if (!broken.isEmpty()) {
            context.report(Diagnostic.error(
                    "Provider produced inconsistent result after apply",
                    "When applying "
                            + "changes to " + t.address() + ", provider "
                            + change.provider().source().display()
                            + " produced an unexpected new value:\n  - " + String.join("\n  - ", broken)
                            + "\n\nThis is a "
                            + "bug in the provider, which should be reported in the provider's own issue tracker.",
                    t.config().declRange()));
        }
        Value marked = finalPlan.get().marked(newState);
        boolean failed = applied.hasErrors() || !broken.isEmpty();
        byte[] privateData = applied.value().privateData();
        if (!record(t, dependencies, change.provider(), marked, privateData, failed && priorValue.isNull())) {
            return Written.NOTHING;
        }
        if (failed) {
            hooks.failed(change, elapsed(start));
            return new Written(null, true);
        }
        counter.count(change.action());
        hooks.completed(change, marked, elapsed(start));
        return new Written(postconditionsHold(t, marked) ? marked : null, true);
    }

    private boolean record(
            InstanceTarget t,
            List<String> dependencies,
            ProviderConfig provider,
            Value value,
            byte[] privateData,
            boolean tainted) {
        Type type = t.schema().block().impliedType();
        try {
            InstanceObject o = StateValues.encode(
                    t.address().key(),
                    null,
                    value,
                    type,
                    t.schema().version(),
                    privateData,
                    dependencies,
                    t.config().lifecycle().createBeforeDestroy());
            if (tainted) {
                o = new InstanceObject(
                        o.key(),
                        null,
                        true,
                        o.schemaVersion(),
                        o.attributes(),
                        o.sensitiveAttributes(),
                        o.privateData(),
                        o.dependencies(),
                        o.createBeforeDestroy());
            }
            sink.record(new StateChange.PutObject(t.address(), provider, o));
        } catch (CodecException e) {
            context.report(StateValues.encodingError(
                    t.address(),
                    e,
                    t.config().declRange(),
                    Diagnostic.error(
                            "Provider returned an invalid object",
                            "The object provider "
                                    + provider.source().display() + " returned for " + t.address()
                                    + " does not fit its schema: "
                                    + e.getMessage() + ".",
                            t.config().declRange())));
            return false;
        }
        context.values().setInstance(t.address().resource(), t.address().key(), value);
        return true;
    }

    /** Deletes the object a change is about (its deposed one when {@code deposed} is set). */
    boolean delete(ResourceChange change, ProviderClient provider, String deposed) {
        String type = change.address().resource().resource().type();
        Value before = change.before().unmarkDeep();
        byte[] privateData = change.action() == Action.DELETE
                ? change.privateData()
                : prior.current(change.address()).map(StateValues::privateData).orElse(new byte[0]);
        long start = System.nanoTime();
        ResourceChange reported = change.action() == Action.DELETE
                ? change
                : new ResourceChange(
                        change.address(),
                        deposed,
                        change.provider(),
                        Action.DELETE,
                        change.reason(),
                        change.type(),
                        change.before(),
                        Value.nullOf(change.type()),
                        List.of(),
                        new byte[0]);
        hooks.started(reported);
        var applied = provider.applyResourceChange(
                type, before, Value.nullOf(change.type()), Value.nullOf(change.type()), privateData);
        ProviderDiagnostics.report(context, change.address().toString(), (SourceRange) null, applied.diagnostics());
        if (applied.hasErrors()) {
            hooks.failed(reported, elapsed(start));
            return false;
        }
        sink.record(new StateChange.RemoveObject(change.address(), deposed));
        counter.count(Action.DELETE);
        hooks.completed(reported, Value.nullOf(change.type()), elapsed(start));
        return true;
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
