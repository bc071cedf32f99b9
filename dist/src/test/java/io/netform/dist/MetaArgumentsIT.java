package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** replace_triggered_by, taint and an untyped -var as count, through the CLI run in-process. */
class MetaArgumentsIT {

    @TempDir
    Path dir;

    @Test
    void aChangedAttributeReplacesWhatItTriggersAndATaintedObjectIsReplaced() throws Exception {
        Workspace w = Workspace.inProcess(dir).config("""
                variable "n" {}
                variable "revision" {
                  default = "1"
                }
                resource "testing_object" "config" {
                  name  = "config"
                  value = var.revision
                }
                resource "testing_object" "worker" {
                  count = var.n
                  name  = "worker-${count.index}"
                  lifecycle {
                    replace_triggered_by = [testing_object.config.value]
                  }
                }
                """);
        w.ok("init");
        w.ok("apply", "-auto-approve", "-no-color", "-var", "n=2");
        String firstCreated = created(w, "worker-0");

        var plan = w.ok("plan", "-no-color", "-var", "n=2", "-var", "revision=2", "-out=tfplan");
        assertThat(plan.out())
                .contains("# testing_object.config will be updated in-place")
                .contains("# testing_object.worker[0] will be replaced due to changes in replace_triggered_by")
                .contains("# testing_object.worker[1] will be replaced due to changes in replace_triggered_by")
                .contains("Plan: 2 to add, 1 to change, 2 to destroy.");
        JsonNode changes = PlanJsonContract.show(w, "tfplan").path("resource_changes");
        assertThat(changes.findValuesAsText("action_reason"))
                .containsExactly("replace_by_triggers", "replace_by_triggers");
        w.ok("apply", "-no-color", "tfplan");
        assertThat(created(w, "worker-0")).as("worker-0 was created again").isNotEqualTo(firstCreated);

        var taint = w.ok("taint", "testing_object.worker[1]");
        assertThat(taint.out()).contains("Resource instance testing_object.worker[1] has been marked as tainted.");
        var tainted = w.ok("plan", "-no-color", "-var", "n=2", "-var", "revision=2");
        assertThat(tainted.out())
                .contains("# testing_object.worker[1] is tainted, so must be replaced")
                .contains("Plan: 1 to add, 0 to change, 1 to destroy.");
        w.ok("untaint", "testing_object.worker[1]");
        assertThat(w.run("plan", "-detailed-exitcode", "-no-color", "-var", "n=2", "-var", "revision=2")
                        .exitCode())
                .isZero();
    }

    private static String created(Workspace w, String name) throws Exception {
        return w.cloud().path(w.id(name)).path("created_at").asText();
    }
}
