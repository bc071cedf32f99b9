package io.netform.cli;

import io.netform.hcl.Diagnostic;
import io.netform.state.LocalStateFile;
import io.netform.state.LockInfo;
import io.netform.state.SnapshotCodec;
import io.netform.state.State;
import io.netform.state.StateLock;
import io.netform.state.StateLockedException;
import io.netform.state.encryption.Encryption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A state file held for a direct edit: locked (unless -lock=false), read with any interrupted
 * apply's journal replayed, and written back with a copy of what it was kept first.
 */
final class StateEditSession implements AutoCloseable {

    private final Ui ui;
    private final StateEditFlags flags;
    private final SnapshotCodec codec;
    private final LocalStateFile file;
    private StateLock lock;
    private State state;

    private StateEditSession(Ui ui, StateEditFlags flags, Path path, SnapshotCodec codec) {
        this.ui = ui;
        this.flags = flags;
        this.codec = codec;
        this.file = new LocalStateFile(path, codec);
    }

    /**
     * Locks and reads the state of {@code netform}'s directory; null after printing why it could not,
     * which includes there being no state file when {@code mustExist}.
     */
    static StateEditSession open(NetformCommand netform, StateEditFlags flags, String operation, boolean mustExist) {
        Ui ui = flags.noColor ? netform.ui().withoutColor() : netform.ui();
        Encryption encryption = netform.encryption(ui);
        if (encryption == null) {
            return null;
        }
        StateEditSession session = new StateEditSession(
                ui, flags, StateSnapshot.locate(netform, flags.state), new SnapshotCodec(encryption.state()));
        try {
            if (flags.lock) {
                session.lock = StateLock.acquire(
                        session.file.path(),
                        LockInfo.forOperation(
                                operation,
                                BuildInfo.version(),
                                session.file.path().toString()),
                        flags.lockTimeout());
            }
            session.state = session.file.read(BuildInfo.version());
            if (!mustExist || session.exists()) {
                return session;
            }
            session.error("No state file was found!", StateShowCommand.NO_STATE_DETAIL);
        } catch (StateLockedException e) {
            ui.err().println("\n" + ui.red(ui.bold("Error: ")) + e.getMessage());
        } catch (RuntimeException e) {
            session.error("Failed to load state", e.getMessage());
        }
        session.close();
        return null;
    }

    Ui ui() {
        return ui;
    }

    /** Whether a state file exists. */
    boolean exists() {
        return Files.isRegularFile(file.path());
    }

    /** How the state is stored (encrypted or not). */
    SnapshotCodec codec() {
        return codec;
    }

    /** The state as read. */
    State state() {
        return state;
    }

    /** Keeps a copy of the state as read, then writes {@code next}; false after printing why it could not. */
    boolean write(State next) {
        Path backup = flags.backup != null
                ? flags.backup
                : file.path()
                        .resolveSibling(
                                file.path().getFileName() + "." + Instant.now().getEpochSecond() + ".backup");
        try {
            if (exists()) {
                Files.write(backup, codec.encode(state));
            }
            state = file.write(next);
            return true;
        } catch (IOException | RuntimeException e) {
            error(
                    "Failed to write state",
                    "Could not write " + file.path() + " (or its backup " + backup + "): " + e.getMessage());
            return false;
        }
    }

    /** Prints an error diagnostic without a source location. */
    void error(String summary, String detail) {
        new DiagnosticPrinter(ui, Map.of()).print(List.of(Diagnostic.error(summary, detail, null)));
    }

    /** Prints a warning diagnostic without a source location. */
    void warning(String summary, String detail) {
        new DiagnosticPrinter(ui, Map.of()).print(List.of(Diagnostic.warning(summary, detail, null)));
    }

    @Override
    public void close() {
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }
}
