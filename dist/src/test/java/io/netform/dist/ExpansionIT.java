package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** count, for_each and nested module calls growing and shrinking, through the CLI run in-process. */
class ExpansionIT {

    @TempDir
    Path dir;

    @Test
    void countAndForEachGrowAndShrink() throws Exception {
        Workspace w = Workspace.inProcess(dir).config("""
                variable "n" {
                  type    = number
                  default = 2
                }
                variable "envs" {
                  type    = map(string)
                  default = { dev = "small", prod = "large" }
                }
                resource "testing_object" "counted" {
                  count = var.n
                  name  = "counted-${count.index}"
                }
                resource "testing_object" "each" {
                  for_each = var.envs
                  name     = "each-${each.key}"
                  value    = each.value
                }
                """);
        w.ok("init");
        w.ok("apply", "-auto-approve", "-no-color");
        assertThat(w.names()).containsExactly("counted-0", "counted-1", "each-dev", "each-prod");

        var grow = w.ok(
                "apply",
                "-auto-approve",
                "-no-color",
                "-var",
                "n=4",
                "-var",
                "envs={dev = \"small\", prod = \"huge\", test = \"tiny\"}");
        assertThat(grow.out())
                .contains("# testing_object.counted[2] will be created")
                .contains("# testing_object.counted[3] will be created")
                .contains("# testing_object.each[\"test\"] will be created")
                .contains("# testing_object.each[\"prod\"] will be updated in-place")
                .contains("Apply complete! Resources: 3 added, 1 changed, 0 destroyed.");
        assertThat(w.names())
                .containsExactly(
                        "counted-0", "counted-1", "counted-2", "counted-3", "each-dev", "each-prod", "each-test");

        var shrink = w.ok(
                "apply",
                "-auto-approve",
                "-no-color",
                "-var",
                "n=1",
                "-var",
                "envs={prod = \"huge\", test = \"tiny\"}");
        assertThat(shrink.out())
                .contains("# testing_object.counted[1] will be destroyed")
                .contains("(because index [1] is out of range for count)")
                .contains("# testing_object.each[\"dev\"] will be destroyed")
                .contains("(because key [\"dev\"] is not in for_each map)")
                .contains("Apply complete! Resources: 0 added, 0 changed, 4 destroyed.");
        assertThat(w.names()).containsExactly("counted-0", "each-prod", "each-test");
        assertThat(w.run("plan", "-detailed-exitcode", "-var", "n=1", "-var", "envs={prod = \"huge\", test = \"tiny\"}")
                        .exitCode())
                .isZero();
    }

    @Test
    void modulesNestedTwoDeepExpandAndPassOutputsUp() throws Exception {
        Files.createDirectories(dir.resolve("modules/env"));
        Files.createDirectories(dir.resolve("modules/net"));
        Files.writeString(dir.resolve("modules/env/main.tf"), """
                terraform {
                  required_providers {
                    testing = { source = "netform/testing" }
                  }
                }
                variable "env" {}
                variable "segments" {}
                module "net" {
                  source  = "../net"
                  count   = var.segments
                  name    = "${var.env}-seg-${count.index}"
                  router  = testing_object.router.id
                }
                resource "testing_object" "router" {
                  name = "${var.env}-router"
                }
                output "segment_ids" {
                  value = module.net[*].id
                }
                """);
        Files.writeString(dir.resolve("modules/net/main.tf"), """
                terraform {
                  required_providers {
                    testing = { source = "netform/testing" }
                  }
                }
                variable "name" {}
                variable "router" {}
                resource "testing_object" "segment" {
                  name  = var.name
                  value = var.router
                }
                output "id" {
                  value = testing_object.segment.id
                }
                """);
        Workspace w = Workspace.inProcess(dir).config("""
                variable "envs" {
                  type    = map(number)
                  default = { dev = 1, prod = 2 }
                }
                module "env" {
                  source   = "./modules/env"
                  for_each = var.envs
                  env      = each.key
                  segments = each.value
                }
                output "segments" {
                  value = { for k, m in module.env : k => length(m.segment_ids) }
                }
                output "first_prod_segment" {
                  value = module.env["prod"].segment_ids[0]
                }
                """);
        w.ok("init");
        var applied = w.ok("apply", "-auto-approve", "-no-color");
        assertThat(applied.out())
                .contains("# module.env[\"prod\"].module.net[1].testing_object.segment will be created")
                .contains("Apply complete! Resources: 5 added, 0 changed, 0 destroyed.");
        assertThat(w.names()).containsExactly("dev-router", "dev-seg-0", "prod-router", "prod-seg-0", "prod-seg-1");
        var cloud = w.cloud();
        String prodRouter = w.id("prod-router");
        assertThat(cloud.path(w.id("prod-seg-1")).path("value").asText()).isEqualTo(prodRouter);
        var outputs = w.state().path("outputs");
        assertThat(outputs.path("segments").path("value").path("prod").asInt()).isEqualTo(2);
        assertThat(outputs.path("first_prod_segment").path("value").asText()).isEqualTo(w.id("prod-seg-0"));

        var planned = w.ok("plan", "-no-color", "-var", "envs={prod = 1, test = 1}", "-out=tfplan");
        assertThat(planned.out())
                .contains("# module.env[\"prod\"].module.net[1].testing_object.segment will be destroyed")
                .contains("# module.env[\"dev\"].testing_object.router will be destroyed");
        JsonNode plan = PlanJsonContract.show(w, "tfplan");
        assertThat(plan.path("resource_changes"))
                .filteredOn(rc -> rc.has("action_reason"))
                .extracting(rc -> rc.path("address").asText() + " "
                        + rc.path("action_reason").asText())
                .containsExactlyInAnyOrder(
                        "module.env[\"dev\"].module.net[0].testing_object.segment delete_because_no_module",
                        "module.env[\"dev\"].testing_object.router delete_because_no_module",
                        "module.env[\"prod\"].module.net[1].testing_object.segment delete_because_no_module");
        var changed = w.ok("apply", "-no-color", "tfplan");
        assertThat(changed.out()).contains("Apply complete! Resources: 2 added, 0 changed, 3 destroyed.");
        assertThat(w.names()).containsExactly("prod-router", "prod-seg-0", "test-router", "test-seg-0");
        assertThat(w.state()
                        .path("outputs")
                        .path("segments")
                        .path("value")
                        .path("test")
                        .asInt())
                .isEqualTo(1);
        assertThat(w.run("plan", "-detailed-exitcode", "-var", "envs={prod = 1, test = 1}")
                        .exitCode())
                .isZero();
    }
}
