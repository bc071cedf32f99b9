package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pg backend where the process boundary is the point: two real CLI processes applying one workspace
 * at once (a third command, run in this JVM, refused the lock meanwhile), and kill -9 of the one holding the lock.
 */
class PgProcessIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    PostgresServer server;
    String connStr;
    String database;

    @BeforeEach
    void database() throws Exception {
        server = PostgresServer.shared();
        PostgresServer.Database db = server.newDatabase();
        connStr = db.connStr();
        database = db.name();
        server.watchJournal(database);
    }

    private Workspace configure(int count, int latencyMs) throws Exception {
        Workspace w = Workspace.inProcess(dir).config("""
                terraform {
                  backend "pg" {}
                }
                provider "testing" {
                  latency_ms = %d
                }
                resource "testing_object" "many" {
                  count = %d
                  name  = "obj-${count.index}"
                }
                """.formatted(latencyMs, count));
        w.ok("init", "-backend-config=conn_str=" + connStr);
        return w;
    }

    /** The real program applying in {@code dir}, started and left running. */
    private Process startApply(Workspace w, String... flags) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                NetformProcess.home().resolve("bin/netform").toString(), "apply", "-auto-approve", "-no-color"));
        command.addAll(List.of(flags));
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("NETFORM_TESTING_STORE", w.store.toString());
        return pb.start();
    }

    @Test
    void twoCommandsApplyingOneWorkspaceAtOnceTakeTurnsAndTheStateStaysWhole() throws Exception {
        Workspace w = configure(30, 150);
        // One operation at a time, so that the first apply holds the lock long enough for the second to meet it.
        Process first = startApply(w, "-parallelism=1");
        server.awaitJournalRows(database, 5, Duration.ofMinutes(2), first::isAlive);
        assertThat(first.isAlive()).as("the first apply was still running").isTrue();

        // Started at once, so that its JVMs start while the first apply still has most of its work to do.
        // Without refresh: what it must see is the first apply's state, not the 30 objects read again.
        Process waiting = startApply(w, "-lock-timeout=5m", "-refresh=false");

        // A third command, run in this JVM (its own PostgreSQL session, as any client's), meets the lock at once,
        // while the first process has 25 operations of 150 ms left.
        var refused = w.run("apply", "-auto-approve", "-no-color", "-lock-timeout=0s");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err())
                .contains("Error acquiring the state lock")
                .contains("is locked by another session")
                .contains("Application: netform")
                .contains("Client:      127.0.0.1:");

        assertThat(first.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(waiting.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(first.exitValue()).isZero();
        assertThat(waiting.exitValue())
                .as("the second apply waited for the lock, then had nothing to do")
                .isZero();

        List<String> names = w.names();
        assertThat(names).hasSize(30);
        assertThat(new HashSet<>(names)).hasSize(30);
        assertThat(instances(stateRow())).isEqualTo(30);
        assertThat(w.ok("plan", "-detailed-exitcode", "-no-color").out()).contains("No changes.");
    }

    @Test
    void killingTheLockHolderFreesTheLockAndTheNextApplyReplaysItsJournal() throws Exception {
        Workspace w = configure(200, 20);
        // A saved plan applied one operation at a time, so that it is still far from done when the test, which may
        // be scheduled late on a loaded machine, kills it: in parallel its last 160 operations took a third of a
        // second.
        w.ok("plan", "-out=tfplan", "-no-color");
        Process apply = startApply(w, "-parallelism=1", "tfplan");
        server.awaitJournalRows(database, 40, Duration.ofMinutes(2), apply::isAlive);
        assertThat(apply.isAlive())
                .as("the apply was still running when killed")
                .isTrue();
        apply.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        apply.destroyForcibly();
        assertThat(apply.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int created = w.names().size();
        assertThat(created).isBetween(1, 199);

        // No force-unlock: the lock went with the killed session.
        var resumed = w.ok("apply", "-auto-approve", "-no-color", "-lock-timeout=10s");
        assertThat(resumed.err())
                .contains("Recovered the changes of an interrupted apply from the journal table "
                        + "terraform_remote_state.netform_journal");
        List<String> names = w.names();
        assertThat(names).hasSize(200);
        assertThat(new HashSet<>(names)).hasSize(200);
        assertThat(instances(stateRow())).isEqualTo(200);
        assertThat(w.ok("plan", "-detailed-exitcode", "-no-color").out()).contains("No changes.");
        try (Connection c = server.connect(database);
                PreparedStatement s =
                        c.prepareStatement("SELECT count(*) FROM terraform_remote_state.netform_journal");
                ResultSet r = s.executeQuery()) {
            r.next();
            assertThat(r.getInt(1))
                    .as("the journal is cleared with the snapshot")
                    .isZero();
        }
    }

    private JsonNode stateRow() throws Exception {
        try (Connection c = server.connect(database);
                PreparedStatement s =
                        c.prepareStatement("SELECT data FROM terraform_remote_state.states WHERE name = 'default'");
                ResultSet r = s.executeQuery()) {
            assertThat(r.next()).isTrue();
            return JSON.readTree(r.getString(1));
        }
    }

    private static int instances(JsonNode state) {
        int n = 0;
        for (JsonNode r : state.path("resources")) {
            n += r.path("instances").size();
        }
        return n;
    }
}
