package io.netform.cli;

import io.netform.config.ModuleLoader;
import io.netform.graph.ConfigGraph;
import io.netform.hcl.Diagnostic;
import io.netform.plan.PlanFile;
import io.netform.plan.PlanFileException;
import io.netform.plan.SavedPlan;
import io.netform.state.encryption.Encryption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading a plan file for the commands that only look at it ({@code show}, {@code graph -plan}). */
final class SavedPlans {

    private SavedPlans() {}

    /** The plan saved in {@code file} (relative to the working directory); empty after printing why not. */
    static Optional<SavedPlan> read(NetformCommand netform, Path file, Ui ui) {
        Encryption encryption = netform.encryption(ui);
        if (encryption == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(PlanFile.read(netform.workingDir().resolve(file), encryption.plan()));
        } catch (PlanFileException e) {
            new DiagnosticPrinter(ui, Map.of())
                    .print(List.of(Diagnostic.error("Failed to read the plan file", e.getMessage(), null)));
            return Optional.empty();
        }
    }

    /**
     * The graph of the configuration saved in {@code saved}, whatever the working directory holds now,
     * empty after printing its errors.
     */
    static Optional<ConfigGraph> configuration(NetformCommand netform, SavedPlan saved, Ui ui) {
        return GraphCommand.graphOf(
                netform.engine()
                        .configuration(
                                netform.workingDir(), ModuleLoader.load(netform.workingDir(), saved.configuration())),
                ui);
    }
}
