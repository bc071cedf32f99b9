package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code state push}, {@code refresh}, {@code graph} (also of a saved plan) and {@code providers} through the
 * CLI run in-process.
 */
class StateToolsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Workspace w;

    @BeforeEach
    void apply() throws Exception {
        w = Workspace.inProcess(dir).config("""
                resource "testing_object" "base" {
                  name  = "base"
                  value = "v1"
                }
                resource "testing_object" "app" {
                  name  = "app"
                  value = testing_object.base.id
                }
                module "net" {
                  source = "./net"
                  base   = testing_object.base.id
                }
                output "base_value" {
                  value = testing_object.base.value
                }
                """);
        Files.createDirectory(dir.resolve("net"));
        Files.writeString(dir.resolve("net/main.tf"), """
                terraform {
                  required_providers {
                    testing = { source = "netform/testing", version = ">= 0.1" }
                  }
                }
                variable "base" {}
                resource "testing_object" "seg" {
                  name  = "seg"
                  value = var.base
                }
                """);
        w.ok("init");
        w.ok("apply", "-auto-approve");
    }

    @Test
    void pushReplacesTheStateButRefusesAnotherLineageOrAnOlderSerialUnlessForced() throws Exception {
        String pulled = w.ok("state", "pull").out();
        Path saved = dir.resolve("saved.tfstate");
        Files.writeString(saved, pulled);
        w.ok("state", "rm", "testing_object.app");
        long serial = w.state().path("serial").asLong();

        var older = w.run("state", "push", "-no-color", "saved.tfstate");
        assertThat(older.exitCode()).isEqualTo(1);
        assertThat(older.err())
                .contains(
                        "cannot import state with serial " + (serial - 1) + " over newer state with serial " + serial);

        ObjectNode other = (ObjectNode) JSON.readTree(pulled);
        other.put("lineage", "00000000-0000-0000-0000-000000000000").put("serial", serial + 5);
        Files.writeString(dir.resolve("other.tfstate"), other.toString());
        var unrelated = w.run("state", "push", "-no-color", "other.tfstate");
        assertThat(unrelated.exitCode()).isEqualTo(1);
        assertThat(unrelated.err())
                .contains("cannot import state with lineage "
                        + "\"00000000-0000-0000-0000-000000000000\" over unrelated state with lineage");
        assertThat(w.ok("state", "list").out()).doesNotContain("testing_object.app");

        w.ok("state", "push", "-force", "saved.tfstate");
        assertThat(w.ok("state", "list").out()).contains("testing_object.app");
        assertThat(w.state().path("serial").asLong()).isGreaterThan(serial);
        assertThat(w.run("plan", "-detailed-exitcode").exitCode()).isEqualTo(0);
    }

    @Test
    void refreshRecordsChangesMadeOutsideAndTheOutputsWithoutChangingAnything() throws Exception {
        w.cloudStore().put(w.id("base"), ((ObjectNode) w.cloud().path(w.id("base"))).put("value", "edited"));
        w.cloudStore().remove(w.id("app"));

        var refreshed = w.ok("refresh", "-no-color");
        assertThat(refreshed.out())
                .contains("testing_object.base: changed outside Netform")
                .contains("testing_object.app: the remote object no longer exists")
                .contains("base_value = \"edited\"");
        assertThat(w.ok("state", "list").out()).doesNotContain("testing_object.app");
        assertThat(w.state().path("outputs").path("base_value").path("value").asText())
                .isEqualTo("edited");
        assertThat(w.cloud().path(w.id("base")).path("value").asText()).isEqualTo("edited");
        assertThat(w.names()).containsExactly("base", "seg");
    }

    @Test
    void graphDrawsResourcesModulesAndProvidersInDot() throws Exception {
        String dot = w.ok("graph").out();
        assertThat(dot)
                .startsWith("digraph {")
                .contains("\"testing_object.app\" -> \"testing_object.base\"")
                .contains("\"module.net.testing_object.seg\" -> \"testing_object.base\"")
                .contains("subgraph \"cluster_module.net\" {")
                .contains("\"module.net.testing_object.seg\" [label = \"testing_object.seg\", shape = \"box\"]")
                .contains("\"testing_object.base\" -> \"provider[\\\"testing\\\"]\"")
                .endsWith("}\n");
        assertThat(w.ok("graph", "-type=plan-destroy").out())
                .contains("\"testing_object.base\" -> \"testing_object.app\"");
        var bad = w.run("graph", "-type=nonsense");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("Invalid graph type");

        String main = Files.readString(dir.resolve("main.tf"));
        Files.writeString(dir.resolve("main.tf"), main.replace("value = \"v1\"", "value = \"v2\""));
        w.ok("plan", "-out=tfplan");
        w.config("resource \"testing_object\" \"other\" {\n  name = \"other\"\n}\n");
        assertThat(w.ok("graph", "-plan=tfplan").out())
                .as("drawn from the configuration saved in the plan")
                .contains("\"testing_object.base\" [label = \"testing_object.base (update)\"")
                .doesNotContain("testing_object.other");
    }

    @Test
    void providersShowsTheTreeOfRequirementsAndWhatStateUses() throws Exception {
        assertThat(w.ok("providers").out()).isEqualTo("""

                Providers required by configuration:
                .
                ├── provider[registry.terraform.io/netform/testing]
                └── module.net
                    └── provider[registry.terraform.io/netform/testing] >= 0.1

                Providers required by state:

                    provider[registry.terraform.io/netform/testing]

                """);
    }
}
