package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A root output whose value is null is not kept in state, as in Terraform, so nothing lists or prints it. */
class NullOutputsTest {

    @TempDir
    Path dir;

    @Test
    void aNullRootOutputIsNotStoredAndAnEarlierValueIsRemoved() throws Exception {
        write("\"az-2\"");
        assertThat(CliRun.run(dir, "apply", "-auto-approve").out()).contains("standby = \"az-2\"");

        write("null");
        CliRun apply = CliRun.run(dir, "apply", "-auto-approve");
        assertThat(apply.exitCode()).isZero();
        assertThat(apply.out()).endsWith("\nOutputs:\n\nactive = \"az-1\"\n");
        assertThat(Files.readString(dir.resolve("terraform.tfstate")))
                .contains("\"active\"")
                .doesNotContain("\"standby\"");
        CliRun output = CliRun.run(dir, "output", "standby");
        assertThat(output.exitCode()).isEqualTo(1);
        assertThat(output.err()).contains("Output \"standby\" not found");
    }

    @Test
    void aRefreshOnlyApplyDropsAnOutputThatBecameNull() throws Exception {
        write("\"az-2\"");
        assertThat(CliRun.run(dir, "apply", "-auto-approve").exitCode()).isZero();

        write("null");
        assertThat(CliRun.run(dir, "apply", "-refresh-only", "-auto-approve").exitCode())
                .isZero();
        assertThat(Files.readString(dir.resolve("terraform.tfstate"))).doesNotContain("\"standby\"");
    }

    private void write(String standby) throws Exception {
        Files.writeString(dir.resolve("main.tf"), """
                output "active" {
                  value = "az-1"
                }
                output "standby" {
                  value = %s
                }
                """.formatted(standby));
    }
}
