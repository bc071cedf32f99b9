package io.netform.core;

import io.netform.state.Journal;
import io.netform.state.SnapshotCodec;
import io.netform.state.State;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the state of one workspace lives: read (recovering what an interrupted apply journaled), locked,
 * journaled while an apply runs, and written as snapshots. {@link LocalStateBackend} keeps it in a file,
 * {@code io.netform.state.pg.PgStateBackend} in PostgreSQL; {@link StateBackends} opens either.
 */
public interface StateBackend extends AutoCloseable {

    /** The workspace the state belongs to, as {@code terraform.workspace} gives it. */
    String workspace();

    /**
     * Holds the state lock for {@code operation} (Terraform's name, e.g. {@code OperationTypeApply}),
     * retrying for up to {@code timeout}.
     *
     * @throws io.netform.state.StateLockedException when another command holds it
     */
    Lock lock(String operation, String version, Duration timeout);

    /**
     * {@link #lock}, calling {@code waiting} once if taking the lock takes longer than 0.4 s (another command
     * holds it and {@code timeout} lets this one wait), where Terraform says it is waiting.
     */
    default Lock lock(String operation, String version, Duration timeout, Runnable waiting) {
        return SlowStep.run(SlowStep.THRESHOLD, waiting, () -> lock(operation, version, timeout));
    }

    /** Reads the state (empty when there is none), replaying a journal an interrupted apply left. */
    Read read(String version);

    /**
     * The last snapshot written, as stored ({@link #codec}'s form: Terraform's JSON, or encrypted), without
     * taking the lock or replaying a journal, so that a reader never writes; empty when the workspace has no
     * state yet.
     */
    Optional<byte[]> stored();

    /**
     * How this state is stored: every snapshot and journal entry goes through it, so encryption applies
     * to every backend alike.
     */
    SnapshotCodec codec();

    /**
     * {@link #stored} decoded (decrypted as {@link #codec} says).
     *
     * @throws io.netform.state.StateFormatException when it cannot be decrypted as configured, or is not a state
     */
    default Optional<State> snapshot() {
        return stored().map(bytes -> codec().decode(bytes, describe()));
    }

    /** Where the state is, for messages: a file's path, or the pg backend's table and workspace. */
    String describe();

    /** Starts the journal an apply appends each completed operation to, over {@code base}. */
    Journal startJournal(State base);

    /** Writes {@code state} as the new snapshot; returns it as stored (its serial one up if it changed). */
    State write(State state);

    /**
     * Removes the journal once its changes are in a snapshot.
     *
     * @throws java.io.UncheckedIOException when it cannot be removed
     */
    void clearJournal();

    /**
     * Releases the lock {@code id} names, which a killed or stuck command holds, as {@code force-unlock} does.
     *
     * @throws IllegalStateException when there is no such lock, or it cannot be released
     */
    void forceUnlock(String id);

    /** Lets go of what reading and locking opened (a database connection); a held lock goes with it. */
    @Override
    default void close() {}

    /** A held state lock. */
    interface Lock extends AutoCloseable {
        @Override
        void close();

        /** {@link #close}, calling {@code waiting} once if releasing takes longer than 0.4 s, as Terraform says so. */
        default void release(Runnable waiting) {
            SlowStep.run(SlowStep.THRESHOLD, waiting, () -> {
                close();
                return null;
            });
        }
    }

    /** The state read, and the name of the journal it recovered changes from, if any. */
    record Read(State state, Optional<String> recoveredFrom) {}
}
