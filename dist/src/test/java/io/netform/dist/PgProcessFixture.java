package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the pg backend's process tests share: their database's journal table watched, a configuration of the testing provider, and the real program applying it.
 */
abstract class PgProcessFixture extends PgDatabaseFixture {

    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void watchJournal() throws Exception {
        server.watchJournal(database);
    }

    Workspace configure(int count, int latencyMs) throws Exception {
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

    /** The real program applying in {@code dir}, started and left running, its output going to {@code log}. */
    Process startApply(Workspace w, Path log, String... flags) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                NetformProcess.home().resolve("bin/netform").toString(), "apply", "-auto-approve", "-no-color"));
        command.addAll(List.of(flags));
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(log.toFile())
                .redirectErrorStream(true);
        pb.environment().put("NETFORM_TESTING_STORE", w.store.toString());
        return pb.start();
    }

    JsonNode stateRow() throws Exception {
        try (Connection c = server.connect(database);
                PreparedStatement s =
                        c.prepareStatement("SELECT data FROM terraform_remote_state.states WHERE name = 'default'");
                ResultSet r = s.executeQuery()) {
            assertThat(r.next()).isTrue();
            return JSON.readTree(r.getString(1));
        }
    }

    static int instances(JsonNode state) {
        int n = 0;
        for (JsonNode r : state.path("resources")) {
            n += r.path("instances").size();
        }
        return n;
    }
}
