package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core loop through the CLI run in-process with the testing provider over in-process gRPC; drift and
 * an error through the real program and plugin, for the exit codes 2 and 1 as a pipeline gets them and
 * the error's text where a stack trace would show.
 */
class LifecycleIT {

    @TempDir
    Path dir;

    @Test
    void createUpdateReplaceDeleteAndDestroy() throws Exception {
        Workspace w = Workspace.inProcess(dir).config("""
                variable "names" {
                  default = ["a", "b", "c"]
                }
                resource "testing_object" "parent" {
                  name = "parent"
                }
                resource "testing_object" "child" {
                  for_each = toset(var.names)
                  name     = "child-${each.key}"
                  value    = testing_object.parent.id
                  secret   = "s3cr3t-${each.key}"
                }
                output "parent_id" {
                  value = testing_object.parent.id
                }
                """);
        assertThat(w.ok("init").out()).contains("Netform has been successfully initialized!");
        var applied = w.ok("apply", "-auto-approve", "-no-color");
        assertThat(applied.out())
                .contains("Plan: 4 to add, 0 to change, 0 to destroy.")
                .contains("testing_object.parent: Creation complete")
                .contains("Apply complete! Resources: 4 added, 0 changed, 0 destroyed.")
                .contains("parent_id = \"");
        assertThat(applied.out() + applied.err()).doesNotContain("s3cr3t");
        assertThat(w.names()).containsExactly("child-a", "child-b", "child-c", "parent");
        String parentId =
                w.state().path("outputs").path("parent_id").path("value").asText();
        w.cloud().forEach(o -> {
            if (o.path("name").asText().startsWith("child")) {
                assertThat(o.path("value").asText()).isEqualTo(parentId);
            }
        });
        // the parent was created before its children: they could not have its id otherwise, and created_at agrees
        Instant parentCreated =
                Instant.parse(w.cloud().path(parentId).path("created_at").asText());
        w.cloud()
                .forEach(o ->
                        assertThat(Instant.parse(o.path("created_at").asText())).isAfterOrEqualTo(parentCreated));
        assertThat(Files.exists(dir.resolve("terraform.tfstate.journal"))).isFalse();

        assertThat(w.run("plan", "-detailed-exitcode", "-no-color").exitCode()).isZero();

        Files.writeString(dir.resolve("terraform.tfvars"), "names = [\"a\", \"b\"]\n");
        var shrink = w.run("plan", "-detailed-exitcode", "-no-color", "-out=tfplan");
        assertThat(shrink.exitCode()).isEqualTo(2);
        assertThat(shrink.out())
                .contains("# testing_object.child[\"c\"] will be destroyed")
                .contains("Plan: 0 to add, 0 to change, 1 to destroy.");
        JsonNode shrinkJson = PlanJsonContract.show(w, "tfplan");
        assertThat(shrinkJson.path("resource_changes"))
                .extracting(rc -> rc.path("change").path("actions").get(0).asText())
                .containsExactly("no-op", "no-op", "delete", "no-op");
        assertThat(shrinkJson
                        .path("resource_changes")
                        .get(2)
                        .path("change")
                        .path("before_sensitive")
                        .path("secret")
                        .asBoolean())
                .isTrue();
        w.ok("apply", "-no-color", "tfplan");
        assertThat(w.names()).containsExactly("child-a", "child-b", "parent");

        // timestamp() is known only when applying, as in Terraform: the plan shows it as known after apply
        String renamed = Files.readString(dir.resolve("main.tf"))
                .replace("name = \"parent\"", "name  = \"parent-2\"\n  value = timestamp()");
        Files.writeString(dir.resolve("main.tf"), renamed);
        Instant beforeApply = Instant.now();
        var replace = w.ok("apply", "-auto-approve", "-no-color");
        assertThat(replace.out())
                .contains("# testing_object.parent must be replaced")
                .contains("# forces replacement")
                .containsPattern("\\+ value += \\(known after apply\\)")
                .contains("Apply complete! Resources: 1 added, 2 changed, 1 destroyed.");
        assertThat(w.names()).containsExactly("child-a", "child-b", "parent-2");
        w.cloud().forEach(o -> {
            if (o.path("name").asText().equals("parent-2")) {
                assertThat(Instant.parse(o.path("value").asText()))
                        .isAfterOrEqualTo(beforeApply.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            }
        });

        var destroyed = w.ok("destroy", "-auto-approve", "-no-color");
        assertThat(destroyed.out()).contains("Destroy complete! Resources: 3 destroyed.");
        assertThat(w.names()).isEmpty();
        assertThat(w.state().path("resources")).isEmpty();
    }

    @Test
    void changesMadeOutsideNetformShowInThePlanAndApplyRepairsThem() throws Exception {
        Workspace w = new Workspace(dir).config("""
                resource "testing_object" "a" {
                  name  = "a"
                  value = "wanted"
                }
                resource "testing_object" "b" {
                  name = "b"
                }
                """);
        w.ok("init");
        w.ok("apply", "-auto-approve");
        String aId = w.id("a");
        w.cloudStore().put(aId, ((ObjectNode) w.cloud().path(aId)).put("value", "tampered"));
        String bId = w.state()
                .path("resources")
                .get(1)
                .path("instances")
                .get(0)
                .path("attributes")
                .path("id")
                .asText();
        w.cloudStore().remove(bId);

        var plan = w.run("plan", "-no-color", "-detailed-exitcode", "-out=tfplan");
        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.out())
                .contains("Objects have changed outside of Netform")
                .contains("# testing_object.a will be updated in-place")
                .contains("\"tampered\" -> \"wanted\"")
                .contains("# testing_object.b will be created");
        JsonNode drift = PlanJsonContract.show(w, "tfplan").path("resource_drift");
        assertThat(drift)
                .extracting(rc ->
                        rc.path("address").asText() + " " + rc.path("change").path("actions"))
                .containsExactly("testing_object.a [\"update\"]", "testing_object.b [\"delete\"]");
        w.ok("apply", "tfplan");
        assertThat(w.names()).containsExactly("a", "b");
        assertThat(w.run("plan", "-detailed-exitcode").exitCode()).isZero();
    }

    @Test
    void errorsNameThePlaceAndNeverShowAStackTrace() throws Exception {
        Workspace w = new Workspace(dir).config("""
                resource "testing_object" "a" {
                  name = var.missing
                }
                """);
        w.ok("init");
        var result = w.run("plan", "-no-color");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .contains("main.tf:8:10: Reference to undeclared input variable")
                .contains("name = var.missing")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }
}
