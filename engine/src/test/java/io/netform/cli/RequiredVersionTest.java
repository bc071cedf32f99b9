package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** init, validate and plan refuse a configuration whose required_version excludes Terraform 1.9.8. */
class RequiredVersionTest {

    @TempDir
    Path dir;

    @Test
    void everyCommandThatReadsTheConfigurationNamesTheConstraint() throws Exception {
        Files.writeString(dir.resolve("versions.tf"), """
                terraform {
                  required_version = ">= 1.10.0"
                }
                """);
        for (String command : new String[] {"init", "validate", "plan"}) {
            CliRun run = CliRun.run(dir, command);
            assertThat(run.exitCode()).as(command).isEqualTo(1);
            assertThat(run.err())
                    .as(command)
                    .contains("Error: versions.tf:2:3: Unsupported Terraform Core version")
                    .contains("This configuration does not support Terraform version 1.9.8");
        }
    }

    @Test
    void aConstraintThatAllowsItLetsTheCommandsRun() throws Exception {
        Files.writeString(dir.resolve("versions.tf"), """
                terraform {
                  required_version = "~> 1.9"
                }
                output "x" {
                  value = 1
                }
                """);
        CliRun run = CliRun.run(dir, "validate");
        assertThat(run.exitCode()).as(run.err()).isZero();
    }
}
