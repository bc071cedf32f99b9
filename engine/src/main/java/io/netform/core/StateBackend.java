package io.netform.core;

import io.netform.state.State;
import io.netform.state.StateJournal;
import java.time.Duration;
import java.util.Optional;

/**
 * Where an operation's state lives: read (recovering what an interrupted apply journaled), locked,
 * journaled while an apply runs, and written as snapshots. {@link LocalStateBackend} keeps it in a file.
 */
public interface StateBackend {

    /** The workspace the state belongs to, as {@code terraform.workspace} gives it. */
    String workspace();

    /**
     * Holds the state lock for {@code operation} (Terraform's name, e.g. {@code OperationTypeApply}),
     * retrying for up to {@code timeout}.
     *
     * @throws io.netform.state.StateLockedException when another command holds it
     */
    Lock lock(String operation, String version, Duration timeout);

    /** Reads the state (empty when there is none), replaying a journal an interrupted apply left. */
    Read read(String version);

    /** Starts the journal an apply appends each completed operation to, over {@code base}. */
    StateJournal startJournal(State base);

    /** Writes {@code state} as the new snapshot; returns it as stored (its serial one up if it changed). */
    State write(State state);

    /**
     * Removes the journal once its changes are in a snapshot.
     *
     * @throws java.io.UncheckedIOException when it cannot be removed
     */
    void clearJournal();

    /** A held state lock. */
    interface Lock extends AutoCloseable {
        @Override
        void close();
    }

    /** The state read, and the name of the journal it recovered changes from, if any. */
    record Read(State state, Optional<String> recoveredFrom) {}
}
