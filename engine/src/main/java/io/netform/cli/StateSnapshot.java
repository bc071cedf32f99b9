package io.netform.cli;

import io.netform.hcl.Diagnostic;
import io.netform.state.SnapshotCodec;
import io.netform.state.State;
import io.netform.state.StateFormatException;
import io.netform.state.encryption.Encryption;
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
    /** How the state is stored; null when the encryption configuration is not valid (already reported). */
    private final SnapshotCodec codec;

    private StateSnapshot(Path path, Ui ui, SnapshotCodec codec) {
        this.path = path;
        this.ui = ui;
        this.codec = codec;
    }

    /**
     * The state of {@code netform}'s working directory: {@code stateFlag} if given, else the workspace's,
     * stored as the configuration's encryption says.
     */
    static StateSnapshot of(NetformCommand netform, Path stateFlag, Ui ui) {
        Encryption encryption = netform.encryption(ui);
        return new StateSnapshot(
                locate(netform, stateFlag), ui, encryption == null ? null : new SnapshotCodec(encryption.state()));
    }

    /**
     * The state file of {@code netform}'s working directory: {@code stateFlag} if given, else the
     * current workspace's (for default, the local backend's {@code path} or terraform.tfstate).
     */
    static Path locate(NetformCommand netform, Path stateFlag) {
        if (stateFlag != null) {
            return netform.workingDir().resolve(stateFlag);
        }
        Workspaces workspaces = Workspaces.of(netform);
        return workspaces.statePath(workspaces.current());
    }

    Path path() {
        return path;
    }

    /** Whether a state file exists. */
    boolean exists() {
        return Files.isRegularFile(path);
    }

    /** The state file's v4 JSON, decrypted when it is stored encrypted; null after printing an error. */
    byte[] json() {
        byte[] bytes = bytes();
        if (bytes == null) {
            return null;
        }
        try {
            return codec.clear(bytes, path.toString());
        } catch (StateFormatException e) {
            error("Failed to load state", e.getMessage());
            return null;
        }
    }

    private byte[] bytes() {
        if (codec == null) {
            return null;
        }
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
            return codec.decode(bytes, path.toString());
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
