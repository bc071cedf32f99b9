package io.netform.cli;

import io.netform.addrs.ProviderSource;
import io.netform.graph.ConfigGraph;
import io.netform.graph.Node.ProviderNode;
import io.netform.plan.PlanJson;
import io.netform.plan.SavedPlan;
import io.netform.state.State;
import io.netform.state.StateFormatException;
import io.netform.state.StateJson;
import java.util.Optional;
import java.util.Set;

/** A state as Terraform's state JSON (format 1.0), a saved plan as its plan JSON (format 1.2). */
final class JsonShowView implements ShowView {

    private final NetformCommand netform;
    private final Ui ui;

    JsonShowView(NetformCommand netform, Ui ui) {
        this.netform = netform;
        this.ui = ui;
    }

    @Override
    public int state(State state, StateSnapshot snapshot) {
        try {
            ui.out().println(StateJson.toText(StateJson.encode(state, StateSchemas.load(netform, state, ui))));
        } catch (StateFormatException e) {
            snapshot.error("Failed to read the state", e.getMessage());
            return 1;
        }
        return 0;
    }

    /** The plan JSON describes the configuration saved in the plan, so its providers' schemas are loaded too. */
    @Override
    public int plan(SavedPlan saved) {
        Set<ProviderSource> sources = ShowView.providersOf(saved);
        Optional<ConfigGraph> loaded = SavedPlans.configuration(netform, saved, ui);
        if (loaded.isEmpty()) {
            return 1;
        }
        ConfigGraph configuration = loaded.get();
        for (ProviderNode provider : configuration.providers().values()) {
            sources.add(configuration.providerSource(provider));
        }
        ui.out()
                .println(PlanJson.toText(
                        PlanJson.encode(saved, configuration, StateSchemas.load(netform, sources, ui))));
        return 0;
    }
}
