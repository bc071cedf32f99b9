package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -target} on plan, apply and destroy, through the CLI run in-process. */
class TargetIT {

    @TempDir
    Path dir;

    @Test
    void targetingPlansAndAppliesOnlyTheTargetsAndWhatTheyNeed() throws Exception {
        Workspace w = workspace();
        var plan = w.ok("plan", "-no-color", "-target=testing_object.app[1]", "-out=tfplan");
        assertThat(plan.err()).contains("Warning: Resource targeting is in effect");
        assertThat(plan.out())
                .contains("# testing_object.app[1] will be created")
                .contains("# testing_object.base will be created")
                .doesNotContain("testing_object.app[0]")
                .doesNotContain("testing_object.other")
                .doesNotContain("module.mod")
                .contains("Plan: 2 to add, 0 to change, 0 to destroy.");
        assertThat(PlanJsonContract.show(w, "tfplan", PlanJsonContract.Outcome.TARGETED)
                        .path("resource_changes"))
                .extracting(rc -> rc.path("address").asText())
                .containsExactly("testing_object.app[1]", "testing_object.base");

        var applied = w.ok("apply", "-no-color", "tfplan");
        assertThat(applied.out()).contains("Apply complete! Resources: 2 added, 0 changed, 0 destroyed.");
        assertThat(applied.err()).contains("Warning: Applied changes may be incomplete");
        assertThat(w.names()).containsExactly("app-1", "base");
        assertThat(w.cloud().path(w.id("app-1")).path("value").asText()).isEqualTo(w.id("base"));
        assertThat(w.state().path("outputs").has("other_id")).isFalse();

        w.ok("apply", "-auto-approve", "-no-color", "-target=module.mod", "-target=testing_object.other");
        assertThat(w.names()).containsExactly("app-1", "base", "inner", "other");
        assertThat(w.state().path("outputs").path("other_id").path("value").asText())
                .isEqualTo(w.id("other"));

        var rest = w.ok("apply", "-auto-approve", "-no-color");
        assertThat(rest.out()).contains("Plan: 1 to add, 0 to change, 0 to destroy.");
        assertThat(rest.err()).doesNotContain("targeting");
        assertThat(w.names()).containsExactly("app-0", "app-1", "base", "inner", "other");
    }

    @Test
    void aTargetedDestroyTakesTheTargetAndWhatDependsOnItOnly() throws Exception {
        Workspace w = workspace();
        w.ok("apply", "-auto-approve", "-no-color");
        var destroyed = w.ok("destroy", "-auto-approve", "-no-color", "-target=testing_object.base");
        assertThat(destroyed.out())
                .contains("# testing_object.app[0] will be destroyed")
                .doesNotContain("other_id")
                .contains("Destroy complete! Resources: 3 destroyed.");
        assertThat(w.names()).containsExactly("inner", "other");
        assertThat(w.state().path("outputs").path("other_id").path("value").asText())
                .isEqualTo(w.id("other"));

        var plan = w.run("plan", "-no-color", "-detailed-exitcode");
        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.out()).contains("Plan: 3 to add, 0 to change, 0 to destroy.");
    }

    @Test
    void anInvalidTargetIsRefusedBeforeAnythingChanges() throws Exception {
        Workspace w = workspace();
        var refused = w.run("apply", "-auto-approve", "-no-color", "-target=testing_object");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("Invalid -target option").doesNotContain("Exception");
        assertThat(w.names()).isEmpty();
    }

    private Workspace workspace() throws Exception {
        return targetingWorkspace(dir);
    }

    /** Resources base, app[0..1] (depending on base), other, and module.mod with one resource; initialized. */
    static Workspace targetingWorkspace(Path dir) throws Exception {
        return targetingWorkspace(Workspace.inProcess(dir));
    }

    /** {@code w} set up as {@link #targetingWorkspace(Path)} sets up its directory. */
    static Workspace targetingWorkspace(Workspace w) throws Exception {
        Path dir = w.dir;
        Files.createDirectories(dir.resolve("mod"));
        Files.writeString(dir.resolve("mod/main.tf"), """
                terraform {
                  required_providers {
                    testing = { source = "netform/testing" }
                  }
                }
                resource "testing_object" "inner" {
                  name = "inner"
                }
                """);
        w.config("""
                resource "testing_object" "base" {
                  name = "base"
                }
                resource "testing_object" "app" {
                  count = 2
                  name  = "app-${count.index}"
                  value = testing_object.base.id
                }
                resource "testing_object" "other" {
                  name = "other"
                }
                module "mod" {
                  source = "./mod"
                }
                output "other_id" {
                  value = testing_object.other.id
                }
                """);
        w.ok("init");
        return w;
    }
}
