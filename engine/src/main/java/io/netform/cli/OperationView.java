package io.netform.cli;

import io.netform.apply.ApplyResult;
import io.netform.core.OperationHooks;
import io.netform.core.Result;
import io.netform.plan.CheckResult;
import io.netform.plan.Plan;
import io.netform.plan.ResourceChange;
import io.netform.state.State;
import io.netform.wire.SchemaBlock;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * How plan, apply, destroy, refresh and import show what the engine reports: for people
 * ({@link HumanOperationView}) or as Terraform's machine-readable UI ({@link JsonOperationView}), chosen
 * once from {@code -json}. It also hears the engine's events as they happen.
 */
interface OperationView extends OperationHooks {

    /** The view {@code flags} ask for. */
    static OperationView of(NetformCommand netform, OperationFlags flags) {
        Ui ui = flags.noColor ? netform.ui().withoutColor() : netform.ui();
        return flags.json
                ? new JsonOperationView(ui, flags.compactWarnings)
                : new HumanOperationView(ui, flags.compactWarnings, netform.inAutomation());
    }

    /** Where the view prints. */
    Ui ui();

    /** Shows the result's diagnostics; returns whether the result failed or any of them is an error. */
    boolean diagnostics(Result<?> result);

    /** Shows an error that has no place in the configuration; its first line is the summary. */
    default void error(String message) {
        diagnostics(Result.failed(List.of(Result.message(message)), java.util.Map.of()));
    }

    /** Shows the changes a plan makes; {@code schemas} gives each object's schema, for the diff. */
    void plan(Plan plan, Function<ResourceChange, SchemaBlock> schemas);

    /** Shows the results of the check blocks, after a plan ({@code planning}) or an apply. */
    void checks(List<CheckResult> checks, boolean planning);

    /** The plan was saved to {@code out} (null: it was not saved); says what to do next. */
    void planSaved(Path out, boolean hasChanges);

    /** An apply of {@code plan} found nothing to change: the checks and the outputs as they stand. */
    void unchanged(Plan plan, List<CheckResult> checks, State state);

    /**
     * Asks whether to apply a plan of {@code mode} (to destroy, or to record the drift of a refresh-only
     * plan in state); false when the answer is anything but yes.
     */
    boolean approved(Plan.Mode mode);

    /** The user did not approve. */
    void cancelled(boolean destroying);

    /** The view of the apply's progress. */
    ApplyView progress();

    /** The apply is about to start, after the plan was shown and approved. */
    void applying();

    /** The apply of {@code plan} finished: the summary and (unless it destroyed) the checks and outputs. */
    void applied(Plan plan, ApplyResult result, State state);

    /** refresh found no objects in state. */
    void nothingToRefresh();

    /** refresh wrote {@code state}, recording {@code drift}. */
    void refreshed(List<ResourceChange> drift, State state);

    /** import adopted the object {@code id} at {@code target}, whose id attribute is {@code objectId}. */
    void imported(io.netform.addrs.ResourceInstance target, String id, String objectId);
}
