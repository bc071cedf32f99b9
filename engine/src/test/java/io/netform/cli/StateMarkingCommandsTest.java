package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netform.state.LockInfo;
import io.netform.state.StateLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** taint, untaint and state replace-provider change what state records, under its lock, as Terraform's do. */
class StateMarkingCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TESTING = "provider[\\\"registry.terraform.io/netform/testing\\\"]";
    private static final String STATE = """
            {
              "version": 4,
              "terraform_version": "1.9.0",
              "serial": 7,
              "lineage": "5b1c7b4e-0000-4000-8000-000000000001",
              "outputs": {},
              "resources": [
                {"mode": "managed", "type": "testing_object", "name": "web", "provider": "TESTING",
                 "instances": [
                   {"index_key": 0, "schema_version": 0, "attributes": {"id": "obj-0", "name": "web-0"},
                    "sensitive_attributes": []},
                   {"index_key": 1, "schema_version": 0, "attributes": {"id": "obj-1", "name": "web-1"},
                    "sensitive_attributes": []}
                 ]},
                {"module": "module.net", "mode": "managed", "type": "testing_object", "name": "seg",
                 "provider": "module.net.TESTING.eu",
                 "instances": [
                   {"schema_version": 0, "attributes": {"id": "obj-2", "name": "seg"}, "sensitive_attributes": []}
                 ]},
                {"mode": "managed", "type": "nsxt_policy_segment", "name": "s",
                 "provider": "provider[\\"registry.terraform.io/vmware/nsxt\\"]",
                 "instances": [
                   {"schema_version": 0, "attributes": {"id": "s"}, "sensitive_attributes": []}
                 ]}
              ]
            }
            """.replace("TESTING", TESTING);

    @TempDir
    Path dir;

    @BeforeEach
    void writeState() throws Exception {
        Files.writeString(dir.resolve("terraform.tfstate"), STATE);
    }

    private JsonNode state() throws Exception {
        return JSON.readTree(dir.resolve("terraform.tfstate").toFile());
    }

    private JsonNode instance(String name, int index) throws Exception {
        for (JsonNode r : state().path("resources")) {
            if (r.path("name").asText().equals(name)) {
                return r.path("instances").get(index);
            }
        }
        throw new AssertionError(name);
    }

    private long backups() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("terraform\\.tfstate\\.\\d+\\.backup"))
                    .count();
        }
    }

    @Test
    void taintMarksTheObjectAndUntaintClearsTheMark() throws Exception {
        CliRun taint = CliRun.run(dir, "taint", "testing_object.web[1]");
        assertThat(taint.exitCode()).as(taint.err()).isZero();
        assertThat(taint.out()).isEqualTo("Resource instance testing_object.web[1] has been marked as tainted.\n");
        assertThat(instance("web", 1).path("status").asText()).isEqualTo("tainted");
        assertThat(instance("web", 0).has("status")).isFalse();
        assertThat(state().path("serial").asLong()).isEqualTo(8);
        assertThat(backups()).isEqualTo(1);

        CliRun module = CliRun.run(dir, "taint", "module.net.testing_object.seg");
        assertThat(module.exitCode()).as(module.err()).isZero();
        assertThat(instance("seg", 0).path("status").asText()).isEqualTo("tainted");

        CliRun untaint = CliRun.run(dir, "untaint", "testing_object.web[1]");
        assertThat(untaint.exitCode()).as(untaint.err()).isZero();
        assertThat(untaint.out())
                .isEqualTo("Resource instance testing_object.web[1] has been successfully " + "untainted.\n");
        assertThat(instance("web", 1).has("status")).isFalse();
    }

    @Test
    void untaintRefusesAnObjectThatIsNotTainted() throws Exception {
        CliRun run = CliRun.run(dir, "untaint", "testing_object.web[0]");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("Error: Resource instance is not tainted")
                .contains("Resource instance testing_object.web[0] is not currently tainted, and so it cannot be "
                        + "untainted.");
    }

    @Test
    void aMissingInstanceIsAnErrorUnlessAllowed() throws Exception {
        String before = Files.readString(dir.resolve("terraform.tfstate"));
        CliRun missing = CliRun.run(dir, "taint", "testing_object.web[5]");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err())
                .contains("Error: No such resource instance")
                .contains("There is no resource instance in the state with the address testing_object.web[5].");

        CliRun allowed = CliRun.run(dir, "taint", "-allow-missing", "testing_object.web[5]");
        assertThat(allowed.exitCode()).isZero();
        assertThat(allowed.err() + allowed.out())
                .contains("Warning: No such resource instance")
                .contains("Resource instance testing_object.web[5] was not found, but this is not an error because "
                        + "-allow-missing was set.");
        assertThat(Files.readString(dir.resolve("terraform.tfstate"))).isEqualTo(before);
    }

    @Test
    void anEmptyStateSaysSo() throws Exception {
        Files.delete(dir.resolve("terraform.tfstate"));
        CliRun run = CliRun.run(dir, "taint", "testing_object.web[0]");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("The state currently contains no resource instances whatsoever.");
        assertThat(CliRun.run(dir, "untaint", "-allow-missing", "testing_object.web[0]")
                        .exitCode())
                .isZero();
    }

    @Test
    void taintWaitsForTheStateLockAndFailsWhileAnotherCommandHoldsIt() throws Exception {
        Path path = dir.resolve("terraform.tfstate");
        try (StateLock held = StateLock.acquire(
                path, LockInfo.forOperation("OperationTypeApply", "test", path.toString()), Duration.ZERO)) {
            CliRun run = CliRun.run(dir, "taint", "testing_object.web[0]");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("Error: ").contains("lock");
            assertThat(instance("web", 0).has("status")).isFalse();
        }
        CliRun unlocked = CliRun.run(dir, "taint", "-lock=false", "testing_object.web[0]");
        assertThat(unlocked.exitCode()).as(unlocked.err()).isZero();
    }

    @Test
    void replaceProviderAsksThenRecordsTheNewProviderKeepingModuleAndAlias() throws Exception {
        CliRun declined = CliRun.withInput(
                dir, Map.of(), "no\n", "state", "replace-provider", "netform/testing", "example.com/acme/testing");
        assertThat(declined.exitCode()).isZero();
        assertThat(declined.out())
                .contains("Do you want to make these changes?")
                .contains("Only 'yes' will be accepted to continue.")
                .endsWith("Cancelled replacing providers.\n");
        assertThat(Files.readString(dir.resolve("terraform.tfstate"))).isEqualTo(STATE);

        CliRun run = CliRun.withInput(
                dir, Map.of(), "yes\n", "state", "replace-provider", "netform/testing", "example.com/acme/testing");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("""
                Netform will perform the following actions:

                  ~ Updating provider:
                    - registry.terraform.io/netform/testing
                    + example.com/acme/testing

                Changing 2 resources:

                  testing_object.web
                  module.net.testing_object.seg
                """).endsWith("\nSuccessfully replaced provider for 2 resources.\n");
        JsonNode resources = state().path("resources");
        assertThat(resources.findValuesAsText("provider"))
                .containsExactlyInAnyOrder(
                        "provider[\"example.com/acme/testing\"]",
                        "module.net.provider[\"example.com/acme/testing\"].eu",
                        "provider[\"registry.terraform.io/vmware/nsxt\"]");
    }

    @Test
    void replaceProviderWithAutoApproveDoesNotAskAndSaysWhenNothingMatches() throws Exception {
        CliRun run = CliRun.run(dir, "state", "replace-provider", "-auto-approve", "vmware/nsxt", "netform/nsxt");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .doesNotContain("Enter a value")
                .contains("Successfully replaced provider for 1 " + "resources.");
        CliRun none = CliRun.run(dir, "state", "replace-provider", "-auto-approve", "hashicorp/aws", "netform/aws");
        assertThat(none.out()).isEqualTo("No matching resources found.\n");
        CliRun invalid = CliRun.run(dir, "state", "replace-provider", "-auto-approve", "a/b/c/d", "netform/aws");
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.err()).contains("Invalid \"from\" provider \"a/b/c/d\"");
    }
}
