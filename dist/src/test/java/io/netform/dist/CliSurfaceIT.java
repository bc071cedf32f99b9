package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI surface CI pipelines and users lean on, through the CLI run in-process: the log file, the
 * automation mode, the plan JSON's documented structure on a real plan, workspaces and the console (against
 * the state and against a plan).
 */
class CliSurfaceIT {

    @TempDir
    Path dir;

    @Test
    void logsPlanJsonWorkspacesAndConsole() throws Exception {
        Workspace w = Workspace.inProcess(dir).config("""
                variable "suffix" {
                  default = "1"
                }
                variable "password" {
                  default   = "pw-123"
                  sensitive = true
                }
                resource "testing_object" "obj" {
                  name   = "obj-${var.suffix}"
                  secret = var.password
                }
                output "name" {
                  value = testing_object.obj.name
                }
                """);
        w.ok("init");
        w.ok("apply", "-auto-approve");

        Path log = dir.resolve("netform.log");
        var planned = w.runWith(
                Map.of("TF_LOG", "DEBUG", "TF_LOG_PATH", log.toString(), "TF_IN_AUTOMATION", "1"),
                "plan",
                "-no-color",
                "-out=tfplan",
                "-var",
                "suffix=2");
        assertThat(planned.exitCode()).as(planned.err()).isZero();
        assertThat(planned.out()).contains("testing_object.obj").doesNotContain("netform apply");
        String logged = Files.readString(log);
        assertThat(logged)
                .contains("[INFO]  Netform version: ")
                .contains("[DEBUG] Command: netform plan")
                .doesNotContain("pw-123");

        assertPlanJsonHoldsThisPlan(PlanJsonContract.show(w, "tfplan"));

        assertThat(w.ok("workspace", "new", "dev").out()).contains("Created and switched to workspace \"dev\"!");
        assertThat(w.ok("workspace", "list").out()).isEqualTo("  default\n* dev\n\n");

        var console = w.runWithInput("""
                testing_object.obj.name
                var.password
                "${terraform.workspace}-${var.suffix}"
                exit
                """, "console", "-state=terraform.tfstate");
        assertThat(console.exitCode()).as(console.err()).isZero();
        assertThat(console.out()).isEqualTo("\"obj-1\"\n(sensitive value)\n\"dev-1\"\n");

        // The dev workspace's state is empty: the plan creates the object, whose id only the apply knows.
        var againstPlan = w.runWithInput("""
                testing_object.obj.id
                testing_object.obj.name
                type(testing_object.obj.tags)
                """, "console", "-plan", "-var", "suffix=3");
        assertThat(againstPlan.exitCode()).as(againstPlan.err()).isZero();
        assertThat(againstPlan.out()).isEqualTo("(known after apply)\n\"obj-3\"\nmap(string)\n");
    }

    /** What the plan JSON says of this plan: the renaming replace, the secret, the variables, the prior state. */
    private static void assertPlanJsonHoldsThisPlan(JsonNode plan) {
        JsonNode changes = plan.path("resource_changes");
        assertThat(changes).hasSize(1);
        JsonNode rc = changes.get(0);
        assertThat(rc.path("address").asText()).isEqualTo("testing_object.obj");
        assertThat(rc.path("provider_name").asText()).isEqualTo("registry.terraform.io/netform/testing");
        JsonNode change = rc.path("change");
        assertThat(rc.path("action_reason").asText()).isEqualTo("replace_because_cannot_update");
        assertThat(change.path("replace_paths").toString()).isEqualTo("[[\"name\"]]");
        assertThat(change.path("before").path("name").asText()).isEqualTo("obj-1");
        assertThat(change.path("after").path("name").asText()).isEqualTo("obj-2");
        assertThat(change.path("before_sensitive").path("secret").asBoolean()).isTrue();
        assertThat(change.path("after_sensitive").path("secret").asBoolean()).isTrue();
        JsonNode configured =
                plan.path("configuration").path("root_module").path("resources").get(0);
        assertThat(configured.path("address").asText()).isEqualTo("testing_object.obj");
        assertThat(configured.path("provider_config_key").asText()).isNotEmpty();
        assertThat(configured.path("expressions").path("name").path("references"))
                .extracting(JsonNode::asText)
                .containsExactly("var.suffix");
        assertThat(configured.path("expressions").path("secret").path("references"))
                .extracting(JsonNode::asText)
                .containsExactly("var.password");
        assertThat(plan.path("configuration")
                        .path("root_module")
                        .path("outputs")
                        .path("name")
                        .path("expression")
                        .path("references"))
                .extracting(JsonNode::asText)
                .containsExactly("testing_object.obj.name", "testing_object.obj");
        assertThat(plan.path("configuration")
                        .path("root_module")
                        .path("variables")
                        .path("password")
                        .path("sensitive")
                        .asBoolean())
                .isTrue();
        assertThat(plan.path("configuration").path("provider_config").isObject())
                .isTrue();
        assertThat(plan.path("prior_state")
                        .path("values")
                        .path("root_module")
                        .path("resources")
                        .get(0)
                        .path("values")
                        .path("name")
                        .asText())
                .isEqualTo("obj-1");
        assertThat(plan.path("variables").path("suffix").path("value").asText()).isEqualTo("2");
        assertThat(plan.path("applyable").asBoolean()).isTrue();
    }
}
