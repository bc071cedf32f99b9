package io.netform.cli;

import io.netform.core.LocalStateBackend;
import io.netform.core.StateBackend;
import io.netform.hcl.Diagnostic;
import io.netform.state.SnapshotCodec;
import io.netform.state.State;
import io.netform.state.StateLockedException;
import io.netform.state.encryption.Encryption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A workspace's state held for a direct edit: locked (unless -lock=false), read with any interrupted
 * apply's journal replayed, and written back; a local state file's previous content is kept first.
 */
final class StateEditSession implements AutoCloseable {

    private final Ui ui;
    private final StateEditFlags flags;
    private final StateBackend backend;
    private StateBackend.Lock lock;
    private State state;
    private boolean existed;

    private StateEditSession(Ui ui, StateEditFlags flags, StateBackend backend) {
        this.ui = ui;
        this.flags = flags;
        this.backend = backend;
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
                ui, flags, Workspaces.backend(netform, flags.state, new SnapshotCodec(encryption.state())));
        try {
            if (flags.lock) {
                session.lock = session.backend.lock(
                        operation,
                        BuildInfo.version(),
                        flags.lockTimeout(),
                        () -> ui.out().println(HumanOperationView.LOCK_WAITING));
            }
            session.state = session.backend.read(BuildInfo.version()).state();
            session.existed = session.backend.stored().isPresent();
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

    /** Whether the workspace has state. */
    boolean exists() {
        return existed;
    }

    /** How the state is stored (encrypted or not). */
    SnapshotCodec codec() {
        return backend.codec();
    }

    /** The state as read. */
    State state() {
        return state;
    }

    /**
     * Keeps a copy of a local state file as read (the pg backend keeps no backups, as Terraform's), then
     * writes {@code next}; false after printing why it could not.
     */
    boolean write(State next) {
        Path backup = null;
        try {
            if (backend instanceof LocalStateBackend local && existed) {
                backup = flags.backup != null
                        ? flags.backup
                        : local.path()
                                .resolveSibling(local.path().getFileName() + "."
                                        + Instant.now().getEpochSecond() + ".backup");
                Files.write(backup, backend.codec().encode(state));
            }
            state = backend.write(next);
            existed = true;
            return true;
        } catch (IOException | RuntimeException e) {
            error(
                    "Failed to write state",
                    "Could not write the state of " + backend.describe()
                            + (backup == null ? "" : " (or its backup " + backup + ")") + ": " + e.getMessage());
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
        try {
            if (lock != null) {
                lock.release(() -> ui.out().println(HumanOperationView.UNLOCK_WAITING));
                lock = null;
            }
        } finally {
            backend.close();
        }
    }
}
