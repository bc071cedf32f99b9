package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netform.state.LockInfo;
import io.netform.state.StateLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that read state, run in-process against a state file written as Terraform writes it. */
class StateReadingCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROVIDER = "provider[\\\"registry.terraform.io/netform/testing\\\"]";
    private static final String STATE = """
            {
              "version": 4,
              "terraform_version": "1.9.0",
              "serial": 7,
              "lineage": "5b1c7b4e-0000-4000-8000-000000000001",
              "outputs": {
                "count": {"value": 3, "type": "number"},
                "enabled": {"value": true, "type": "bool"},
                "names": {"value": ["a", "b"], "type": ["list", "string"]},
                "password": {"value": "hunter2", "type": "string", "sensitive": true},
                "url": {"value": "https://example.test/x", "type": "string"}
              },
              "resources": [
                {"mode": "managed", "type": "testing_object", "name": "web", "provider": "PROVIDER",
                 "instances": [
                   {"index_key": 0, "schema_version": 0,
                    "attributes": {"id": "obj-0", "name": "web-0", "secret": "s3cr3t", "value": null},
                    "sensitive_attributes": [[{"type": "get_attr", "value": "secret"}]]},
                   {"index_key": 1, "schema_version": 0,
                    "attributes": {"id": "obj-1", "name": "web-1", "secret": null, "value": "v"},
                    "sensitive_attributes": []}
                 ]},
                {"module": "module.net", "mode": "managed", "type": "testing_object", "name": "seg",
                 "provider": "PROVIDER",
                 "instances": [
                   {"schema_version": 0, "attributes": {"id": "obj-2", "name": "seg", "tags": {"env": "dev"}},
                    "sensitive_attributes": []}
                 ]},
                {"mode": "data", "type": "testing_echo", "name": "in", "provider": "PROVIDER",
                 "instances": [
                   {"schema_version": 0, "attributes": {"input": "hello", "output": "hello"},
                    "sensitive_attributes": []}
                 ]}
              ]
            }
            """.replace("PROVIDER", PROVIDER);

    @TempDir
    Path dir;

    @BeforeEach
    void writeState() throws Exception {
        Files.writeString(dir.resolve("terraform.tfstate"), STATE);
    }

    @Test
    void outputListsEveryValueWithSensitiveOnesHidden() {
        CliRun run = CliRun.run(dir, "output");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                count    = 3
                enabled  = true
                names    = [
                  "a",
                  "b",
                ]
                password = <sensitive>
                url      = "https://example.test/x"
                """);
    }

    @Test
    void outputByNameShowsTheValueEvenWhenSensitive() {
        assertThat(CliRun.run(dir, "output", "url").out()).isEqualTo("\"https://example.test/x\"\n");
        assertThat(CliRun.run(dir, "output", "password").out()).isEqualTo("\"hunter2\"\n");
    }

    @Test
    void outputJsonHasTerraformsShape() throws Exception {
        CliRun run = CliRun.run(dir, "output", "-json");
        assertThat(run.exitCode()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.fieldNames()).toIterable().containsExactly("count", "enabled", "names", "password", "url");
        assertThat(json.path("password").toString())
                .isEqualTo("{\"sensitive\":true,\"type\":\"string\",\"value\":\"hunter2\"}");
        assertThat(json.path("names").toString())
                .isEqualTo("{\"sensitive\":false,\"type\":[\"list\",\"string\"],\"value\":[\"a\",\"b\"]}");
        assertThat(CliRun.run(dir, "output", "-json", "names").out()).isEqualToIgnoringWhitespace("[\"a\",\"b\"]");
    }

    @Test
    void outputRawPrintsPrimitivesBareAndRefusesCollections() {
        assertThat(CliRun.run(dir, "output", "-raw", "url").out()).isEqualTo("https://example.test/x");
        assertThat(CliRun.run(dir, "output", "-raw", "count").out()).isEqualTo("3");
        assertThat(CliRun.run(dir, "output", "-raw", "enabled").out()).isEqualTo("true");
        CliRun list = CliRun.run(dir, "output", "-raw", "names");
        assertThat(list.exitCode()).isEqualTo(1);
        assertThat(list.out()).isEmpty();
        assertThat(list.err())
                .contains("Error: Unsupported value for raw output")
                .contains("output value \"names\" is list(string)");
        CliRun noName = CliRun.run(dir, "output", "-raw");
        assertThat(noName.exitCode()).isEqualTo(1);
        assertThat(noName.err()).contains("Error: Output name required");
        assertThat(CliRun.run(dir, "output", "-raw", "-json", "url").err()).contains("Error: Invalid output format");
    }

    @Test
    void anUnknownOutputIsAnError() {
        CliRun run = CliRun.run(dir, "output", "nope");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("Error: Output \"nope\" not found")
                .contains("The output variable requested could not be found in the state file.");
    }

    @Test
    void noOutputsIsAWarningNotAnError() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        CliRun run = CliRun.run(empty, "output");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("Warning: No outputs found");
        assertThat(CliRun.run(empty, "output", "-json").out()).isEqualToIgnoringWhitespace("{}");
    }

    @Test
    void stateListPrintsEveryInstanceAndFiltersByAddress() {
        assertThat(CliRun.run(dir, "state", "list").out()).isEqualTo("""
                data.testing_echo.in
                testing_object.web[0]
                testing_object.web[1]
                module.net.testing_object.seg
                """);
        assertThat(CliRun.run(dir, "state", "list", "testing_object.web").out())
                .isEqualTo("testing_object.web[0]\ntesting_object.web[1]\n");
        assertThat(CliRun.run(dir, "state", "list", "module.net", "testing_object.web[1]")
                        .out())
                .isEqualTo("testing_object.web[1]\nmodule.net.testing_object.seg\n");
        assertThat(CliRun.run(dir, "state", "list", "-id=obj-1").out()).isEqualTo("testing_object.web[1]\n");
        CliRun bad = CliRun.run(dir, "state", "list", "testing_object.");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("Error parsing instance address: testing_object.");
    }

    @Test
    void stateShowPrintsTheObjectWithSensitiveValuesHidden() {
        CliRun run = CliRun.run(dir, "state", "show", "testing_object.web[0]");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("Warning: Could not load the schema of netform/testing");
        assertThat(run.out()).isEqualTo("""
                # testing_object.web[0]:
                resource "testing_object" "web" {
                    id     = "obj-0"
                    name   = "web-0"
                    secret = (sensitive value)
                }
                """);
        // Without the provider's schema a JSON object reads as an object, so its keys are written bare.
        assertThat(CliRun.run(dir, "state", "show", "module.net.testing_object.seg")
                        .out())
                .isEqualTo("""
                # module.net.testing_object.seg:
                resource "testing_object" "seg" {
                    id   = "obj-2"
                    name = "seg"
                    tags = {
                        env = "dev"
                    }
                }
                """);
    }

    @Test
    void stateShowOfAMissingInstanceIsAnError() {
        CliRun run = CliRun.run(dir, "state", "show", "testing_object.web[5]");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Error: No instance found for the given address!");
    }

    @Test
    void stateCommandsWithoutAStateFileSaySo() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        CliRun run = CliRun.run(empty, "state", "list");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Error: No state file was found!");
        CliRun pull = CliRun.run(empty, "state", "pull");
        assertThat(pull.exitCode()).isZero();
        assertThat(pull.out()).isEmpty();
    }

    @Test
    void statePullPrintsTheStateAsStored() {
        assertThat(CliRun.run(dir, "state", "pull").out()).isEqualTo(STATE);
    }

    @Test
    void showPrintsEveryObjectThenTheOutputs() {
        CliRun run = CliRun.run(dir, "show");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("""
                # data.testing_echo.in:
                data "testing_echo" "in" {
                    input  = "hello"
                    output = "hello"
                }

                # testing_object.web[0]:
                """)
                .contains("\n\nOutputs:\n\ncount    = 3\n")
                .contains("password = (sensitive value)\n")
                .doesNotContain("hunter2")
                .doesNotContain("s3cr3t");
    }

    @Test
    void showJsonIsTheStateRepresentation() throws Exception {
        CliRun run = CliRun.run(dir, "show", "-json");
        assertThat(run.exitCode()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.path("format_version").asText()).isEqualTo("1.0");
        assertThat(json.path("values")
                        .path("outputs")
                        .path("password")
                        .path("sensitive")
                        .asBoolean())
                .isTrue();
        JsonNode web0 = json.path("values").path("root_module").path("resources").findParents("address").stream()
                .filter(r -> r.path("address").asText().equals("testing_object.web[0]"))
                .findFirst()
                .orElseThrow();
        assertThat(web0.path("values").path("secret").asText()).isEqualTo("s3cr3t");
        assertThat(web0.path("sensitive_values").path("secret").asBoolean()).isTrue();
        assertThat(json.path("values")
                        .path("root_module")
                        .path("child_modules")
                        .get(0)
                        .path("address")
                        .asText())
                .isEqualTo("module.net");
    }

    @Test
    void showWithoutStateSaysSo() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThat(CliRun.run(empty, "show").out()).isEqualTo("No state.\n");
        assertThat(JSON.readTree(CliRun.run(empty, "show", "-json").out()).has("values"))
                .isFalse();
    }

    @Test
    void forceUnlockClearsALockNoProcessHolds() throws Exception {
        Path state = dir.resolve("terraform.tfstate");
        LockInfo info = LockInfo.forOperation("OperationTypeApply", "test", state.toString());
        StateLock lock = StateLock.acquire(state, info, Duration.ZERO);
        // The holder's OS lock goes away with it; its info is what a crash leaves behind.
        Path infoFile = StateLock.infoPathFor(state);
        byte[] leftOver = Files.readAllBytes(infoFile);
        lock.close();
        Files.write(infoFile, leftOver);

        CliRun wrongId = CliRun.run(dir, "force-unlock", "-force", "not-the-id");
        assertThat(wrongId.exitCode()).isEqualTo(1);
        assertThat(wrongId.err()).contains("Error: Failed to unlock state").contains("does not match");

        CliRun run = CliRun.run(dir, "force-unlock", "-force", info.id());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Netform state has been successfully unlocked!");
        assertThat(StateLock.readInfo(infoFile)).isNull();
    }
}
