package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pg backend against a real PostgreSQL, with the CLI running in-process. */
class PgBackendIT extends PgDatabaseFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Workspace pgWorkspace(String resources) throws Exception {
        return Workspace.inProcess(dir).config("""
                terraform {
                  backend "pg" {}
                }
                """ + resources);
    }

    @Test
    void keepsEachWorkspaceInARowOfTerraformsTableAndNeverPrintsTheConnectionSecret() throws Exception {
        Workspace w = pgWorkspace("""
                resource "testing_object" "a" {
                  name = "a-${terraform.workspace}"
                }
                """);
        String withPassword = connStr.replace("postgres@", "postgres:hunter2@");
        var init = w.ok("init", "-no-color", "-backend-config=conn_str=" + withPassword);
        assertThat(init.out()).contains("Successfully configured the backend \"pg\"");
        assertThat(init.out() + init.err()).doesNotContain("hunter2");
        JsonNode record =
                JSON.readTree(dir.resolve(".netform/terraform.tfstate").toFile());
        assertThat(record.path("version").asInt()).isEqualTo(3);
        assertThat(record.path("backend").path("type").asText()).isEqualTo("pg");
        assertThat(record.path("backend").path("config").path("conn_str").asText())
                .isEqualTo(withPassword);
        assertThat(record.path("backend").path("hash").isNumber()).isTrue();

        var applied = w.ok("apply", "-auto-approve", "-no-color");
        assertThat(applied.out() + applied.err()).doesNotContain("hunter2");
        w.ok("workspace", "new", "staging");
        w.ok("apply", "-auto-approve", "-no-color");
        assertThat(w.names()).containsExactly("a-default", "a-staging");
        assertThat(w.ok("workspace", "list").out()).contains("  default").contains("* staging");
        assertThat(Files.exists(dir.resolve("terraform.tfstate"))).isFalse();

        Map<String, JsonNode> rows = rows();
        assertThat(rows).containsOnlyKeys("default", "staging");
        assertThat(rows.get("staging")
                        .path("resources")
                        .get(0)
                        .path("instances")
                        .get(0)
                        .path("attributes")
                        .path("name")
                        .asText())
                .isEqualTo("a-staging");
        assertThat(w.ok("state", "list").out()).contains("testing_object.a");
        assertThat(w.ok("state", "pull").out()).contains("a-staging");

        w.ok("workspace", "select", "default");
        w.ok("workspace", "delete", "-force", "staging");
        assertThat(rows()).containsOnlyKeys("default");
    }

    @Test
    void readsAndWritesADatabaseInTerraformsLayout() throws Exception {
        String lineage = "0b6b2e8e-6ad2-4f4e-9c2a-5a1d3c2e1f00";
        try (Connection c = server.connect(database);
                Statement s = c.createStatement()) {
            // What Terraform's pg backend creates, and a state it wrote.
            s.execute("CREATE SCHEMA terraform_remote_state");
            s.execute("CREATE SEQUENCE public.global_states_id_seq AS bigint");
            s.execute("CREATE TABLE terraform_remote_state.states (id bigint NOT NULL DEFAULT"
                    + " nextval('public.global_states_id_seq') PRIMARY KEY, name text UNIQUE, data text)");
            s.execute("CREATE UNIQUE INDEX states_by_name ON terraform_remote_state.states (name)");
            s.execute("INSERT INTO terraform_remote_state.states (name, data) VALUES ('default', '{\"version\": 4,"
                    + " \"terraform_version\": \"1.9.8\", \"serial\": 7, \"lineage\": \"" + lineage + "\","
                    + " \"outputs\": {\"tier0\": {\"value\": \"/infra/tier-0s/t0\", \"type\": \"string\"}},"
                    + " \"resources\": [], \"check_results\": null}')");
        }
        Workspace w = pgWorkspace("""
                resource "testing_object" "a" {
                  name = "a"
                }
                output "tier0" {
                  value = "/infra/tier-0s/t0"
                }
                """);
        w.ok("init", "-backend-config=conn_str=" + connStr);
        assertThat(w.ok("output", "-raw", "tier0").out()).isEqualTo("/infra/tier-0s/t0");
        w.ok("apply", "-auto-approve");

        JsonNode written = rows().get("default");
        assertThat(written.path("version").asInt()).isEqualTo(4);
        assertThat(written.path("lineage").asText()).isEqualTo(lineage);
        assertThat(written.path("serial").asLong()).isEqualTo(8);
        assertThat(written.path("resources").get(0).path("type").asText()).isEqualTo("testing_object");
        try (Connection c = server.connect(database);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT id, name FROM terraform_remote_state.states")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getLong(1))
                    .as("the row Terraform created, updated in place")
                    .isEqualTo(1);
            assertThat(r.next()).isFalse();
        }
    }

    @Test
    void migratesTwoWorkspacesFromLocalToPgAndBack() throws Exception {
        Workspace w = Workspace.inProcess(dir).config("""
                resource "testing_object" "a" {
                  name = "a-${terraform.workspace}"
                }
                """);
        w.ok("init");
        w.ok("apply", "-auto-approve");
        w.ok("workspace", "new", "staging");
        w.ok("apply", "-auto-approve");
        String local = Files.readString(dir.resolve("main.tf"));

        Files.writeString(dir.resolve("main.tf"), local.replace("terraform {", "terraform {\n  backend \"pg\" {}"));
        assertThat(w.run("plan", "-no-color").err())
                .contains("Backend initialization required, please run \"netform init\"")
                .contains("Initial configuration of the requested backend \"pg\"");
        var asked = w.runWithInput("yes\n", "init", "-no-color", "-backend-config=conn_str=" + connStr);
        assertThat(asked.exitCode()).as(asked.err()).isZero();
        assertThat(asked.out()).contains("Do you want to migrate all workspaces to \"pg\"?");
        assertThat(rows()).containsOnlyKeys("default", "staging");
        assertThat(w.ok("plan", "-detailed-exitcode", "-no-color").out()).contains("No changes.");

        Files.writeString(dir.resolve("main.tf"), local);
        Files.delete(dir.resolve("terraform.tfstate"));
        Files.delete(dir.resolve("terraform.tfstate.d/staging/terraform.tfstate"));
        assertThat(w.run("plan", "-no-color").err()).contains("Unsetting the previously set backend \"pg\"");
        w.ok("init", "-migrate-state", "-force-copy");
        assertThat(w.state()
                        .path("resources")
                        .get(0)
                        .path("instances")
                        .get(0)
                        .path("attributes")
                        .path("name")
                        .asText())
                .isEqualTo("a-default");
        assertThat(Files.readString(dir.resolve("terraform.tfstate.d/staging/terraform.tfstate")))
                .contains("a-staging");
        assertThat(w.ok("plan", "-detailed-exitcode", "-no-color").out()).contains("No changes.");
        w.ok("workspace", "select", "default");
        assertThat(w.ok("plan", "-detailed-exitcode", "-no-color").out()).contains("No changes.");
        assertThat(w.names()).containsExactly("a-default", "a-staging");
    }

    @Test
    void aLockedWorkspaceNamesTheHoldingSessionAndForceUnlockEndsIt() throws Exception {
        Workspace w = pgWorkspace("""
                resource "testing_object" "a" {
                  name = "a"
                }
                """);
        w.ok("init", "-backend-config=conn_str=" + connStr);
        w.ok("apply", "-auto-approve");
        try (Connection holder = server.connect(database)) {
            int pid;
            try (Statement s = holder.createStatement()) {
                s.execute("SET application_name = 'someone-else'");
                try (ResultSet r = s.executeQuery("SELECT pg_backend_pid(), pg_advisory_lock(id) FROM"
                        + " terraform_remote_state.states WHERE name = 'default'")) {
                    r.next();
                    pid = r.getInt(1);
                }
            }
            var refused = w.run("apply", "-auto-approve", "-no-color");
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err())
                    .contains("Error acquiring the state lock")
                    .contains("Workspace is already locked: default")
                    .contains("locked by another session")
                    .contains("ID:          " + pid)
                    .contains("someone-else")
                    .contains("127.0.0.1:");

            var unlocked = w.ok("force-unlock", "-force", Integer.toString(pid));
            assertThat(unlocked.out()).contains("successfully unlocked");
            assertThat(holder.isValid(5)).as("the holding session was ended").isFalse();
        }
        w.ok("apply", "-auto-approve", "-no-color");
    }

    @Test
    void aLostConnectionStopsTheApplyKeepsWhatCompletedAndARetryConverges() throws Exception {
        Workspace w = pgWorkspace("""
                provider "testing" {
                  latency_ms = 20
                }
                resource "testing_object" "first" {
                  count = 40
                  name  = "first-${count.index}"
                }
                resource "testing_object" "second" {
                  count = 40
                  name  = "second-${count.index}"
                  value = testing_object.first[count.index].id
                }
                """);
        w.ok("init", "-backend-config=conn_str=" + connStr);
        server.watchJournal(database);
        var killer = new Thread(() -> {
            try {
                server.awaitJournalRows(database, 10, Duration.ofMinutes(1), () -> true);
                try (Connection c = server.connect(database);
                        Statement s = c.createStatement()) {
                    s.execute(
                            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'netform'"
                                    + " AND datname = current_database()");
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // A saved plan applied one operation at a time, so that the apply is still far from done when the killer,
        // which may be scheduled late on a loaded machine, ends its sessions: in parallel its last 70 operations
        // took a fifth of a second.
        w.ok("plan", "-out=tfplan", "-no-color");
        killer.start();
        var lost = w.run("apply", "-auto-approve", "-no-color", "-parallelism=1", "tfplan");
        killer.join();
        assertThat(lost.exitCode()).isEqualTo(1);
        assertThat(lost.err()).contains("Lost the connection to PostgreSQL").contains("starts no new operations");
        List<String> created = w.names();
        assertThat(created.size()).isBetween(1, 79);
        assertThat(new HashSet<>(created)).hasSize(created.size());

        w.ok("apply", "-auto-approve", "-no-color");
        List<String> names = w.names();
        assertThat(names).hasSize(80);
        assertThat(new HashSet<>(names)).hasSize(80);
        assertThat(w.ok("plan", "-detailed-exitcode", "-no-color").out()).contains("No changes.");
        assertThat(instances(rows().get("default"))).isEqualTo(80);
    }

    @Test
    void withEncryptionTheRowAndEveryJournalRowAreEncryptedAndAWrongKeyLeavesThemUntouched() throws Exception {
        String passphrase = "correct-horse-battery-staple";
        Map<String, String> wrongKey = Map.of("TF_VAR_passphrase", "another-long-passphrase-42");
        Workspace w = Workspace.inProcess(dir, Map.of("TF_VAR_passphrase", passphrase));
        String encryption = """
                variable "passphrase" {
                  type      = string
                  sensitive = true
                }
                terraform {
                  backend "pg" {}
                  encryption {
                    key_provider "pbkdf2" "main" {
                      passphrase = var.passphrase
                      iterations = 200000
                    }
                    method "aes_gcm" "main" {
                      keys = key_provider.pbkdf2.main
                    }
                    state {
                      method = method.aes_gcm.main
                    }
                  }
                }
                """;
        w.config(encryption + objects(2));
        // Each journal row as it was committed, and the state row as it was when the journal started.
        server.watchJournal(database);
        try (Connection c = server.connect(database);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE public.journal_seen (name text, seq bigint, line text, state text)");
            s.execute("CREATE FUNCTION public.keep_journal() RETURNS trigger AS $$ BEGIN INSERT INTO"
                    + " public.journal_seen VALUES (NEW.name, NEW.seq, NEW.line, (SELECT data FROM"
                    + " terraform_remote_state.states WHERE name = NEW.name)); RETURN NEW; END $$ LANGUAGE plpgsql");
            s.execute("CREATE TRIGGER keep_journal AFTER INSERT ON terraform_remote_state.netform_journal"
                    + " FOR EACH ROW EXECUTE FUNCTION public.keep_journal()");
        }
        w.ok("init", "-backend-config=conn_str=" + connStr);
        w.ok("apply", "-auto-approve", "-no-color");

        String stored = data("default");
        assertThat(stored)
                .contains("\"encrypted_data\"", "\"encryption_version\":\"v0\"", "\"key_provider.pbkdf2.main\"")
                .doesNotContain("secret-object");
        assertThat(w.ok("state", "list").out()).contains("testing_object.a[0]", "testing_object.a[1]");
        assertThat(w.ok("state", "pull").out()).contains("\"version\": 4", "secret-object-1");

        try (Connection c = server.connect(database);
                Statement s = c.createStatement()) {
            s.execute("DELETE FROM public.journal_seen");
        }
        w.config(encryption + objects(5));
        w.ok("apply", "-auto-approve", "-no-color");
        List<String> lines = journalSeen();
        assertThat(lines).as("the header and the objects created").hasSizeGreaterThan(3);
        assertThat(lines)
                .allSatisfy(line -> assertThat(line)
                        .contains("\"encrypted_data\"", "\"encryption_version\":\"v0\"")
                        .doesNotContain("secret-object"));

        // As a kill -9 before the final snapshot leaves it: the state row the journal continues, and its rows.
        try (Connection c = server.connect(database);
                Statement s = c.createStatement()) {
            s.execute("UPDATE terraform_remote_state.states SET data = (SELECT state FROM public.journal_seen"
                    + " WHERE seq = 0) WHERE name = 'default'");
            s.execute("DROP TRIGGER keep_journal ON terraform_remote_state.netform_journal");
            s.execute("INSERT INTO terraform_remote_state.netform_journal (name, seq, line) SELECT name, seq, line"
                    + " FROM public.journal_seen");
        }
        String leftover = data("default");
        assertThat(leftover).isEqualTo(stored);

        var wrong = w.runWith(wrongKey, "apply", "-auto-approve", "-no-color");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("decryption of the state failed", "passphrase is wrong");
        assertThat(data("default")).as("the row, byte for byte").isEqualTo(leftover);
        assertThat(journalRows())
                .as("the journal rows a wrong key cannot replay stay")
                .isEqualTo(lines.size());
        var pull = w.runWith(wrongKey, "state", "pull");
        assertThat(pull.exitCode()).isEqualTo(1);
        assertThat(pull.out()).isEmpty();

        assertThat(w.ok("plan", "-detailed-exitcode", "-no-color").out()).contains("No changes.");
        assertThat(journalRows()).as("replayed into the snapshot").isZero();
        assertThat(w.names())
                .containsExactly(
                        "secret-object-0", "secret-object-1", "secret-object-2", "secret-object-3", "secret-object-4");
        assertThat(data("default")).contains("\"encrypted_data\"").doesNotContain("secret-object");
        assertThat(w.ok("state", "pull").out()).contains("secret-object-4");
    }

    private static String objects(int count) {
        return """
                resource "testing_object" "a" {
                  count = %d
                  name  = "secret-object-${count.index}"
                }
                """.formatted(count);
    }

    /** The {@code data} of workspace {@code name}'s row, as stored. */
    private String data(String name) throws Exception {
        try (Connection c = server.connect(database);
                PreparedStatement s =
                        c.prepareStatement("SELECT data FROM terraform_remote_state.states WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as("a row for " + name).isTrue();
                return r.getString(1);
            }
        }
    }

    /** The journal lines the keep_journal trigger saw, in order. */
    private List<String> journalSeen() throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection c = server.connect(database);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT line FROM public.journal_seen ORDER BY seq")) {
            while (r.next()) {
                lines.add(r.getString(1));
            }
        }
        return lines;
    }

    private long journalRows() throws Exception {
        try (Connection c = server.connect(database);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM terraform_remote_state.netform_journal")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static int instances(JsonNode state) {
        int n = 0;
        for (JsonNode r : state.path("resources")) {
            n += r.path("instances").size();
        }
        return n;
    }

    /** The states table's rows: workspace name to state JSON. */
    private Map<String, JsonNode> rows() throws Exception {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        try (Connection c = server.connect(database);
                PreparedStatement s =
                        c.prepareStatement("SELECT name, data FROM terraform_remote_state.states ORDER BY name");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.put(r.getString(1), JSON.readTree(r.getString(2)));
            }
        }
        return rows;
    }
}
