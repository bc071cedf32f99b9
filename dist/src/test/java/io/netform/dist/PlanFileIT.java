package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved plans ({@code plan -out}, {@code apply FILE}, {@code show FILE}) through the CLI run in-process. */
class PlanFileIT {

    @TempDir
    Path dir;

    private Workspace workspace() throws Exception {
        Workspace w = Workspace.inProcess(dir).config("""
                variable "names" {
                  default = ["a"]
                }
                variable "password" {
                  default   = "pw-123"
                  sensitive = true
                }
                resource "testing_object" "obj" {
                  for_each = toset(var.names)
                  name     = "obj-${each.key}"
                  secret   = var.password
                }
                output "ids" {
                  value = sort([for o in testing_object.obj : o.id])
                }
                """);
        w.ok("init");
        return w;
    }

    @Test
    void aSavedPlanIsShownAndAppliedWithoutAskingAndWithItsOwnVariables() throws Exception {
        Workspace w = workspace();
        var planned = w.ok("plan", "-out=tfplan", "-no-color");
        assertThat(planned.out())
                .contains("Plan: 1 to add, 0 to change, 0 to destroy.")
                .contains("Saved the plan to: tfplan")
                .contains("netform apply \"tfplan\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("tfplan"))))
                .isEqualTo("rw-------");
        assertThat(w.names()).isEmpty();

        var shown = w.ok("show", "-no-color", "tfplan");
        assertThat(shown.out())
                .contains("# testing_object.obj[\"a\"] will be created")
                .contains("Plan: 1 to add, 0 to change, 0 to destroy.")
                .doesNotContain("pw-123");
        JsonNode json = PlanJsonContract.show(w, "tfplan");
        assertThat(json.path("resource_changes")).hasSize(1);
        assertThat(json.path("resource_changes").get(0).path("address").asText())
                .isEqualTo("testing_object.obj[\"a\"]");
        assertThat(json.path("resource_changes")
                        .get(0)
                        .path("change")
                        .path("actions")
                        .get(0)
                        .asText())
                .isEqualTo("create");
        assertThat(json.path("applyable").asBoolean()).isTrue();

        // Variables changed after the plan do not change what the saved plan does.
        Files.writeString(dir.resolve("terraform.tfvars"), "names = [\"a\", \"b\"]\n");
        var applied = w.ok("apply", "-no-color", "tfplan");
        assertThat(applied.out())
                .doesNotContain("Do you want to perform these actions?")
                .contains("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.")
                .contains("ids = [");
        assertThat(applied.out() + applied.err()).doesNotContain("pw-123");
        assertThat(w.names()).containsExactly("obj-a");

        var again = w.run("apply", "-no-color", "tfplan");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("Error: Saved plan is stale");
        assertThat(w.names()).containsExactly("obj-a");
    }

    @Test
    void aPlanIsRefusedWhenTheStateChangedSinceWithoutTouchingState() throws Exception {
        Workspace w = workspace();
        w.ok("apply", "-auto-approve", "-no-color");
        Files.writeString(dir.resolve("terraform.tfvars"), "names = [\"a\", \"b\"]\n");
        w.ok("plan", "-out=tfplan", "-no-color");
        Files.writeString(dir.resolve("terraform.tfvars"), "names = [\"a\", \"c\"]\n");
        w.ok("apply", "-auto-approve", "-no-color");
        String stateBefore = Files.readString(dir.resolve("terraform.tfstate"));

        var refused = w.run("apply", "-no-color", "tfplan");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("Error: Saved plan is stale").doesNotContain("Exception");
        assertThat(w.names()).containsExactly("obj-a", "obj-c");
        assertThat(Files.readString(dir.resolve("terraform.tfstate"))).isEqualTo(stateBefore);
    }

    @Test
    void aPlanIsRefusedWhenTheConfigurationChangedSince() throws Exception {
        Workspace w = workspace();
        w.ok("plan", "-out=tfplan", "-no-color");
        Files.writeString(dir.resolve("extra.tf"), "resource \"testing_object\" \"extra\" {\n  name = \"extra\"\n}\n");

        var refused = w.run("apply", "-no-color", "tfplan");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err())
                .contains("Error: Saved plan does not match the configuration")
                .contains("extra.tf added");
        assertThat(w.names()).isEmpty();
        assertThat(Files.exists(dir.resolve("terraform.tfstate"))).isFalse();
    }

    @Test
    void aSavedDestroyPlanDestroysAndVariablesCannotBeOverridden() throws Exception {
        Workspace w = workspace();
        w.ok("apply", "-auto-approve", "-no-color");
        w.ok("plan", "-destroy", "-out=destroy.plan", "-no-color");

        var withVar = w.run("apply", "-no-color", "-var", "names=[]", "destroy.plan");
        assertThat(withVar.exitCode()).isEqualTo(1);
        assertThat(withVar.err()).contains("Can't set variables when applying a saved plan");

        var destroyed = w.ok("apply", "-no-color", "destroy.plan");
        assertThat(destroyed.out()).contains("Destroy complete! Resources: 1 destroyed.");
        assertThat(w.names()).isEmpty();
    }

    @Test
    void aPlanThatFailedIsSavedForInspectionButNotApplied() throws Exception {
        Workspace w = Workspace.inProcess(dir).config("""
                resource "testing_object" "bad" {
                  count = -1
                  name  = "bad"
                }
                """);
        w.ok("init");
        var planned = w.run("plan", "-out=tfplan", "-no-color");
        assertThat(planned.exitCode()).isEqualTo(1);
        assertThat(planned.err()).contains("Invalid count argument");

        PlanJsonContract.show(w, "tfplan", PlanJsonContract.Outcome.ERRORED);
        var refused = w.run("apply", "-no-color", "tfplan");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("Error: Saved plan is not applyable");

        var missing = w.run("apply", "-no-color", "nothing.plan");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err())
                .contains("Failed to load the saved plan")
                .contains("nothing.plan")
                .doesNotContain("Exception");
    }
}
