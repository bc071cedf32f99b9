package io.netform.cli;

import io.netform.core.Session;
import io.netform.state.SnapshotCodec;
import io.netform.value.Value;
import java.time.Instant;
import java.util.Map;

/**
 * A command's session with the engine, the view it reports through (chosen once from -json) and its
 * Ctrl-C handler, closed together: providers stopped, the lock released, then the JVM let go.
 */
final class CommandSession implements AutoCloseable {

    private final NetformCommand netform;
    private final OperationFlags flags;
    private final OperationView view;
    private final InterruptHandler interrupt;
    private final Session session;

    CommandSession(NetformCommand netform, OperationFlags flags) {
        this.netform = netform;
        this.flags = flags;
        this.view = OperationView.of(netform, flags);
        this.interrupt = new InterruptHandler(view.ui());
        this.session = netform.engine()
                .session(flags.request(netform.workingDir(), netform.env()), view, interrupt.cancellation());
    }

    OperationView view() {
        return view;
    }

    Session session() {
        return session;
    }

    /** Loads the configuration and reads the state for {@code operation}; false after the view showed why not. */
    boolean start(String operation) {
        return load() && lockAndRead(operation);
    }

    /** Loads the configuration and its variables for a new plan; false after the view showed why not. */
    boolean load() {
        return !view.diagnostics(session.load());
    }

    /** Loads the configuration with a saved plan's variables and time; false after the view showed why not. */
    boolean load(Map<String, Value> savedVariables, Instant planTimestamp) {
        return !view.diagnostics(session.load(savedVariables, planTimestamp));
    }

    /** Locks and reads the state of the current workspace (or -state); false after the view showed why not. */
    boolean lockAndRead(String operation) {
        io.netform.core.StateBackend backend;
        try {
            backend = Workspaces.backend(
                    netform,
                    session.root(),
                    session.sources(),
                    flags.state,
                    new SnapshotCodec(session.encryption().state()));
        } catch (BackendUnavailable e) {
            view.diagnostics(io.netform.core.Result.failed(e.diagnostics(), e.sources()));
            return false;
        }
        return !view.diagnostics(session.lockAndRead(operation, backend));
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            interrupt.close();
        }
    }
}
