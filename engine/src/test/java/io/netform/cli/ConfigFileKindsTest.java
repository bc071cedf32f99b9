package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON configuration, JSON variable files and override files, through the CLI. */
class ConfigFileKindsTest {

    @TempDir
    Path dir;

    @Test
    void jsonFilesAndOverridesMakeTheConfigurationTerraformWouldSee() throws Exception {
        Files.writeString(dir.resolve("main.tf.json"), """
                {
                  "//": "generated",
                  "variable": {"env": {"type": "string"}, "zones": {"type": "list(string)", "default": []}},
                  "output": {
                    "greeting": {"value": "${var.env}-${local.suffix}"},
                    "zones": {"value": "${length(var.zones)}"}
                  }
                }
                """);
        Files.writeString(dir.resolve("locals.tf"), "locals {\n  suffix = \"original\"\n}\n");
        Files.writeString(dir.resolve("locals_override.tf"), "locals {\n  suffix = \"overridden\"\n}\n");
        Files.writeString(dir.resolve("terraform.tfvars.json"), "{\"env\": \"tfvars\", \"zones\": [\"a\"]}");
        Files.writeString(dir.resolve("prod.auto.tfvars.json"), "{\"env\": \"prod\", \"zones\": [\"a\", \"b\"]}");
        CliRun apply = CliRun.run(dir, Map.of(), "apply", "-auto-approve", "-no-color");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("greeting = \"prod-overridden\"", "zones = 2");
    }

    @Test
    void errorsInJsonFilesNameTheirLineAndColumn() throws Exception {
        Files.writeString(dir.resolve("main.tf.json"), "{\n  \"output\": {\"x\": {\"valeu\": 1}}\n}\n");
        CliRun validate = CliRun.run(dir, Map.of(), "validate", "-no-color");
        assertThat(validate.exitCode()).isEqualTo(1);
        assertThat(validate.err()).contains("main.tf.json:2:20: Unsupported argument");
    }
}
