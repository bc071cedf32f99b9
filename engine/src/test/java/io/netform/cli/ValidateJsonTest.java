package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aValidConfigurationIsReportedValid() throws Exception {
        Files.writeString(dir.resolve("main.tf"), "variable \"x\" {\n  default = 1\n}\n");
        CliRun run = CliRun.run(dir, "validate", "-json");
        assertThat(run.exitCode()).isZero();
        JsonNode out = JSON.readTree(run.out());
        assertThat(out.path("format_version").asText()).isEqualTo("1.0");
        assertThat(out.path("valid").asBoolean()).isTrue();
        assertThat(out.path("error_count").asInt()).isZero();
        assertThat(out.path("warning_count").asInt()).isZero();
        assertThat(out.path("diagnostics")).isEmpty();
    }

    @Test
    void anInvalidConfigurationListsItsErrorsWithTheirPlace() throws Exception {
        Files.writeString(dir.resolve("main.tf"), "variable \"x\" {\n  default = var.nope\n}\n");
        CliRun run = CliRun.run(dir, "validate", "-json");
        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode out = JSON.readTree(run.out());
        assertThat(out.path("valid").asBoolean()).isFalse();
        assertThat(out.path("error_count").asInt()).isPositive();
        JsonNode first = out.path("diagnostics").get(0);
        assertThat(first.path("severity").asText()).isEqualTo("error");
        assertThat(first.path("range").path("filename").asText()).isEqualTo("main.tf");
        assertThat(first.path("range").path("start").path("line").asInt()).isEqualTo(2);
        assertThat(first.path("snippet").path("code").asText()).isEqualTo("  default = var.nope");
        assertThat(run.err()).isEmpty();
    }
}
