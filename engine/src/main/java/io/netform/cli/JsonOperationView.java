package io.netform.cli;

import io.netform.addrs.ResourceInstance;
import io.netform.apply.ApplyResult;
import io.netform.core.Result;
import io.netform.plan.CheckResult;
import io.netform.plan.Plan;
import io.netform.plan.ResourceChange;
import io.netform.state.State;
import io.netform.value.Value;
import io.netform.wire.SchemaBlock;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * Plan and apply as Terraform's machine-readable UI ({@code -json}): the stream starts with its
 * {@code version} message; refresh and import, which have no messages of their own, report as text.
 */
final class JsonOperationView implements OperationView {

    private final Ui ui;
    private final boolean compactWarnings;
    private final JsonUiStream stream;
    private final JsonRefreshView refreshes;
    private final HumanOperationView text;

    JsonOperationView(Ui ui, boolean compactWarnings) {
        this.ui = ui;
        this.compactWarnings = compactWarnings;
        this.stream = new JsonUiStream(ui.out(), Clock.systemUTC());
        this.refreshes = new JsonRefreshView(stream);
        this.text = new HumanOperationView(ui, compactWarnings, true);
        stream.version(BuildInfo.version());
    }

    @Override
    public Ui ui() {
        return ui;
    }

    @Override
    public boolean diagnostics(Result<?> result) {
        return new DiagnosticPrinter(ui, result.sources(), stream, compactWarnings).print(result.diagnostics())
                || result.failed();
    }

    @Override
    public void refreshStarted(ResourceInstance address, Value stored) {
        refreshes.refreshStarted(address, stored);
    }

    @Override
    public void refreshCompleted(ResourceInstance address, Value now) {
        refreshes.refreshCompleted(address, now);
    }

    @Override
    public void stateLockWaiting() {
        stream.stateLock("state_lock_acquire", HumanOperationView.LOCK_WAITING);
    }

    @Override
    public void stateUnlockWaiting() {
        stream.stateLock("state_lock_release", HumanOperationView.UNLOCK_WAITING);
    }

    @Override
    public void stateRecovered(String message) {
        stream.log("warn", message);
    }

    @Override
    public void warning(String message) {
        text.warning(message);
    }

    @Override
    public void plan(Plan plan, Function<ResourceChange, SchemaBlock> schemas) {
        stream.plan(plan);
    }

    @Override
    public void checks(List<CheckResult> checks, boolean planning) {
        // The machine-readable UI has no message for check results.
    }

    @Override
    public void planSaved(Path out, boolean hasChanges) {
        if (out != null) {
            stream.log("info", "Saved the plan to: " + out);
        }
    }

    @Override
    public void unchanged(Plan plan, List<CheckResult> checks, State state) {
        applied(plan, new ApplyResult(0, 0, 0, List.of(), checks), state);
    }

    /** Never asked: apply -json requires -auto-approve or a plan file. */
    @Override
    public boolean approved(Plan.Mode mode) {
        return false;
    }

    @Override
    public void cancelled(boolean destroying) {
        error(destroying ? "Destroy cancelled." : "Apply cancelled.");
    }

    @Override
    public ApplyView progress() {
        return new JsonApplyView(stream);
    }

    @Override
    public void applying() {}

    @Override
    public void applied(Plan plan, ApplyResult result, State state) {
        boolean destroying = plan.mode() == Plan.Mode.DESTROY;
        stream.changeSummary(
                destroying ? "destroy" : "apply",
                result.added(),
                result.changed(),
                result.destroyed(),
                HumanOperationView.summary(plan, result));
        if (!destroying) {
            stream.outputs(state.outputs());
        }
    }

    @Override
    public void nothingToRefresh() {
        text.nothingToRefresh();
    }

    @Override
    public void refreshed(List<ResourceChange> drift, State state) {
        text.refreshed(drift, state);
    }

    @Override
    public void imported(ResourceInstance target, String id, String objectId) {
        text.imported(target, id, objectId);
    }
}
