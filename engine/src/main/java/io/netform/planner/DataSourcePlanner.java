package io.netform.planner;

import io.netform.plan.Action;
import io.netform.plan.ActionReason;
import io.netform.plan.ResourceChange;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.walk.CustomConditions;
import io.netform.walk.InstanceTarget;
import io.netform.walk.ProviderDiagnostics;
import io.netform.walk.Sensitivity;
import io.netform.walk.WalkContext;
import java.util.List;
import java.util.Optional;

/**
 * Plans a data source instance: read now when its configuration is known and nothing it depends
 * on changes, otherwise plan to read it during apply.
 */
final class DataSourcePlanner {

    private final WalkContext context;
    private final PlanRecorder recorder;

    DataSourcePlanner(WalkContext context, PlanRecorder recorder) {
        this.context = context;
        this.recorder = recorder;
    }

    boolean plan(InstanceTarget t, boolean dependencyPending) {
        Type type = t.schema().block().impliedType();
        String dataType = t.address().resource().resource().type();
        Optional<Value> evaluated = t.evaluateConfig(context);
        if (evaluated.isEmpty()) {
            return false;
        }
        Value config = evaluated.get();
        var validation = t.provider().validateDataResourceConfig(dataType, config.unmarkDeep());
        ProviderDiagnostics.report(context, t.address().toString(), t.config(), validation);
        if (validation.stream().anyMatch(d -> d.error())
                || !CustomConditions.resourcePreconditions(
                        context, t.module(), t.address(), t.config(), t.repetition())) {
            return false;
        }
        if (!config.isWhollyKnown() || dependencyPending) {
            Value after = Value.unknown(type);
            recorder.change(new ResourceChange(
                    t.address(),
                    null,
                    t.providerAddress(),
                    Action.READ,
                    config.isWhollyKnown()
                            ? ActionReason.READ_BECAUSE_DEPENDENCY_PENDING
                            : ActionReason.READ_BECAUSE_CONFIG_UNKNOWN,
                    type,
                    Value.nullOf(type),
                    after,
                    List.of(),
                    new byte[0]));
            context.values().setInstance(t.address().resource(), t.address().key(), after);
            return true;
        }
        Value read = read(t, config);
        if (read == null
                || !CustomConditions.resourcePostconditions(
                        context, t.module(), t.address(), t.config(), t.repetition(), read)) {
            return false;
        }
        recorder.dataRead(
                t.address(), t.providerAddress(), read, t.schema(), t.config().declRange());
        context.values().setInstance(t.address().resource(), t.address().key(), read);
        return true;
    }

    /** Reads the data source with a known configuration; null after reporting a failure. */
    Value read(InstanceTarget t, Value config) {
        var result =
                t.provider().readDataSource(t.address().resource().resource().type(), config.unmarkDeep());
        ProviderDiagnostics.report(context, t.address().toString(), t.config(), result.diagnostics());
        if (result.hasErrors()) {
            return null;
        }
        return Sensitivity.marked(config, result.value(), t.schema().block());
    }
}
