package io.netform.cli;

import io.netform.addrs.ProviderSource;
import io.netform.graph.ConfigGraph;
import io.netform.graph.Node.ProviderNode;
import io.netform.hcl.Diagnostic;
import io.netform.plan.Plan;
import io.netform.plan.PlanFile;
import io.netform.plan.PlanJson;
import io.netform.plan.Providers;
import io.netform.plan.SavedPlan;
import io.netform.state.InstanceObject;
import io.netform.state.OutputState;
import io.netform.state.ResourceState;
import io.netform.state.State;
import io.netform.state.StateFormatException;
import io.netform.state.StateJson;
import io.netform.value.CodecException;
import io.netform.value.CtyJson;
import io.netform.value.TypeJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code netform show [-json] [PATH]}: a saved plan, a state file or the current state, for people or
 * (with {@code -json}) for tools.
 */
@Command(name = "show", description = "Show a saved plan or the state in a human-readable form, or as JSON.")
final class ShowCommand implements Callable<Integer> {

    @ParentCommand
    private NetformCommand netform;

    @Option(names = "-json", description = "Print JSON: Terraform's plan representation (format 1.2) for a plan "
            + "file, its state representation (format 1.0) otherwise.")
    private boolean json;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "A plan file written by "
            + "netform plan -out, or a state file (default: the current state).")
    private Path path;

    @Option(names = "-state", paramLabel = "PATH", description = "The state file to read (default "
            + "terraform.tfstate, or the local backend's path).")
    private Path statePath;

    @Option(names = "-no-color", description = "Disable coloured output.")
    private boolean noColor;

    @Override
    public Integer call() {
        Ui ui = noColor ? netform.ui().withoutColor() : netform.ui();
        if (path != null && !java.nio.file.Files.isRegularFile(netform.workingDir().resolve(path))) {
            new DiagnosticPrinter(ui, Map.of()).print(List.of(Diagnostic.error("Failed to read the given file as "
                    + "a state or plan file", "The file " + path + " does not exist.", null)));
            return 1;
        }
        if (path != null && PlanFile.isPlanFile(netform.workingDir().resolve(path))) {
            return showPlan(ui);
        }
        StateSnapshot snapshot = StateSnapshot.of(netform, path != null ? path : statePath, ui);
        State state = snapshot.read();
        if (state == null) {
            return 1;
        }
        if (json) {
            try {
                ui.out().println(StateJson.toText(StateJson.encode(state,
                        StateSchemas.load(netform, state, ui))));
            } catch (StateFormatException e) {
                snapshot.error("Failed to read the state", e.getMessage());
                return 1;
            }
            return 0;
        }
        if (!snapshot.exists()) {
            ui.out().println("No state.");
            return 0;
        }
        if (state.isEmpty()) {
            ui.out().println("The state file is empty. No resources are represented.");
            return 0;
        }
        List<String> blocks = new ArrayList<>();
        var schemas = StateSchemas.load(netform, state, ui);
        StateObjectRenderer renderer = new StateObjectRenderer(ui, schemas);
        for (ResourceState resource : state.resources().values()) {
            for (InstanceObject object : resource.instances()) {
                if (object.isCurrent()) {
                    try {
                        blocks.add(renderer.render(resource.address().instance(object.key()),
                                resource.provider().source(), object));
                    } catch (CodecException e) {
                        snapshot.error("Failed to read " + resource.address().instance(object.key())
                                + " from state", e.getMessage());
                        return 1;
                    }
                }
            }
        }
        ui.out().print(String.join("\n", blocks));
        return outputs(state, ui, snapshot);
    }

    private int showPlan(Ui ui) {
        SavedPlan saved = SavedPlans.read(netform, path, ui);
        if (saved == null) {
            return 1;
        }
        Plan plan = saved.plan();
        Set<ProviderSource> sources = new LinkedHashSet<>();
        plan.changes().forEach(c -> sources.add(c.provider().source()));
        plan.priorState().resources().values().forEach(r -> sources.add(r.provider().source()));
        ConfigGraph configuration = null;
        if (json) {
            configuration = SavedPlans.configuration(netform, saved, ui);
            if (configuration == null) {
                return 1;
            }
            for (ProviderNode provider : configuration.providers().values()) {
                sources.add(Providers.sourceOf(configuration, provider));
            }
        }
        var schemas = StateSchemas.load(netform, sources, ui);
        if (json) {
            ui.out().println(PlanJson.toText(PlanJson.encode(saved, configuration, schemas)));
        } else {
            ui.out().print(PlanRenderer.render(plan, schemas, ui));
        }
        return 0;
    }

    private static int outputs(State state, Ui ui, StateSnapshot snapshot) {
        if (state.outputs().isEmpty()) {
            return 0;
        }
        StringBuilder out = new StringBuilder("\n\nOutputs:\n\n");
        int width = state.outputs().keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, OutputState> e : state.outputs().entrySet()) {
            String shown;
            try {
                shown = e.getValue().sensitive() ? "(sensitive value)" : OutputValues.format(
                        CtyJson.fromNode(e.getValue().value(), TypeJson.fromNode(e.getValue().type())), 0);
            } catch (CodecException ex) {
                snapshot.error("Invalid output value in state", "The value of output \"" + e.getKey()
                        + "\" cannot be read: " + ex.getMessage());
                return 1;
            }
            out.append(DiffWriter.padRight(e.getKey(), width)).append(" = ").append(shown).append('\n');
        }
        ui.out().print(out);
        return 0;
    }
}
