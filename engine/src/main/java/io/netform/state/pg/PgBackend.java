package io.netform.state.pg;

import io.netform.core.Backend;
import io.netform.core.StateBackend;
import io.netform.state.SnapshotCodec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Terraform's pg backend: one row per workspace in {@code SCHEMA.states(id, name, data)} (ids from
 * {@code public.global_states_id_seq}, the unique index {@code states_by_name}), so a database
 * Terraform wrote serves Netform and the reverse; Netform adds {@code SCHEMA.netform_journal}, where
 * an apply records each completed operation (Terraform ignores the extra table).
 */
public final class PgBackend implements Backend {

    /** The settings of a {@code backend "pg"} block. */
    public static final Set<String> SETTINGS =
            Set.of("conn_str", "schema_name", "skip_schema_creation", "skip_table_creation", "skip_index_creation");

    /** The journal table's name, in the backend's schema. */
    static final String JOURNAL_TABLE = "netform_journal";

    /** The advisory lock that serialises creating the tables, so two first commands at once don't collide. */
    private static final long SETUP_LOCK = -2;

    private final PgSettings settings;
    private final SnapshotCodec codec;

    private PgBackend(PgSettings settings, SnapshotCodec codec) {
        this.settings = settings;
        this.codec = codec;
    }

    /**
     * The pg backend with {@code config}'s settings and {@code env}'s for what they leave out; nothing
     * is connected until asked. Its rows (states and journal entries) are stored in {@code codec}'s form.
     *
     * @throws IllegalArgumentException for a setting it cannot use
     */
    public static PgBackend open(Map<String, String> config, Map<String, String> env, SnapshotCodec codec) {
        return new PgBackend(PgSettings.of(config, env), codec);
    }

    @Override
    public String type() {
        return "pg";
    }

    @Override
    public List<String> workspaces() {
        List<String> names = new ArrayList<>(List.of(DEFAULT_WORKSPACE));
        try (Connection c = connect();
                PreparedStatement s =
                        c.prepareStatement("SELECT name FROM " + table("states") + " WHERE name != ? ORDER BY name")) {
            s.setString(1, DEFAULT_WORKSPACE);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            return names;
        } catch (SQLException e) {
            throw PgStateBackend.failure("list the workspaces in " + settings.describe(), e);
        }
    }

    @Override
    public StateBackend state(String workspace) {
        return new PgStateBackend(this, workspace, codec);
    }

    @Override
    public void createWorkspace(String name, String version) {
        // As Terraform does: the workspace exists once its row does, written under the creation lock.
        try (StateBackend state = state(name);
                StateBackend.Lock lock = state.lock("OperationTypeInvalid", version, java.time.Duration.ZERO)) {
            var read = state.read(version);
            if (state.stored().isEmpty()) {
                state.write(read.state());
            }
        }
    }

    @Override
    public void deleteWorkspace(String name) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            for (String t : List.of("states", JOURNAL_TABLE)) {
                if (t.equals(JOURNAL_TABLE) && !exists(c, t)) {
                    continue;
                }
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table(t) + " WHERE name = ?")) {
                    s.setString(1, name);
                    s.executeUpdate();
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw PgStateBackend.failure("delete workspace \"" + name + "\" in " + settings.describe(), e);
        }
    }

    /** Where the states are, for messages. */
    String describe() {
        return settings.describe();
    }

    /** {@code SCHEMA.NAME}, quoted. */
    String table(String name) {
        return quote(settings.schema()) + "." + quote(name);
    }

    /** The journal table's name as messages show it. */
    String journalName() {
        return settings.schema() + "." + JOURNAL_TABLE;
    }

    /**
     * A new session, with the schema, the states table and its index created as Terraform's backend
     * creates them (unless skipped), and the journal table beside them.
     */
    Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(settings.url(), settings.properties());
        try {
            prepare(c);
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private void prepare(Connection c) throws SQLException {
        if (settings.skipSchemaCreation() && settings.skipTableCreation() && settings.skipIndexCreation()) {
            return;
        }
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + SETUP_LOCK + ")");
            if (!settings.skipSchemaCreation() && !schemaExists(c)) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + quote(settings.schema()));
            }
            if (!settings.skipTableCreation()) {
                s.execute("CREATE SEQUENCE IF NOT EXISTS public.global_states_id_seq AS bigint");
                s.execute("CREATE TABLE IF NOT EXISTS " + table("states")
                        + " (id bigint NOT NULL DEFAULT nextval('public.global_states_id_seq') PRIMARY KEY,"
                        + " name text UNIQUE, data text)");
                s.execute("CREATE TABLE IF NOT EXISTS " + table(JOURNAL_TABLE) + " (" + JOURNAL_COLUMNS + ")");
            }
            if (!settings.skipIndexCreation()) {
                s.execute("CREATE UNIQUE INDEX IF NOT EXISTS states_by_name ON " + table("states") + " (name)");
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** The journal table's columns: one row per operation, in the order the apply recorded them. */
    static final String JOURNAL_COLUMNS =
            "name text NOT NULL, seq bigint NOT NULL, line text NOT NULL," + " PRIMARY KEY (name, seq)";

    /** The SQL that creates the journal table, for a user whose role may not (skip_table_creation). */
    String journalDdl() {
        return "CREATE TABLE " + table(JOURNAL_TABLE) + " (" + JOURNAL_COLUMNS + ");";
    }

    private boolean schemaExists(Connection c) throws SQLException {
        // Checked first, as Terraform does, so a role without CREATE on the database can use a schema made for it.
        try (PreparedStatement s =
                c.prepareStatement("SELECT count(1) FROM information_schema.schemata WHERE schema_name = ?")) {
            s.setString(1, settings.schema());
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getInt(1) > 0;
            }
        }
    }

    /** Whether table {@code name} exists in the backend's schema. */
    boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, table(name));
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
