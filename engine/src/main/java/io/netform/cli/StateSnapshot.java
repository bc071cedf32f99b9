package io.netform.cli;

import io.netform.core.LocalStateBackend;
import io.netform.core.StateBackend;
import io.netform.hcl.Diagnostic;
import io.netform.state.State;
import io.netform.state.StateCodec;
import io.netform.state.StateFormatException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last state snapshot written, read for a command that only looks at state (output, show,
 * state list/show/pull). It takes no lock and does not replay a journal: replaying writes the state,
 * which a reader must never do while an apply may be running.
 */
final class StateSnapshot {

    private final String where;
    private final Optional<byte[]> stored;
    private final String failure;
    private final Ui ui;

    private StateSnapshot(String where, Optional<byte[]> stored, String failure, Ui ui) {
        this.where = where;
        this.stored = stored;
        this.failure = failure;
        this.ui = ui;
    }

    /** The state of {@code netform}'s working directory: the file {@code stateFlag} if given, else the workspace's. */
    static StateSnapshot of(NetformCommand netform, Path stateFlag, Ui ui) {
        return read(Workspaces.backend(netform, stateFlag), ui);
    }

    /** The state in the file {@code path}, whatever the working directory's backend. */
    static StateSnapshot ofFile(NetformCommand netform, Path path, Ui ui) {
        return read(new LocalStateBackend(netform.workingDir().resolve(path), Workspaces.DEFAULT), ui);
    }

    private static StateSnapshot read(StateBackend opened, Ui ui) {
        try (StateBackend backend = opened) {
            try {
                return new StateSnapshot(backend.describe(), backend.stored(), null, ui);
            } catch (RuntimeException e) {
                return new StateSnapshot(backend.describe(), Optional.empty(), e.getMessage(), ui);
            }
        }
    }

    /** Where the state is: a file's path, or the pg backend's workspace. */
    String describe() {
        return where;
    }

    /** Whether there is a state snapshot (or one that could not be read, which {@link #read} reports). */
    boolean exists() {
        return failure != null || stored.isPresent();
    }

    /** The state's bytes as written; null after printing an error. */
    byte[] bytes() {
        if (failure != null) {
            error("Failed to load state", failure);
            return null;
        }
        return stored.orElse(null);
    }

    /** The state, empty when there is none; null after printing an error. */
    State read() {
        if (failure != null) {
            error("Failed to load state", failure);
            return null;
        }
        if (stored.isEmpty()) {
            return State.empty(BuildInfo.version());
        }
        try {
            return StateCodec.decode(stored.get(), where);
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
