package io.netform.planner;

import io.netform.state.InstanceObject;
import io.netform.value.Value;
import io.netform.walk.InstanceTarget;
import io.netform.walk.WalkContext;

/**
 * Plans one managed resource instance for a refresh-only plan: the stored object is read from its
 * provider and what was read becomes the instance's value, so outputs follow it; nothing is changed.
 */
final class InstanceRefresher {

    private final WalkContext context;
    private final PlanRecorder recorder;

    InstanceRefresher(WalkContext context, PlanRecorder recorder) {
        this.context = context;
        this.recorder = recorder;
    }

    /** Refreshes the instance; returns false when it failed (already reported). */
    boolean refresh(InstanceTarget t, boolean read) {
        InstanceObject stored = recorder.priorObject(t.address());
        Value value;
        if (stored == null) {
            // Not created yet: what refers to it cannot be known from state.
            value = Value.unknown(t.schema().block().impliedType());
        } else {
            value = recorder.refresh(
                    t.address(),
                    stored,
                    t.provider(),
                    t.schema(),
                    t.providerAddress(),
                    read,
                    t.config().declRange());
            if (value == null) {
                return false;
            }
            if (value.isNull()) {
                // Deleted outside Netform: as for an object not created yet, what refers to it cannot be
                // known (Terraform's evaluator gives such a resource an unknown value), instead of failing
                // on an attribute of null.
                value = Value.unknown(t.schema().block().impliedType());
            }
        }
        context.values().setInstance(t.address().resource(), t.address().key(), value);
        return true;
    }
}
