package io.netform.walk;

import io.netform.config.Lifecycle;
import io.netform.hcl.Diagnostic;
import io.netform.plugins.ProviderClient.PlannedObject;
import io.netform.value.Value;
import io.netform.wire.SchemaBlock;
import java.util.List;
import java.util.Optional;

/**
 * Asks the provider to plan a managed instance's change from its prior object to its evaluated
 * configuration: ignore_changes, the proposed new state, PlanResourceChange and the plan's contract with
 * the configuration. Plan and apply (whose final plan is this with the configuration then known) both
 * plan through here, so the two cannot differ in how.
 */
public final class InstanceChange {

    private InstanceChange() {}

    /**
     * What the provider planned for {@code config}; {@code effective} is what the provider was given:
     * unmarked, with ignore_changes applied.
     */
    public record Planned(Value config, Value effective, PlannedObject object, SchemaBlock schema) {

        /** {@code object} with the sensitive marks of the configuration and the schema. */
        public Value marked(Value object) {
            return Sensitivity.marked(config, object, schema);
        }
    }

    /**
     * Plans {@code t} from {@code prior} (null-valued for a new object) to {@code config}, the evaluated
     * configuration with its marks; empty when the provider failed or broke the contract (already reported).
     */
    public static Optional<Planned> plan(
            WalkContext context, InstanceTarget t, Value config, Value prior, byte[] priorPrivate) {
        SchemaBlock schema = t.schema().block();
        Value unmarkedPrior = prior.unmarkDeep();
        Value effective = ignoreChanges(t.config().lifecycle(), unmarkedPrior, config.unmarkDeep());
        Value proposed = ProposedNewState.of(schema, unmarkedPrior, effective);
        var planned = t.provider()
                .planResourceChange(
                        t.address().resource().resource().type(), unmarkedPrior, proposed, effective, priorPrivate);
        ProviderDiagnostics.report(context, t.address().toString(), t.config(), planned.diagnostics());
        if (planned.hasErrors()) {
            return Optional.empty();
        }
        List<String> problems =
                PlanContract.configKept(schema, effective, planned.value().plannedState());
        if (!problems.isEmpty()) {
            context.report(Diagnostic.error(
                    "Provider produced invalid plan",
                    "Provider "
                            + t.providerAddress().source().display() + " planned an invalid value for " + t.address()
                            + ":\n  - " + String.join("\n  - ", problems)
                            + "\n\nThis is a bug in the provider, which should "
                            + "be reported in the provider's own issue tracker.",
                    t.config().declRange()));
            return Optional.empty();
        }
        return Optional.of(new Planned(config, effective, planned.value(), schema));
    }

    private static Value ignoreChanges(Lifecycle lifecycle, Value prior, Value config) {
        if (prior.isNull()
                || (!lifecycle.ignoreAllChanges() && lifecycle.ignoreChanges().isEmpty())) {
            return config;
        }
        if (lifecycle.ignoreAllChanges()) {
            return IgnoreChanges.keepAll(prior, config);
        }
        return IgnoreChanges.keep(prior, config, lifecycle.ignoreChanges());
    }
}
