package io.netform.planner;

import io.netform.addrs.AbsResource;
import io.netform.addrs.InstanceKey;
import io.netform.addrs.ResourceInstance;
import io.netform.config.ReplaceTrigger;
import io.netform.hcl.Diagnostic;
import io.netform.plan.Action;
import io.netform.plan.ResourceChange;
import io.netform.value.AttributePath;
import io.netform.value.Value;
import io.netform.walk.Expansion;
import io.netform.walk.WalkContext;
import java.util.List;
import java.util.Set;

/**
 * Decides whether {@code lifecycle.replace_triggered_by} replaces a resource instance, by Terraform's
 * rules: a referenced resource with any instance, or a referenced instance, planned for update or
 * replacement; or a referenced attribute whose planned value differs from its current one.
 */
final class ReplaceTriggers {

    /** The actions of a referenced instance that trigger: creating or deleting it does not. */
    private static final Set<Action> TRIGGERING =
            Set.of(Action.UPDATE, Action.DELETE_THEN_CREATE, Action.CREATE_THEN_DELETE);

    private ReplaceTriggers() {}

    /**
     * Whether an entry of {@code triggers} calls for replacing {@code instance}. A reference to an
     * instance without a planned change is added to {@code problems}.
     */
    static boolean triggered(
            List<ReplaceTrigger> triggers,
            ResourceInstance instance,
            WalkContext context,
            PlanRecorder recorder,
            List<Diagnostic> problems) {
        for (ReplaceTrigger trigger : triggers) {
            AbsResource referenced = trigger.resource().in(instance.module());
            InstanceKey key = trigger.instance(instance.key());
            boolean fires = key == null
                    ? anyInstanceChanges(referenced, context, recorder)
                    : instanceChanges(trigger, referenced.instance(key), recorder, problems);
            if (fires) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyInstanceChanges(AbsResource referenced, WalkContext context, PlanRecorder recorder) {
        Expansion expansion = context.values().expansion(referenced);
        if (expansion == null) {
            return false;
        }
        for (InstanceKey k : expansion.keys()) {
            ResourceChange change = recorder.change(referenced.instance(k));
            if (change != null && TRIGGERING.contains(change.action())) {
                return true;
            }
        }
        return false;
    }

    private static boolean instanceChanges(
            ReplaceTrigger trigger, ResourceInstance referenced, PlanRecorder recorder, List<Diagnostic> problems) {
        ResourceChange change = recorder.change(referenced);
        if (change == null) {
            problems.add(Diagnostic.error(
                    "Invalid replace_triggered_by reference",
                    "No change is planned for " + referenced
                            + ", which replace_triggered_by refers to: the resource has no such instance.",
                    trigger.expression().range()));
            return false;
        }
        if (!TRIGGERING.contains(change.action())) {
            return false;
        }
        if (trigger.path().isRoot()) {
            return true;
        }
        Value before = at(trigger.path(), change.before());
        Value after = at(trigger.path(), change.after());
        return before == null || after == null ? before != after : !before.equals(after);
    }

    /** The value at {@code path} in {@code object} without marks, or null when there is none. */
    private static Value at(AttributePath path, Value object) {
        try {
            return path.apply(object.unmarkDeep());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
