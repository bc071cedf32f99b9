package io.netform.state;

/**
 * Where a running apply records each completed operation, durably, so that the next command can
 * recover the operations of an apply that was killed: {@link StateJournal} in a file beside local
 * state, the pg backend's journal table in PostgreSQL.
 */
public interface Journal extends AutoCloseable {

    /** Records one change; once this returns it survives the process being killed. */
    void append(StateChange change);

    /** Returns once every change appended before the call survives a crash of the machine. */
    void sync();

    /** Makes every appended change durable and lets go of the journal's resources. */
    @Override
    void close();
}
