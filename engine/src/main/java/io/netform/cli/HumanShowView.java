package io.netform.cli;

import io.netform.plan.SavedPlan;
import io.netform.state.InstanceObject;
import io.netform.state.OutputState;
import io.netform.state.ResourceState;
import io.netform.state.State;
import io.netform.value.CodecException;
import io.netform.value.CtyJson;
import io.netform.value.TypeJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A state as its objects' attributes and the outputs, a saved plan as {@code plan} shows it. */
final class HumanShowView implements ShowView {

    private final NetformCommand netform;
    private final Ui ui;

    HumanShowView(NetformCommand netform, Ui ui) {
        this.netform = netform;
        this.ui = ui;
    }

    @Override
    public int state(State state, StateSnapshot snapshot) {
        if (!snapshot.exists()) {
            ui.out().println("No state.");
            return 0;
        }
        if (state.isEmpty()) {
            ui.out().println("The state file is empty. No resources are represented.");
            return 0;
        }
        List<String> blocks = new ArrayList<>();
        StateObjectRenderer renderer = new StateObjectRenderer(ui, StateSchemas.load(netform, state, ui));
        for (ResourceState resource : state.resources().values()) {
            for (InstanceObject object : resource.instances()) {
                if (object.isCurrent()) {
                    try {
                        blocks.add(renderer.render(
                                resource.address().instance(object.key()),
                                resource.provider().source(),
                                object));
                    } catch (CodecException e) {
                        snapshot.error(
                                "Failed to read " + resource.address().instance(object.key()) + " from state",
                                e.getMessage());
                        return 1;
                    }
                }
            }
        }
        ui.out().print(String.join("\n", blocks));
        return outputs(state, snapshot);
    }

    @Override
    public int plan(SavedPlan saved) {
        ui.out()
                .print(PlanRenderer.render(
                        saved.plan(), StateSchemas.load(netform, ShowView.providersOf(saved), ui), ui));
        return 0;
    }

    private int outputs(State state, StateSnapshot snapshot) {
        if (state.outputs().isEmpty()) {
            return 0;
        }
        StringBuilder out = new StringBuilder("\n\nOutputs:\n\n");
        int width =
                state.outputs().keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, OutputState> e : state.outputs().entrySet()) {
            String shown;
            try {
                shown = e.getValue().sensitive()
                        ? "(sensitive value)"
                        : OutputValues.format(
                                CtyJson.fromNode(
                                        e.getValue().value(),
                                        TypeJson.fromNode(e.getValue().type())),
                                0);
            } catch (CodecException ex) {
                snapshot.error(
                        "Invalid output value in state",
                        "The value of output \"" + e.getKey() + "\" cannot be read: " + ex.getMessage());
                return 1;
            }
            out.append(DiffWriter.padRight(e.getKey(), width))
                    .append(" = ")
                    .append(shown)
                    .append('\n');
        }
        ui.out().print(out);
        return 0;
    }
}
