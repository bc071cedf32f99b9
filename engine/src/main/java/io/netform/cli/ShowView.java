package io.netform.cli;

import io.netform.addrs.ProviderSource;
import io.netform.plan.SavedPlan;
import io.netform.state.State;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How {@code show} shows a state or a saved plan: for people ({@link HumanShowView}) or as Terraform's
 * JSON ({@link JsonShowView}), chosen once from {@code -json}. Each returns the exit code.
 */
interface ShowView {

    /** The view {@code json} asks for. */
    static ShowView of(NetformCommand netform, Ui ui, boolean json) {
        return json ? new JsonShowView(netform, ui) : new HumanShowView(netform, ui);
    }

    /** Shows {@code state}, read through {@code snapshot}. */
    int state(State state, StateSnapshot snapshot);

    /** Shows the plan saved in a plan file. */
    int plan(SavedPlan saved);

    /** The providers of a saved plan's changes and prior state, whose schemas describe its objects. */
    static Set<ProviderSource> providersOf(SavedPlan saved) {
        Set<ProviderSource> sources = new LinkedHashSet<>();
        saved.plan().changes().forEach(c -> sources.add(c.provider().source()));
        saved.plan()
                .priorState()
                .resources()
                .values()
                .forEach(r -> sources.add(r.provider().source()));
        return sources;
    }
}
