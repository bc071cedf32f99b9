package io.netform.cli;

import io.netform.config.LoadResult;
import io.netform.config.ModuleLoader;
import io.netform.hcl.Diagnostic;
import io.netform.state.State;
import io.netform.state.StateCodec;
import io.netform.state.StateFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The last state snapshot written, read for a command that only looks at state (output, show,
 * state list/show/pull). It takes no lock and does not replay a journal: replaying writes the state,
 * which a reader must never do while an apply may be running.
 */
final class StateSnapshot {

    private final Path path;
    private final Ui ui;

    private StateSnapshot(Path path, Ui ui) {
        this.path = path;
        this.ui = ui;
    }

    /** The state of {@code netform}'s working directory: {@code stateFlag} if given, else the backend's path. */
    static StateSnapshot of(NetformCommand netform, Path stateFlag, Ui ui) {
        return new StateSnapshot(locate(netform.workingDir(), stateFlag), ui);
    }

    /**
     * The state file of {@code dir}: {@code stateFlag} if given, else the local backend's {@code path}
     * when the configuration loads, else {@code terraform.tfstate}.
     */
    static Path locate(Path dir, Path stateFlag) {
        if (stateFlag != null) {
            return dir.resolve(stateFlag);
        }
        LoadResult loaded = ModuleLoader.load(dir);
        String configured = loaded.hasErrors() ? null : loaded.root().settings().backendConfig().get("path");
        return dir.resolve(configured == null ? "terraform.tfstate" : configured);
    }

    Path path() {
        return path;
    }

    /** Whether a state file exists. */
    boolean exists() {
        return Files.isRegularFile(path);
    }

    /** The state file's bytes as written; null after printing an error. */
    byte[] bytes() {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            error("Failed to load state", "Could not read the state file " + path + ": " + e.getMessage());
            return null;
        }
    }

    /** The state, empty when there is no state file; null after printing an error. */
    State read() {
        if (!exists()) {
            return State.empty(BuildInfo.version());
        }
        byte[] bytes = bytes();
        if (bytes == null) {
            return null;
        }
        try {
            return StateCodec.decode(bytes, path.toString());
        } catch (StateFormatException e) {
            error("Failed to load state", e.getMessage());
            return null;
        }
    }

    /** Prints an error diagnostic without a source location. */
    void error(String summary, String detail) {
        new DiagnosticPrinter(ui, Map.of()).print(List.of(Diagnostic.error(summary, detail, null)));
    }
}
