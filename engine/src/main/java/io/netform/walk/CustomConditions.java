package io.netform.walk;

import io.netform.addrs.ModuleInstance;
import io.netform.addrs.ResourceInstance;
import io.netform.config.CheckStatus;
import io.netform.config.Condition;
import io.netform.config.ConditionEvaluator;
import io.netform.config.Module;
import io.netform.config.ResourceConfig;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.Expression;
import io.netform.lang.Scope;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the preconditions and postconditions of resources and data sources, and the preconditions
 * of outputs, reporting each one that is false as an error that stops the operation. A condition
 * that depends on values not known yet passes for now: apply checks it again once they are known.
 */
public final class CustomConditions {

    private CustomConditions() {}

    /** The preconditions of one instance; false after reporting one that failed. */
    public static boolean resourcePreconditions(
            WalkContext context, Module m, ResourceInstance address, ResourceConfig config, Repetition repetition) {
        return hold(
                context,
                m,
                address.module(),
                repetition,
                config.lifecycle().preconditions(),
                "Resource precondition failed",
                address.toString());
    }

    /** The postconditions of one instance, with {@code self} its planned, read or new object. */
    public static boolean resourcePostconditions(
            WalkContext context,
            Module m,
            ResourceInstance address,
            ResourceConfig config,
            Repetition repetition,
            Value self) {
        return hold(
                context,
                m,
                address.module(),
                repetition.withSelf(self),
                config.lifecycle().postconditions(),
                "Resource postcondition failed",
                address.toString());
    }

    /** The preconditions of output {@code name} in one module instance. */
    public static boolean outputPreconditions(WalkContext context, Module m, ModuleInstance at, String name) {
        return hold(
                context,
                m,
                at,
                Repetition.NONE,
                m.outputs().get(name).preconditions(),
                "Module output value precondition failed",
                (at.isRoot() ? "" : at + ".") + "output." + name);
    }

    private static boolean hold(
            WalkContext context,
            Module m,
            ModuleInstance at,
            Repetition repetition,
            List<Condition> conditions,
            String summary,
            String address) {
        if (conditions.isEmpty()) {
            return true;
        }
        Scope scope = context.scopes().scope(m, at, repetition, expressions(conditions));
        boolean held = true;
        for (Condition condition : conditions) {
            List<Diagnostic> found = new ArrayList<>();
            var outcome = ConditionEvaluator.evaluate(condition, scope, "Invalid condition result", found);
            context.report(found);
            if (outcome.status() == CheckStatus.FAIL) {
                context.report(Diagnostic.error(
                        summary,
                        outcome.message() + "\n\n  with " + address,
                        condition.condition().range()));
            }
            held &= outcome.status() == CheckStatus.PASS || outcome.status() == CheckStatus.UNKNOWN;
        }
        return held;
    }

    /** Every expression of {@code conditions}: the names a scope for them must hold. */
    static List<Expression> expressions(List<Condition> conditions) {
        List<Expression> out = new ArrayList<>();
        for (Condition c : conditions) {
            out.add(c.condition());
            out.add(c.errorMessage());
        }
        return out;
    }
}
