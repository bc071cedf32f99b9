package io.netform.state.pg;

import io.netform.core.StateBackend;
import io.netform.state.Journal;
import io.netform.state.LockInfo;
import io.netform.state.SnapshotCodec;
import io.netform.state.State;
import io.netform.state.StateJournal;
import io.netform.state.StateLockedException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One workspace's state in the pg backend, over one database session: locked as Terraform locks it
 * (session-level advisory locks on the row's id and on -1 while a workspace is created, so a lock never
 * outlives its holder's session), read with a leftover journal replayed, journaled row by row, and
 * written as one snapshot together with clearing the journal, in one transaction. The row's {@code data}
 * and every journal row are stored in the {@link SnapshotCodec}'s form, so they are encrypted when the
 * configuration encrypts state.
 */
final class PgStateBackend implements StateBackend {

    /** Terraform's lock for creating a workspace's row. */
    private static final long CREATION_LOCK = -1;

    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration MAX_RETRY = Duration.ofSeconds(2);

    private final PgBackend backend;
    private final String workspace;
    private final SnapshotCodec codec;
    private Connection connection;
    /** The advisory lock held, or null. */
    private Long locked;

    private State persisted;
    /** Whether the row is stored as {@link #codec} writes now; when not, the next write rewrites it. */
    private boolean current = true;

    PgStateBackend(PgBackend backend, String workspace, SnapshotCodec codec) {
        this.backend = backend;
        this.workspace = workspace;
        this.codec = codec;
    }

    @Override
    public SnapshotCodec codec() {
        return codec;
    }

    @Override
    public String workspace() {
        return workspace;
    }

    @Override
    public String describe() {
        return "workspace \"" + workspace + "\" in " + backend.describe();
    }

    @Override
    public Lock lock(String operation, String version, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Duration wait = FIRST_RETRY;
        try {
            while (true) {
                String refused = tryLock();
                if (refused == null) {
                    return this::unlock;
                }
                Duration left = Duration.between(Instant.now(), deadline);
                if (left.isNegative() || left.isZero()) {
                    throw locked(refused);
                }
                pause(wait.compareTo(left) < 0 ? wait : left);
                wait = wait.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait.multipliedBy(2);
            }
        } catch (SQLException e) {
            throw failure("lock " + describe(), e);
        }
    }

    /** Takes the locks as Terraform's pg backend does; null when held, else why not. */
    private String tryLock() throws SQLException {
        Connection c = connection();
        try (PreparedStatement s = c.prepareStatement("SELECT s.id, pg_try_advisory_lock(s.id), pg_try_advisory_lock("
                + CREATION_LOCK + ") FROM " + backend.table("states") + " s WHERE s.name = ?")) {
            s.setString(1, workspace);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    if (!advisory(c, "pg_try_advisory_lock", CREATION_LOCK)) {
                        return "Already locked for workspace creation: " + workspace;
                    }
                    locked = CREATION_LOCK;
                    return null;
                }
                long id = r.getLong(1);
                boolean row = r.getBoolean(2);
                boolean creation = r.getBoolean(3);
                if (!row) {
                    if (creation) {
                        advisory(c, "pg_advisory_unlock", CREATION_LOCK);
                    }
                    return "Workspace is already locked: " + workspace;
                }
                if (!creation) {
                    advisory(c, "pg_advisory_unlock", id);
                    return "Cannot lock workspace; already locked for workspace creation: " + workspace;
                }
                advisory(c, "pg_advisory_unlock", CREATION_LOCK);
                locked = id;
                return null;
            }
        }
    }

    private static boolean advisory(Connection c, String function, long key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + function + "(?)")) {
            s.setLong(1, key);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    private void unlock() {
        if (locked == null) {
            return;
        }
        long key = locked;
        locked = null;
        try {
            if (connection != null && !connection.isClosed()) {
                advisory(connection, "pg_advisory_unlock", key);
            }
        } catch (SQLException e) {
            // The session is gone, and its advisory locks with it.
        }
    }

    /** The lock error, with what PostgreSQL tells about the session that holds the lock. */
    private StateLockedException locked(String refused) throws SQLException {
        Holder holder = holder();
        LockInfo info = holder == null
                ? null
                : new LockInfo(
                        Long.toString(holder.pid),
                        "",
                        "PostgreSQL session " + holder.pid,
                        holder.user + (holder.client == null ? "" : "@" + holder.client),
                        "",
                        holder.since == null ? Instant.EPOCH : holder.since,
                        describe());
        return new StateLockedException(
                "Error acquiring the state lock\n\n"
                        + refused + ".\n"
                        + "The " + describe() + " is locked by another session (a session-level advisory lock).\n"
                        + (holder == null
                                ? "PostgreSQL did not show which session holds it (pg_locks lists it only while it is "
                                        + "held, pg_stat_activity only to a role allowed to see it).\n"
                                : "Lock Info (from pg_locks and pg_stat_activity):\n" + holder.describe() + "\n")
                        + "\nThe lock lasts as long as the holder's database session: it goes when that command ends, "
                        + "or is killed, or its connection closes. Wait for it, use -lock-timeout to wait for it, or, "
                        + "if the holder is stuck, end its session with: netform force-unlock "
                        + (holder == null ? "PID" : holder.pid),
                info);
    }

    /** The session holding this workspace's lock (or the creation lock), as pg_locks and pg_stat_activity say. */
    private Holder holder() throws SQLException {
        Connection c = connection();
        String sql = "SELECT a.pid, a.usename, host(a.client_addr), a.client_port, a.backend_start, a.state_change,"
                + " a.state, a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 AND a.pid != pg_backend_pid()"
                + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND ((l.classid::bigint << 32) | l.objid::bigint) IN ("
                + " SELECT id FROM " + backend.table("states") + " WHERE name = ? UNION SELECT ?::bigint)"
                + " ORDER BY a.backend_start LIMIT 1";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, workspace);
            s.setLong(2, 0xffffffffffffffffL);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                String address = r.getString(3);
                return new Holder(
                        r.getInt(1),
                        r.getString(2),
                        address == null ? null : address + ":" + r.getInt(4),
                        instant(r, 5),
                        instant(r, 6),
                        r.getString(7),
                        r.getString(8));
            }
        }
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        var t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** A session holding a lock, as pg_stat_activity shows it; fields are null where it hides them. */
    private record Holder(
            int pid, String user, String client, Instant since, Instant stateChange, String state, String application) {
        String describe() {
            return "  ID:          " + pid + " (the holder's server process)\n"
                    + "  Application: " + application + "\n"
                    + "  User:        " + user + "\n"
                    + "  Client:      " + (client == null ? "(local socket, or not visible to this role)" : client)
                    + "\n"
                    + "  Connected:   " + since + "\n"
                    + "  State:       " + state + " since " + stateChange;
        }
    }

    @Override
    public void forceUnlock(String id) {
        int pid;
        try {
            pid = Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("The pg backend's lock ID is the process ID of the session that holds "
                    + "it, as the lock error shows it; \"" + id + "\" is not one.");
        }
        try {
            Holder holder = holder();
            if (holder == null) {
                throw new IllegalStateException(
                        "The " + describe() + " is not locked: its lock went away with the " + "session that held it.");
            }
            if (holder.pid != pid) {
                throw new IllegalStateException("The lock ID \"" + id + "\" does not match the session that holds the "
                        + "lock, " + holder.pid + ".");
            }
            try (PreparedStatement s = connection().prepareStatement("SELECT pg_terminate_backend(?)")) {
                s.setInt(1, pid);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next() || !r.getBoolean(1)) {
                        throw new IllegalStateException("PostgreSQL did not end session " + pid + ".");
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("end the session holding the lock of " + describe(), e);
        }
    }

    @Override
    public Read read(String version) {
        try {
            Connection c = connection();
            Optional<SnapshotCodec.Read> stored = stored(c).map(bytes -> codec.read(bytes, describe()));
            List<String> lines = journal(c);
            State base = stored.map(SnapshotCodec.Read::state)
                    .orElseGet(() -> lines.isEmpty()
                            ? State.empty(version)
                            : new State(
                                    version,
                                    0,
                                    StateJournal.lineageOf(lines.get(0), backend.journalName(), codec),
                                    new TreeMap<>(),
                                    new TreeMap<>()));
            persisted = stored.isPresent() ? base : null;
            current = stored.map(SnapshotCodec.Read::current).orElse(true);
            if (lines.isEmpty()) {
                return new Read(base, Optional.empty());
            }
            State recovered = StateJournal.replay(lines, base, backend.journalName() + " (" + workspace + ")", codec);
            return new Read(write(recovered), Optional.of("the journal table " + backend.journalName()));
        } catch (SQLException e) {
            throw failure("read the state of " + describe(), e);
        }
    }

    @Override
    public Optional<byte[]> stored() {
        try {
            return stored(connection());
        } catch (SQLException e) {
            throw failure("read the state of " + describe(), e);
        }
    }

    private Optional<byte[]> stored(Connection c) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT data FROM " + backend.table("states") + " WHERE name = ?")) {
            s.setString(1, workspace);
            try (ResultSet r = s.executeQuery()) {
                String data = r.next() ? r.getString(1) : null;
                return data == null ? Optional.empty() : Optional.of(data.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private List<String> journal(Connection c) throws SQLException {
        List<String> lines = new ArrayList<>();
        if (!backend.exists(c, PgBackend.JOURNAL_TABLE)) {
            return lines;
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT line FROM " + backend.table(PgBackend.JOURNAL_TABLE) + " WHERE name = ? ORDER BY seq")) {
            s.setString(1, workspace);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    lines.add(r.getString(1));
                }
            }
        }
        return lines;
    }

    @Override
    public Journal startJournal(State base) {
        try {
            Connection c = connection();
            if (!backend.exists(c, PgBackend.JOURNAL_TABLE)) {
                throw new IllegalStateException("The pg backend records an apply's operations in the table "
                        + backend.journalName() + ", which does not exist and which skip_table_creation keeps Netform "
                        + "from creating. Create it with:\n  " + backend.journalDdl());
            }
            return PgJournal.start(c, backend, workspace, codec, StateJournal.header(base));
        } catch (SQLException e) {
            throw failure("start the journal of " + describe(), e);
        }
    }

    @Override
    public State write(State state) {
        boolean same = persisted != null && state.sameContent(persisted);
        if (same && current) {
            return persisted;
        }
        long serial = persisted == null ? state.serial() + 1 : Math.max(state.serial(), persisted.serial()) + 1;
        // Only re-encoded (migrated into or out of encryption, or re-keyed): the same snapshot, the same serial.
        State next = same ? persisted : state.withSerial(serial);
        byte[] data = codec.encode(next);
        try {
            Connection c = usableConnection();
            c.setAutoCommit(false);
            try {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO " + backend.table("states")
                        + " (name, data) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET data = EXCLUDED.data")) {
                    s.setString(1, workspace);
                    s.setString(2, new String(data, StandardCharsets.UTF_8));
                    s.executeUpdate();
                }
                // The snapshot holds every journaled change: the journal goes in the same transaction.
                if (backend.exists(c, PgBackend.JOURNAL_TABLE)) {
                    try (PreparedStatement s = c.prepareStatement(
                            "DELETE FROM " + backend.table(PgBackend.JOURNAL_TABLE) + " WHERE name = ?")) {
                        s.setString(1, workspace);
                        s.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException e) {
                rollback(c);
                throw e;
            } finally {
                if (!c.isClosed()) {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw failure("write the state of " + describe(), e);
        }
        persisted = next;
        current = true;
        return next;
    }

    /**
     * The session, or, when it was lost while holding the lock (an apply that lost its connection), a new
     * one holding the lock again, provided the state is still the one this session read: nobody wrote it
     * in between, so writing over it loses nothing.
     */
    private Connection usableConnection() throws SQLException {
        if (connection != null && connection.isValid(5)) {
            return connection;
        }
        boolean held = locked != null;
        closeQuietly();
        Connection c = connection();
        if (!held) {
            return c;
        }
        String refused = tryLock();
        if (refused != null) {
            throw new IllegalStateException("The connection to PostgreSQL was lost and another session has taken the "
                    + "lock of " + describe() + " since; this command's state was not written.");
        }
        Optional<State> now = stored(c).map(bytes -> codec.decode(bytes, describe()));
        boolean unchanged = persisted == null
                ? now.isEmpty()
                : now.isPresent()
                        && now.get().lineage().equals(persisted.lineage())
                        && now.get().serial() == persisted.serial();
        if (!unchanged) {
            throw new IllegalStateException("The connection to PostgreSQL was lost and the state of " + describe()
                    + " was written by another command since; this command's state was not written.");
        }
        return c;
    }

    @Override
    public void clearJournal() {
        // write() cleared it in the snapshot's transaction.
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = backend.connect();
        }
        return connection;
    }

    @Override
    public void close() {
        unlock();
        closeQuietly();
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // Closing a lost session: nothing is left to release.
            }
            connection = null;
        }
    }

    private static void rollback(Connection c) {
        try {
            if (!c.isClosed()) {
                c.rollback();
            }
        } catch (SQLException e) {
            // The transaction is lost with the session.
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateLockedException("Interrupted while waiting for the state lock", null);
        }
    }

    /** A database error as the message a user sees, without the password. */
    static RuntimeException failure(String doing, SQLException e) {
        String state = e.getSQLState();
        boolean connection = state != null && state.startsWith("08");
        return new IllegalStateException(
                "could not " + doing + ": " + (connection ? "the connection to PostgreSQL failed: " : "")
                        + e.getMessage(),
                e);
    }
}
