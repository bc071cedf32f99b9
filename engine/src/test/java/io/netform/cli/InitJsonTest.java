package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netform init -json}: Terraform's machine-readable init messages. */
class InitJsonTest {

    @TempDir
    Path dir;

    private static List<JsonNode> messages(String out) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        for (String line : out.split("\n")) {
            all.add(new ObjectMapper().readTree(line));
        }
        return all;
    }

    @Test
    void everyLineIsAUiMessageAndSuccessHasItsMessageCode() throws Exception {
        Files.writeString(dir.resolve("main.tf"), "output \"x\" {\n  value = 1\n}\n");
        CliRun run = CliRun.run(dir, Map.of(), "init", "-json");
        assertThat(run.exitCode()).isZero();
        List<JsonNode> messages = messages(run.out());
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.get("@module").asText()).isEqualTo("terraform.ui");
            assertThat(m.has("@timestamp")).isTrue();
        });
        assertThat(messages.get(0).get("type").asText()).isEqualTo("version");
        assertThat(messages.get(0).get("ui").asText()).isEqualTo("1.3");
        assertThat(messages.stream()
                        .filter(m -> m.get("type").asText().equals("init_output"))
                        .map(m -> m.get("message_code").asText()))
                .containsExactly(
                        "initializing_backend_message",
                        "initializing_provider_plugin_message",
                        "output_init_success_message",
                        "output_init_success_cli_message");
        assertThat(messages.get(3).get("@message").asText()).isEqualTo("Netform has been successfully initialized!");
    }

    @Test
    void automationGetsNoCallToActionAndErrorsAreDiagnostics() throws Exception {
        Files.writeString(dir.resolve("main.tf"), "output \"x\" {\n  value = 1\n}\n");
        CliRun automated = CliRun.run(dir, Map.of("TF_IN_AUTOMATION", "1"), "init", "-json");
        assertThat(messages(automated.out()))
                .noneMatch(m -> m.path("message_code").asText().equals("output_init_success_cli_message"));

        Files.writeString(dir.resolve("main.tf"), "output \"x\" {\n");
        CliRun broken = CliRun.run(dir, Map.of(), "init", "-json");
        assertThat(broken.exitCode()).isEqualTo(1);
        JsonNode diagnostic = messages(broken.out()).get(1);
        assertThat(diagnostic.get("type").asText()).isEqualTo("diagnostic");
        assertThat(diagnostic.get("diagnostic").get("severity").asText()).isEqualTo("error");
        assertThat(diagnostic.get("diagnostic").get("range").get("filename").asText())
                .isEqualTo("main.tf");
    }

    @Test
    void backendAndEncryptionErrorsAreDiagnosticsAndAnEncryptedApplyStaysJson() throws Exception {
        Files.writeString(dir.resolve("main.tf"), """
                variable "passphrase" {
                  type      = string
                  sensitive = true
                }
                terraform {
                  backend "local" {
                    path = "one.tfstate"
                  }
                  encryption {
                    key_provider "pbkdf2" "main" {
                      passphrase = var.passphrase
                      iterations = 200000
                    }
                    method "aes_gcm" "main" {
                      keys = key_provider.pbkdf2.main
                    }
                    state {
                      method = method.aes_gcm.main
                    }
                  }
                }
                output "x" {
                  value = "in-the-state"
                }
                """);
        Map<String, String> key = Map.of("TF_VAR_passphrase", "correct-horse-battery-staple");

        CliRun uninitialized = CliRun.run(dir, key, "plan", "-json");
        assertThat(uninitialized.exitCode()).isEqualTo(1);
        assertThat(messages(uninitialized.out())).anySatisfy(m -> {
            assertThat(m.get("type").asText()).isEqualTo("diagnostic");
            assertThat(m.get("diagnostic").get("severity").asText()).isEqualTo("error");
            assertThat(m.get("@message").asText()).contains("Backend initialization required");
        });

        assertThat(CliRun.run(dir, key, "init", "-json").exitCode()).isZero();
        CliRun apply = CliRun.run(dir, key, "apply", "-auto-approve", "-json");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(messages(apply.out()))
                .anySatisfy(m -> assertThat(m.get("type").asText()).isEqualTo("change_summary"))
                .anySatisfy(m -> assertThat(m.get("type").asText()).isEqualTo("outputs"));
        assertThat(Files.readString(dir.resolve("one.tfstate")))
                .contains("encrypted_data")
                .doesNotContain("in-the-state");

        // Copying the state to another backend needs the key; without it, init says so as a diagnostic.
        Files.writeString(
                dir.resolve("main.tf"), Files.readString(dir.resolve("main.tf")).replace("one.tfstate", "two.tfstate"));
        CliRun migrate = CliRun.run(dir, Map.of(), "init", "-json", "-migrate-state", "-force-copy");
        assertThat(migrate.exitCode()).isEqualTo(1);
        assertThat(messages(migrate.out())).anySatisfy(m -> {
            assertThat(m.get("type").asText()).isEqualTo("diagnostic");
            assertThat(m.get("diagnostic").get("severity").asText()).isEqualTo("error");
            assertThat(m.get("diagnostic").get("detail").asText()).contains("var.passphrase");
        });
        assertThat(dir.resolve("two.tfstate")).doesNotExist();
        CliRun migrated = CliRun.run(dir, key, "init", "-json", "-migrate-state", "-force-copy");
        assertThat(migrated.exitCode()).as(migrated.out()).isZero();
        assertThat(messages(migrated.out())).isNotEmpty();
        assertThat(Files.readString(dir.resolve("two.tfstate")))
                .contains("encrypted_data")
                .doesNotContain("in-the-state");
    }
}
