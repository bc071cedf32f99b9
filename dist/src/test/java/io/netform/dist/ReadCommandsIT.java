package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** output, state list/show/pull, show and force-unlock through the CLI run in-process, after a real apply. */
class ReadCommandsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Workspace w;

    @BeforeEach
    void apply() throws Exception {
        w = Workspace.inProcess(dir).config("""
                resource "testing_object" "web" {
                  count  = 2
                  name   = "web-${count.index}"
                  secret = "s3cr3t-${count.index}"
                  tags   = { tier = "web" }
                }
                module "net" {
                  source = "./net"
                }
                output "web_id" {
                  value = testing_object.web[0].id
                }
                output "names" {
                  value = testing_object.web[*].name
                }
                output "token" {
                  value     = "t0ken"
                  sensitive = true
                }
                output "replicas" {
                  value = 3
                }
                """);
        Files.createDirectory(dir.resolve("net"));
        Files.writeString(dir.resolve("net/main.tf"), """
                terraform {
                  required_providers {
                    testing = { source = "netform/testing" }
                  }
                }
                resource "testing_object" "seg" {
                  name  = "seg"
                  value = "10.0.0.0/24"
                }
                """);
        w.ok("init");
        w.ok("apply", "-auto-approve");
    }

    @Test
    void outputReadsTheRootOutputsFromState() throws Exception {
        String webId = w.state()
                .path("resources")
                .get(0)
                .path("instances")
                .get(0)
                .path("attributes")
                .path("id")
                .asText();
        var all = w.ok("output");
        assertThat(all.out())
                .isEqualTo("names    = [\n  \"web-0\",\n  \"web-1\",\n]\nreplicas = 3\n"
                        + "token    = <sensitive>\nweb_id   = \"" + webId + "\"\n");

        JsonNode json = JSON.readTree(w.ok("output", "-json").out());
        assertThat(json.path("token").toString())
                .isEqualTo("{\"sensitive\":true,\"type\":\"string\",\"value\":\"t0ken\"}");
        assertThat(json.path("replicas").path("value").asInt()).isEqualTo(3);
        assertThat(json.path("names").path("type").toString()).isEqualTo("[\"tuple\",[\"string\",\"string\"]]");

        assertThat(w.ok("output", "-raw", "web_id").out()).isEqualTo(webId);
        assertThat(w.ok("output", "-raw", "token").out()).isEqualTo("t0ken");
        assertThat(w.ok("output", "web_id").out()).isEqualTo("\"" + webId + "\"\n");

        var raw = w.run("output", "-raw", "names");
        assertThat(raw.exitCode()).isEqualTo(1);
        assertThat(raw.err()).contains("Error: Unsupported value for raw output");
        var missing = w.run("output", "nope");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("Error: Output \"nope\" not found").doesNotContain("Exception");
    }

    @Test
    void stateListShowAndPull() throws Exception {
        assertThat(w.ok("state", "list").out())
                .isEqualTo("testing_object.web[0]\ntesting_object.web[1]\nmodule.net.testing_object.seg\n");
        assertThat(w.ok("state", "list", "module.net").out()).isEqualTo("module.net.testing_object.seg\n");
        assertThat(w.ok("state", "list", "testing_object.web").out())
                .isEqualTo("testing_object.web[0]\ntesting_object.web[1]\n");

        var show = w.ok("state", "show", "testing_object.web[1]");
        assertThat(show.out())
                .startsWith("# testing_object.web[1]:\nresource \"testing_object\" \"web\" {\n")
                .contains("\n    name       = \"web-1\"\n")
                .contains("\n    secret     = (sensitive value)\n")
                .contains("\n    tags       = {\n        \"tier\" = \"web\"\n    }\n")
                .doesNotContain("item")
                .endsWith("\n}\n")
                .doesNotContain("s3cr3t");
        var missing = w.run("state", "show", "testing_object.web[7]");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("No instance found for the given address!");

        String pulled = w.ok("state", "pull").out();
        assertThat(pulled).isEqualTo(Files.readString(dir.resolve("terraform.tfstate"), StandardCharsets.UTF_8));
        assertThat(JSON.readTree(pulled).path("version").asInt()).isEqualTo(4);
    }

    @Test
    void showPrintsTheStateForPeopleAndForTools() throws Exception {
        var human = w.ok("show", "-no-color");
        assertThat(human.out())
                .contains("# module.net.testing_object.seg:\nresource \"testing_object\" \"seg\" {\n")
                .contains("\n\nOutputs:\n\n")
                .contains("token    = (sensitive value)\n")
                .doesNotContain("s3cr3t")
                .doesNotContain("t0ken");

        JsonNode json = JSON.readTree(w.ok("show", "-json").out());
        assertThat(json.path("format_version").asText()).isEqualTo("1.0");
        JsonNode root = json.path("values").path("root_module");
        assertThat(root.path("resources")).hasSize(2);
        JsonNode web0 = root.path("resources").get(0);
        assertThat(web0.path("address").asText()).isEqualTo("testing_object.web[0]");
        assertThat(web0.path("index").asInt()).isZero();
        assertThat(web0.path("provider_name").asText()).isEqualTo("registry.terraform.io/netform/testing");
        assertThat(web0.path("values").path("secret").asText()).isEqualTo("s3cr3t-0");
        assertThat(web0.path("sensitive_values").path("secret").asBoolean()).isTrue();
        assertThat(human.err()).doesNotContain("Could not load the schema");
        assertThat(root.path("child_modules")
                        .get(0)
                        .path("resources")
                        .get(0)
                        .path("address")
                        .asText())
                .isEqualTo("module.net.testing_object.seg");
        assertThat(json.path("values")
                        .path("outputs")
                        .path("token")
                        .path("sensitive")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void forceUnlockRemovesTheLockOfACommandThatDied() throws Exception {
        Path info = dir.resolve(".terraform.tfstate.lock.info");
        String id = "0b6f1a7e-4c1b-4f43-9d2a-3d5c1e9b7a10";
        // What a killed apply leaves: its lock info, with no process behind the OS lock any more.
        Files.writeString(
                info,
                "{\"ID\":\"" + id + "\",\"Operation\":\"OperationTypeApply\",\"Info\":\"\","
                        + "\"Who\":\"ci@runner\",\"Version\":\"0.1.0\",\"Created\":\"2026-01-01T00:00:00Z\","
                        + "\"Path\":\"terraform.tfstate\"}");

        var refused = w.run("force-unlock", id);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("Do you really want to force-unlock?");
        assertThat(refused.err()).contains("force-unlock cancelled.");
        assertThat(Files.readString(info)).contains(id);

        var confirmed = w.runWithInput("yes\n", "force-unlock", id);
        assertThat(confirmed.exitCode()).as(confirmed.err()).isZero();
        assertThat(confirmed.out()).contains("Netform state has been successfully unlocked!");
        assertThat(Files.size(info)).isZero();

        var notLocked = w.run("force-unlock", "-force", id);
        assertThat(notLocked.exitCode()).isEqualTo(1);
        assertThat(notLocked.err()).contains("Error: Failed to unlock state").contains("is not locked");
        w.ok("plan", "-detailed-exitcode", "-out=tfplan");
        JsonNode plan = PlanJsonContract.show(w, "tfplan");
        assertThat(plan.path("prior_state")
                        .path("values")
                        .path("outputs")
                        .path("token")
                        .path("sensitive")
                        .asBoolean())
                .isTrue();
    }
}
