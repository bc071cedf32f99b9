package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data sources, lifecycle arguments and sensitive values, through the CLI run in-process. */
class LifecycleRulesIT {

    @TempDir
    Path dir;

    @Test
    void dataSourcesAreReadAtPlanWhenKnownAndAtApplyWhenNot() throws Exception {
        Workspace w = Workspace.inProcess(dir).config("""
                resource "testing_object" "a" {
                  name = "a"
                }
                data "testing_echo" "known" {
                  input = "hello"
                }
                data "testing_echo" "later" {
                  input = testing_object.a.id
                }
                resource "testing_object" "b" {
                  name  = "b-${data.testing_echo.known.output}"
                  value = data.testing_echo.later.output
                }
                output "echoed" {
                  value = data.testing_echo.known.output
                }
                """);
        w.ok("init");
        var plan = w.ok("plan", "-no-color", "-out=tfplan");
        assertThat(plan.out())
                .contains("# data.testing_echo.later will be read during apply")
                .contains("(config refers to values not yet known)")
                .doesNotContain("data.testing_echo.known will be read")
                .contains("+ name       = \"b-hello\"")
                .contains("Plan: 2 to add, 0 to change, 0 to destroy.");
        JsonNode later =
                PlanJsonContract.show(w, "tfplan").path("resource_changes").get(0);
        assertThat(later.path("address").asText()).isEqualTo("data.testing_echo.later");
        assertThat(later.path("change").path("actions").toString()).isEqualTo("[\"read\"]");
        assertThat(later.path("change").path("after_unknown").path("output").asBoolean())
                .isTrue();
        var applied = w.ok("apply", "-no-color", "tfplan");
        assertThat(applied.out())
                .contains("data.testing_echo.later: Reading...")
                .contains("data.testing_echo.later: Read complete")
                .contains("echoed = \"hello\"");
        String aId = w.id("a");
        assertThat(w.cloud().path(w.id("b-hello")).path("value").asText()).isEqualTo(aId);
        var again = w.run("plan", "-detailed-exitcode", "-no-color");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).doesNotContain("will be read during apply");
    }

    @Test
    void createBeforeDestroyCreatesTheNewObjectFirstAndKeepsTheOldWhenTheCreateFails() throws Exception {
        Workspace w = Workspace.inProcess(dir).config("""
                variable "generation" {
                  default = "1"
                }
                variable "fail" {
                  default = false
                }
                resource "testing_object" "x" {
                  name           = "x-${var.generation}"
                  fail_on_create = var.fail
                  lifecycle {
                    create_before_destroy = true
                  }
                }
                """);
        w.ok("init");
        w.ok("apply", "-auto-approve", "-no-color");
        Instant firstCreated =
                Instant.parse(w.cloud().path(w.id("x-1")).path("created_at").asText());

        var replaced = w.ok("apply", "-auto-approve", "-no-color", "-var", "generation=2");
        String out = replaced.out();
        assertThat(out)
                .contains("# testing_object.x must be replaced")
                .contains("Apply complete! Resources: 1 added, 0 changed, 1 destroyed.");
        int created = out.indexOf("testing_object.x: Creation complete");
        int destroying = out.indexOf("Destroying...");
        assertThat(created).as("the new object is created").isNotNegative();
        assertThat(destroying)
                .as("the old object is destroyed after the new one exists")
                .isGreaterThan(created);
        assertThat(w.names()).containsExactly("x-2");
        Instant secondCreated =
                Instant.parse(w.cloud().path(w.id("x-2")).path("created_at").asText());
        assertThat(secondCreated).isAfter(firstCreated);

        var failed = w.run("apply", "-auto-approve", "-no-color", "-var", "generation=3", "-var", "fail=true");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains("was asked to fail");
        assertThat(w.names()).as("the old object survives a failed create").containsExactly("x-2");
        var kept = w.state().path("resources").get(0).path("instances");
        assertThat(kept)
                .as("the old object is current again, not deposed for deletion")
                .hasSize(1);
        assertThat(kept.get(0).has("deposed")).isFalse();
        assertThat(kept.get(0).path("attributes").path("name").asText()).isEqualTo("x-2");

        var finished = w.ok("apply", "-auto-approve", "-no-color", "-var", "generation=3");
        assertThat(finished.out())
                .contains("# testing_object.x must be replaced")
                .doesNotContain("will be destroyed");
        assertThat(w.names()).containsExactly("x-3");
        assertThat(w.state().path("resources").get(0).path("instances")).hasSize(1);
        assertThat(w.run("plan", "-detailed-exitcode", "-var", "generation=3").exitCode())
                .isZero();
    }

    @Test
    void preventDestroyRefusesAPlanThatWouldDestroy() throws Exception {
        Workspace w = Workspace.inProcess(dir).config("""
                variable "name" {
                  default = "kept"
                }
                resource "testing_object" "kept" {
                  name = var.name
                  lifecycle {
                    prevent_destroy = true
                  }
                }
                """);
        w.ok("init");
        w.ok("apply", "-auto-approve", "-no-color");
        var replace = w.run("apply", "-auto-approve", "-no-color", "-var", "name=renamed");
        assertThat(replace.exitCode()).isEqualTo(1);
        assertThat(replace.err())
                .contains("Instance cannot be destroyed")
                .contains("testing_object.kept has lifecycle.prevent_destroy set")
                .contains("main.tf:");
        var destroy = w.run("destroy", "-auto-approve", "-no-color");
        assertThat(destroy.exitCode()).isEqualTo(1);
        assertThat(destroy.err()).contains("Instance cannot be destroyed");
        assertThat(w.names()).containsExactly("kept");
    }

    @Test
    void ignoreChangesLeavesTheListedAttributesAlone() throws Exception {
        Workspace w = Workspace.inProcess(dir).config("""
                variable "value" {
                  default = "first"
                }
                variable "tags" {
                  type    = map(string)
                  default = { team = "net" }
                }
                resource "testing_object" "x" {
                  name  = "x"
                  value = var.value
                  tags  = var.tags
                  lifecycle {
                    ignore_changes = [value]
                  }
                }
                """);
        w.ok("init");
        w.ok("apply", "-auto-approve", "-no-color");
        assertThat(w.run("plan", "-detailed-exitcode", "-var", "value=second").exitCode())
                .isZero();

        var tagged =
                w.ok("apply", "-auto-approve", "-no-color", "-var", "value=second", "-var", "tags={team = \"sec\"}");
        assertThat(tagged.out())
                .contains("# testing_object.x will be updated in-place")
                .contains("\"net\" -> \"sec\"")
                .doesNotContain("\"second\"");
        var stored = w.cloud().path(w.id("x"));
        assertThat(stored.path("value").asText()).isEqualTo("first");
        assertThat(stored.path("tags").path("team").asText()).isEqualTo("sec");
    }

    @Test
    void aReplacementTakesTheConfigurationOfAnIgnoredAttribute() throws Exception {
        // ignore_changes keeps what an update leaves alone; the object a replacement creates is new, so it is
        // planned, and applied, with the configuration, as Terraform does.
        Workspace w = Workspace.inProcess(dir).config("""
                variable "name" {
                  default = "x"
                }
                variable "value" {
                  default = "first"
                }
                resource "testing_object" "x" {
                  name  = var.name
                  value = var.value
                  lifecycle {
                    ignore_changes = [value]
                  }
                }
                """);
        w.ok("init");
        w.ok("apply", "-auto-approve", "-no-color");

        var replaced = w.ok("apply", "-auto-approve", "-no-color", "-var", "name=y", "-var", "value=second");
        assertThat(replaced.out())
                .contains("# testing_object.x must be replaced")
                .contains("\"first\" -> \"second\"");
        assertThat(w.cloud().path(w.id("y")).path("value").asText()).isEqualTo("second");
    }

    @Test
    void sensitiveValuesAreNeverPrinted() throws Exception {
        Workspace w = Workspace.inProcess(dir).config("""
                variable "password" {
                  sensitive = true
                  default   = "hunter2-first"
                }
                resource "testing_object" "x" {
                  name   = "x"
                  secret = "token-${var.password}"
                  value  = var.password
                }
                output "password" {
                  value     = var.password
                  sensitive = true
                }
                """);
        w.ok("init");
        var plan = w.ok("plan", "-no-color");
        var applied = w.ok("apply", "-auto-approve", "-no-color");
        var changed = w.ok("apply", "-auto-approve", "-no-color", "-var", "password=hunter2-second");
        var destroyed = w.ok("destroy", "-auto-approve", "-no-color");
        for (var r : java.util.List.of(plan, applied, changed, destroyed)) {
            assertThat(r.out() + r.err()).doesNotContain("hunter2");
        }
        assertThat(plan.out())
                .contains("+ secret     = (sensitive value)")
                .contains("+ value      = (sensitive value)");
        assertThat(applied.out()).contains("password = <sensitive>");
        assertThat(changed.out())
                .contains("~ value      = (sensitive value)")
                .contains("Apply complete! Resources: 0 added, 1 changed, 0 destroyed.");
    }
}
