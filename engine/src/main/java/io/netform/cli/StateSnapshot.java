package io.netform.cli;

import io.netform.core.LocalStateBackend;
import io.netform.core.StateBackend;
import io.netform.hcl.Diagnostic;
import io.netform.state.SnapshotCodec;
import io.netform.state.State;
import io.netform.state.StateFormatException;
import io.netform.state.encryption.Encryption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last state snapshot written, read for a command that only looks at state (output, show,
 * state list/show/pull). It takes no lock and does not replay a journal: replaying writes the state,
 * which a reader must never do while an apply may be running. The snapshot is read as the
 * configuration's encryption says, whatever the backend.
 */
final class StateSnapshot {

    private final String where;
    private final Optional<byte[]> stored;
    private final String failure;
    private final Ui ui;
    /** How the state is stored; null when the encryption configuration is not valid (already reported). */
    private final SnapshotCodec codec;

    private StateSnapshot(String where, Optional<byte[]> stored, String failure, Ui ui, SnapshotCodec codec) {
        this.where = where;
        this.stored = stored;
        this.failure = failure;
        this.ui = ui;
        this.codec = codec;
    }

    /**
     * The state of {@code netform}'s working directory: the file {@code stateFlag} if given, else the
     * workspace's, stored as the configuration's encryption says.
     */
    static StateSnapshot of(NetformCommand netform, Path stateFlag, Ui ui) {
        SnapshotCodec codec = codec(netform, ui);
        if (codec == null) {
            return new StateSnapshot(String.valueOf(stateFlag), Optional.empty(), null, ui, null);
        }
        return read(Workspaces.backend(netform, stateFlag, codec), ui);
    }

    /**
     * The state in the file {@code path}, whatever the working directory's backend, stored as the
     * configuration's encryption says.
     */
    static StateSnapshot ofFile(NetformCommand netform, Path path, Ui ui) {
        Path file = netform.workingDir().resolve(path);
        SnapshotCodec codec = codec(netform, ui);
        if (codec == null) {
            return new StateSnapshot(file.toString(), Optional.empty(), null, ui, null);
        }
        return read(new LocalStateBackend(file, Workspaces.DEFAULT, codec), ui);
    }

    /** A state held in memory ({@code netform test}'s), named {@code where} in messages. */
    static StateSnapshot inMemory(String where, io.netform.state.State state, Ui ui) {
        return new StateSnapshot(where, Optional.of(SnapshotCodec.PLAIN.encode(state)), null, ui, SnapshotCodec.PLAIN);
    }

    private static SnapshotCodec codec(NetformCommand netform, Ui ui) {
        Encryption encryption = netform.encryption(ui);
        return encryption == null ? null : new SnapshotCodec(encryption.state());
    }

    private static StateSnapshot read(StateBackend opened, Ui ui) {
        try (StateBackend backend = opened) {
            try {
                return new StateSnapshot(backend.describe(), backend.stored(), null, ui, backend.codec());
            } catch (RuntimeException e) {
                return new StateSnapshot(backend.describe(), Optional.empty(), e.getMessage(), ui, backend.codec());
            }
        }
    }

    /** Where the state is: a file's path, or the pg backend's workspace. */
    String describe() {
        return where;
    }

    /**
     * Whether there is a state snapshot, or one that could not be read (or whose encryption configuration
     * is not valid), which {@link #read} and {@link #json} report.
     */
    boolean exists() {
        return codec == null || failure != null || stored.isPresent();
    }

    /** The state's bytes as stored (encrypted, when it is); null after printing an error. */
    private byte[] bytes() {
        if (codec == null) {
            return null;
        }
        if (failure != null) {
            error("Failed to load state", failure);
            return null;
        }
        return stored.orElse(null);
    }

    /** The state's v4 JSON, decrypted when it is stored encrypted; null when there is none or after printing an error. */
    byte[] json() {
        byte[] bytes = bytes();
        if (bytes == null) {
            return null;
        }
        try {
            return codec.clear(bytes, where);
        } catch (StateFormatException e) {
            error("Failed to load state", e.getMessage());
            return null;
        }
    }

    /** The state, empty when there is none; null after printing an error. */
    State read() {
        if (codec == null) {
            return null;
        }
        if (failure == null && stored.isEmpty()) {
            return State.empty(BuildInfo.version());
        }
        byte[] bytes = bytes();
        if (bytes == null) {
            return null;
        }
        try {
            return codec.decode(bytes, where);
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
