package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two root modules through the CLI: a platform stack publishes its outputs, and a cluster stack reads
 * them with the built-in provider's {@code terraform_remote_state} and feeds them into the testing
 * provider's objects.
 */
class RemoteStateIT {

    @TempDir
    Path dir;

    @Test
    void aClusterStackBuildsOnThePlatformStacksOutputs() throws Exception {
        Workspace platform = Workspace.inProcess(Files.createDirectories(dir.resolve("platform")))
                .config("""
                        resource "testing_object" "tier0" {
                          name = "tier0"
                        }
                        resource "terraform_data" "ip_blocks" {
                          input = ["10.16.0.0/12", "10.32.0.0/12"]
                        }
                        output "tier0_id" {
                          value = testing_object.tier0.id
                        }
                        output "ip_blocks" {
                          value = terraform_data.ip_blocks.output
                        }
                        output "edge_cluster" {
                          value = "edge-1"
                        }
                        """);
        var init = platform.ok("init", "-no-color");
        assertThat(init.out()).contains("- terraform.io/builtin/terraform is built in to Netform");
        assertThat(Files.readString(platform.dir.resolve(".netform.lock.hcl")))
                .contains("netform/testing")
                .doesNotContain("builtin");
        platform.ok("apply", "-auto-approve", "-no-color");
        String tier0 = platform.id("tier0");

        Workspace cluster = Workspace.inProcess(Files.createDirectories(dir.resolve("cluster")))
                .config("""
                        data "terraform_remote_state" "platform" {
                          backend = "local"
                          config = {
                            path = "../platform/terraform.tfstate"
                          }
                        }
                        locals {
                          platform = data.terraform_remote_state.platform.outputs
                        }
                        resource "testing_object" "tier1" {
                          name  = "cluster-a-t1"
                          value = local.platform.tier0_id
                          tags  = { edge_cluster = local.platform.edge_cluster }
                        }
                        resource "testing_object" "pod_block" {
                          name  = "cluster-a-pods"
                          value = cidrsubnet(local.platform.ip_blocks[0], 12, 1)
                        }
                        """);
        cluster.ok("init", "-no-color");
        var plan = cluster.ok("plan", "-no-color");
        assertThat(plan.out())
                .contains("+ value      = \"" + tier0 + "\"")
                .contains("+ \"edge_cluster\" = \"edge-1\"")
                .contains("Plan: 2 to add, 0 to change, 0 to destroy.");
        cluster.ok("apply", "-auto-approve", "-no-color");

        JsonNode objects = cluster.cloud();
        assertThat(objects.path(cluster.id("cluster-a-t1")).path("value").asText())
                .isEqualTo(tier0);
        assertThat(objects.path(cluster.id("cluster-a-t1"))
                        .path("tags")
                        .path("edge_cluster")
                        .asText())
                .isEqualTo("edge-1");
        assertThat(objects.path(cluster.id("cluster-a-pods")).path("value").asText())
                .isEqualTo("10.16.1.0/24");
        var providers = cluster.ok("providers");
        assertThat(providers.out())
                .contains("provider[registry.terraform.io/netform/testing]")
                .contains("provider[terraform.io/builtin/terraform]");
        assertThat(cluster.run("plan", "-detailed-exitcode").exitCode()).isZero();
    }
}
