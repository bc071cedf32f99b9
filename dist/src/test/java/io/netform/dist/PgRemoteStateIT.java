package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two root modules sharing a real PostgreSQL, the CLI in-process: a platform stack keeps its state in the
 * pg backend, and a cluster stack reads its outputs with {@code terraform_remote_state} and
 * {@code backend = "pg"}.
 */
class PgRemoteStateIT extends PgDatabaseFixture {

    /** The platform stack in the pg backend's schema {@code platform}: workspaces default and prod applied. */
    private Workspace applyThePlatform() throws Exception {
        Workspace platform = Workspace.inProcess(Files.createDirectories(dir.resolve("platform")))
                .config("""
                        terraform {
                          backend "pg" {
                            schema_name = "platform"
                          }
                        }
                        resource "testing_object" "tier0" {
                          name = "tier0-${terraform.workspace}"
                        }
                        output "tier0_id" {
                          value = testing_object.tier0.id
                        }
                        output "edge_cluster" {
                          value = "edge-${terraform.workspace}"
                        }
                        output "ip_blocks" {
                          value = ["10.16.0.0/12", "10.32.0.0/12"]
                        }
                        """);
        platform.ok("init", "-no-color", "-backend-config=conn_str=" + connStr);
        platform.ok("apply", "-auto-approve", "-no-color");
        platform.ok("workspace", "new", "prod");
        platform.ok("apply", "-auto-approve", "-no-color");
        return platform;
    }

    @Test
    void aClusterStackReadsThePlatformStacksOutputsFromPostgresWithoutLockingOrWritingThem() throws Exception {
        Workspace platform = applyThePlatform();
        String prodTier0 = platform.id("tier0-prod");
        Map<String, String> rowsBefore = rows();
        assertThat(rowsBefore).containsOnlyKeys("default", "prod");

        // The cluster stack keeps its own state locally; PG_CONN_STR gives the connection for the
        // second data source, as it does for the pg backend.
        Workspace cluster = Workspace.inProcess(
                        Files.createDirectories(dir.resolve("cluster")), Map.of("PG_CONN_STR", connStr))
                .config("""
                        data "terraform_remote_state" "prod" {
                          backend   = "pg"
                          workspace = "prod"
                          config = {
                            conn_str    = "%s"
                            schema_name = "platform"
                          }
                        }
                        data "terraform_remote_state" "default" {
                          backend = "pg"
                          config = {
                            schema_name = "platform"
                          }
                        }
                        resource "testing_object" "tier1" {
                          name  = "cluster-a-t1"
                          value = data.terraform_remote_state.prod.outputs.tier0_id
                          tags  = {
                            edge_cluster = data.terraform_remote_state.prod.outputs.edge_cluster
                            lab_edge     = data.terraform_remote_state.default.outputs.edge_cluster
                          }
                        }
                        resource "testing_object" "pod_block" {
                          name  = "cluster-a-pods"
                          value = cidrsubnet(data.terraform_remote_state.prod.outputs.ip_blocks[0], 12, 1)
                        }
                        """.formatted(connStr));
        cluster.ok("init", "-no-color");

        // While the platform's prod workspace is locked (an apply running there), the cluster still reads it.
        try (Connection holder = server.connect(database);
                Statement s = holder.createStatement()) {
            s.execute("SELECT pg_advisory_lock(id) FROM platform.states WHERE name = 'prod'");
            var plan = cluster.ok("plan", "-no-color");
            assertThat(plan.out())
                    .contains("+ value      = \"" + prodTier0 + "\"")
                    .contains("+ \"edge_cluster\" = \"edge-prod\"")
                    .contains("+ \"lab_edge\"     = \"edge-default\"")
                    .contains("Plan: 2 to add, 0 to change, 0 to destroy.");
        }
        cluster.ok("apply", "-auto-approve", "-no-color");

        JsonNode objects = cluster.cloud();
        JsonNode tier1 = objects.path(cluster.id("cluster-a-t1"));
        assertThat(tier1.path("value").asText()).isEqualTo(prodTier0);
        assertThat(tier1.path("tags").path("edge_cluster").asText()).isEqualTo("edge-prod");
        assertThat(tier1.path("tags").path("lab_edge").asText()).isEqualTo("edge-default");
        assertThat(objects.path(cluster.id("cluster-a-pods")).path("value").asText())
                .isEqualTo("10.16.1.0/24");
        assertThat(Files.exists(cluster.dir.resolve("terraform.tfstate"))).isTrue();
        assertThat(rows()).as("the platform's rows, as they were").isEqualTo(rowsBefore);
        assertThat(cluster.run("plan", "-detailed-exitcode", "-no-color").exitCode())
                .isZero();
    }

    @Test
    void aSettingThePgBackendDoesNotHaveAndAMissingWorkspaceAreErrorsAtTheirArguments() throws Exception {
        applyThePlatform();
        Workspace cluster = Workspace.inProcess(Files.createDirectories(dir.resolve("cluster")));
        cluster.config("""
                data "terraform_remote_state" "platform" {
                  backend = "pg"
                  config = {
                    conn_str = "%s"
                    path     = "terraform.tfstate"
                  }
                }
                """.formatted(connStr));
        cluster.ok("init", "-no-color");
        var unsupported = cluster.run("plan", "-no-color");
        assertThat(unsupported.exitCode()).isEqualTo(1);
        assertThat(unsupported.err())
                .contains("Invalid backend configuration")
                .contains("The given configuration is not valid for backend \"pg\": unsupported attribute \"path\".")
                .contains("main.tf:");

        cluster.config("""
                data "terraform_remote_state" "platform" {
                  backend   = "pg"
                  workspace = "staging"
                  config = {
                    conn_str    = "%s"
                    schema_name = "platform"
                  }
                }
                """.formatted(connStr));
        var missing = cluster.run("plan", "-no-color");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err())
                .contains("Unable to find remote state")
                .contains("No stored state was found for the given workspace in the given backend.");
        assertThat(rows()).as("reading creates no row").containsOnlyKeys("default", "prod");
    }

    /** The platform's states: workspace name to the row's data, as stored. */
    private Map<String, String> rows() throws Exception {
        Map<String, String> rows = new LinkedHashMap<>();
        try (Connection c = server.connect(database);
                PreparedStatement s = c.prepareStatement("SELECT name, data FROM platform.states ORDER BY name");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.put(r.getString(1), r.getString(2));
            }
        }
        return rows;
    }
}
