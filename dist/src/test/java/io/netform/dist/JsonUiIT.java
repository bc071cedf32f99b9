package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The machine-readable UI ({@code -json} on plan, apply, destroy and validate), {@code -compact-warnings}
 * and {@code -help} after a command: the stream of plan, apply and destroy through the real CLI and plugin,
 * the rest through the CLI run in-process.
 */
class JsonUiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The process-based workspace keeps the -json stream checked as the program writes it to standard output. */
    private Workspace processWorkspace() throws Exception {
        return configured(new Workspace(dir));
    }

    private Workspace workspace() throws Exception {
        return configured(Workspace.inProcess(dir));
    }

    private static Workspace configured(Workspace workspace) throws Exception {
        Workspace w = workspace.config("""
                resource "testing_object" "base" {
                  name = "base"
                }
                resource "testing_object" "app" {
                  count  = 2
                  name   = "app-${count.index}"
                  value  = testing_object.base.id
                  secret = "t0ps3cret"
                }
                output "base_id" {
                  value = testing_object.base.id
                }
                output "token" {
                  value     = "t0ps3cret"
                  sensitive = true
                }
                """);
        w.ok("init");
        return w;
    }

    /** Every line of standard output as a UI message, checking the fields every message has. */
    private static List<JsonNode> messages(NetformProcess.Result r) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            JsonNode m = JSON.readTree(line);
            assertThat(m.path("@level").asText()).isIn("info", "warn", "error");
            assertThat(m.path("@module").asText()).isEqualTo("terraform.ui");
            assertThat(m.path("@timestamp").asText()).isNotEmpty();
            assertThat(m.has("@message") && m.has("type")).isTrue();
            out.add(m);
        }
        assertThat(out.get(0).path("type").asText()).isEqualTo("version");
        assertThat(out.get(0).path("ui").asText()).isEqualTo("1.3");
        return out;
    }

    private static List<JsonNode> ofType(List<JsonNode> messages, String type) {
        return messages.stream()
                .filter(m -> m.path("type").asText().equals(type))
                .toList();
    }

    @Test
    void planApplyAndDestroyStreamOneJsonMessagePerLine() throws Exception {
        Workspace w = processWorkspace();
        var plan = messages(w.ok("plan", "-json"));
        assertThat(ofType(plan, "planned_change"))
                .extracting(m -> m.path("change").path("resource").path("addr").asText())
                .containsExactly("testing_object.app[0]", "testing_object.app[1]", "testing_object.base");
        assertThat(ofType(plan, "planned_change").get(0).path("@message").asText())
                .isEqualTo("testing_object.app[0]: Plan to create");
        JsonNode summary = ofType(plan, "change_summary").get(0);
        assertThat(summary.path("changes").path("add").asInt()).isEqualTo(3);
        assertThat(summary.path("changes").path("operation").asText()).isEqualTo("plan");
        assertThat(ofType(plan, "outputs")
                        .get(0)
                        .path("outputs")
                        .path("base_id")
                        .path("action")
                        .asText())
                .isEqualTo("create");

        var refused = w.run("apply", "-json");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(ofType(messages(refused), "diagnostic")
                        .get(0)
                        .path("diagnostic")
                        .path("summary")
                        .asText())
                .isEqualTo("Plan file or auto-approve required");
        assertThat(w.names()).isEmpty();

        var applyRun = w.ok("apply", "-json", "-auto-approve");
        assertThat(applyRun.out() + applyRun.err()).doesNotContain("t0ps3cret");
        var apply = messages(applyRun);
        assertThat(ofType(apply, "apply_start")).hasSize(3);
        List<JsonNode> complete = ofType(apply, "apply_complete");
        assertThat(complete).hasSize(3);
        JsonNode base = complete.stream()
                .filter(m ->
                        m.path("hook").path("resource").path("addr").asText().equals("testing_object.base"))
                .findFirst()
                .orElseThrow();
        assertThat(base.path("hook").path("action").asText()).isEqualTo("create");
        assertThat(base.path("hook").path("id_value").asText()).isEqualTo(w.id("base"));
        assertThat(base.path("@message").asText()).startsWith("testing_object.base: Creation complete after");
        JsonNode applied = ofType(apply, "change_summary").get(1);
        assertThat(applied.path("@message").asText())
                .isEqualTo("Apply complete! Resources: 3 added, 0 changed, " + "0 destroyed.");
        assertThat(applied.path("changes").path("operation").asText()).isEqualTo("apply");
        JsonNode outputs = ofType(apply, "outputs").get(1).path("outputs");
        assertThat(outputs.path("base_id").path("value").asText()).isEqualTo(w.id("base"));
        assertThat(outputs.path("token").path("sensitive").asBoolean()).isTrue();
        assertThat(outputs.path("token").has("value")).isFalse();

        var destroy = messages(w.ok("destroy", "-json", "-auto-approve"));
        JsonNode destroyed = ofType(destroy, "change_summary").get(1);
        assertThat(destroyed.path("changes").path("remove").asInt()).isEqualTo(3);
        assertThat(destroyed.path("changes").path("operation").asText()).isEqualTo("destroy");
        assertThat(w.names()).isEmpty();
    }

    @Test
    void aSavedPlanIsAppliedWithJsonWithoutAutoApprove() throws Exception {
        Workspace w = workspace();
        w.ok("plan", "-out=tfplan", "-no-color");
        JsonNode plan = PlanJsonContract.show(w, "tfplan");
        assertThat(plan.path("output_changes")
                        .path("token")
                        .path("after_sensitive")
                        .asBoolean())
                .isTrue();
        assertThat(plan.path("output_changes")
                        .path("base_id")
                        .path("after_unknown")
                        .asBoolean())
                .isTrue();
        var apply = messages(w.ok("apply", "-json", "tfplan"));
        assertThat(ofType(apply, "apply_complete")).hasSize(3);
        assertThat(w.names()).containsExactly("app-0", "app-1", "base");
    }

    @Test
    void errorsAreDiagnosticMessagesWithTheirPlace() throws Exception {
        Workspace w = Workspace.inProcess(dir).config("""
                resource "testing_object" "bad" {
                  name = var.missing
                }
                """);
        w.ok("init");
        var plan = w.run("plan", "-json");
        assertThat(plan.exitCode()).isEqualTo(1);
        JsonNode diagnostic = ofType(messages(plan), "diagnostic").get(0);
        assertThat(diagnostic.path("@level").asText()).isEqualTo("error");
        assertThat(diagnostic.path("diagnostic").path("range").path("filename").asText())
                .isEqualTo("main.tf");
        assertThat(diagnostic
                        .path("diagnostic")
                        .path("range")
                        .path("start")
                        .path("line")
                        .asInt())
                .isEqualTo(8);
        assertThat(diagnostic.path("diagnostic").path("snippet").path("code").asText())
                .contains("var.missing");

        var validate = w.run("validate", "-json");
        assertThat(validate.exitCode()).isEqualTo(1);
        JsonNode result = JSON.readTree(validate.out());
        assertThat(result.path("format_version").asText()).isEqualTo("1.0");
        assertThat(result.path("valid").asBoolean()).isFalse();
        assertThat(result.path("error_count").asInt()).isEqualTo(1);
        assertThat(result.path("diagnostics")
                        .get(0)
                        .path("range")
                        .path("start")
                        .path("line")
                        .asInt())
                .isEqualTo(8);
    }

    @Test
    void compactWarningsListOnlyTheSummariesAndHelpFollowsACommand() throws Exception {
        Workspace w = workspace();
        var plan = w.ok("plan", "-no-color", "-compact-warnings", "-target=testing_object.base");
        assertThat(plan.err())
                .contains("Warnings:")
                .contains("- Resource targeting is in effect")
                .contains("To see the full warning notes, run Netform without -compact-warnings.")
                .doesNotContain("exceptional cases");

        var help = w.ok("apply", "-help");
        assertThat(help.out())
                .contains("Usage: netform apply")
                .contains("-auto-approve")
                .contains("PLAN");
    }
}
