package io.netform.state.pg;

import io.netform.state.Journal;
import io.netform.state.SnapshotCodec;
import io.netform.state.StateChange;
import io.netform.state.StateJournal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * An apply's journal in the pg backend's journal table, over the session that holds the lock: one row
 * per operation, committed before {@link #append} returns, so a killed client loses nothing it created.
 * Group commit: while one thread's transaction is in flight the others queue their rows, and the
 * next transaction takes them all, so parallel operations share commits rather than waiting in line.
 * Once the session is lost nothing more can be recorded, and every later append says so. Each row's
 * line is stored in the {@link SnapshotCodec}'s form ({@link SnapshotCodec#encodeEntry}), encrypted when
 * the state is.
 */
final class PgJournal implements Journal {

    private final Connection connection;
    private final String insert;
    private final String where;
    private final String workspace;
    private final SnapshotCodec codec;
    private final Object queue = new Object();
    private final List<String> pending = new ArrayList<>();
    private long appended;
    private long nextSeq = 1;
    private long committed;
    private SQLException lost;

    private PgJournal(Connection connection, PgBackend backend, String workspace, SnapshotCodec codec) {
        this.connection = connection;
        this.insert = "INSERT INTO " + backend.table(PgBackend.JOURNAL_TABLE) + " (name, seq, line) VALUES (?, ?, ?)";
        this.where = backend.journalName();
        this.workspace = workspace;
        this.codec = codec;
    }

    /**
     * A journal for {@code workspace} whose first row is {@code header} (in clear), replacing any earlier
     * rows; its rows are stored in {@code codec}'s form.
     */
    static PgJournal start(
            Connection connection, PgBackend backend, String workspace, SnapshotCodec codec, String header)
            throws SQLException {
        PgJournal journal = new PgJournal(connection, backend, workspace, codec);
        connection.setAutoCommit(false);
        try {
            try (PreparedStatement s = connection.prepareStatement(
                    "DELETE FROM " + backend.table(PgBackend.JOURNAL_TABLE) + " WHERE name = ?")) {
                s.setString(1, workspace);
                s.executeUpdate();
            }
            journal.insert(List.of(journal.stored(header)), 0);
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
        return journal;
    }

    @Override
    public void append(StateChange change) {
        String line = stored(StateJournal.line(change));
        long mine;
        synchronized (queue) {
            pending.add(line);
            mine = ++appended;
        }
        commitThrough(mine);
    }

    /** Commits every queued row up to the {@code mine}-th, unless a transaction already did. */
    private synchronized void commitThrough(long mine) {
        if (committed >= mine) {
            return;
        }
        if (lost != null) {
            throw lost(lost);
        }
        List<String> batch;
        long upTo;
        long first;
        synchronized (queue) {
            batch = new ArrayList<>(pending);
            pending.clear();
            upTo = appended;
            first = nextSeq;
            nextSeq += batch.size();
        }
        try {
            connection.setAutoCommit(false);
            insert(batch, first);
            connection.commit();
            connection.setAutoCommit(true);
            committed = upTo;
        } catch (SQLException e) {
            lost = e;
            throw lost(e);
        }
    }

    /** A journal line as its row stores it. */
    private String stored(String line) {
        return new String(codec.encodeEntry(line.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    private void insert(List<String> lines, long first) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(insert)) {
            long seq = first;
            for (String line : lines) {
                s.setString(1, workspace);
                s.setLong(2, seq++);
                s.setString(3, line);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private IllegalStateException lost(SQLException e) {
        return new IllegalStateException(
                "Lost the connection to PostgreSQL while recording an operation in the "
                        + "journal table " + where + ": " + e.getMessage()
                        + "\nThe operations completed before are in the "
                        + "journal, and the next command that takes the lock replays them; Netform starts no new operations.",
                e);
    }

    @Override
    public void sync() {
        // Every append committed its row before returning.
    }

    @Override
    public void close() {
        // The session belongs to the state's backend, which closes it with the lock.
    }
}
