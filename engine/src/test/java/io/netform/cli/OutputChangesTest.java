package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Changes to Outputs" of a plan, signed as Terraform's renderer signs them: by what happens to the value, so an
 * output that becomes null, or whose block is removed, is a deletion, and a new one a creation.
 */
class OutputChangesTest {

    @TempDir
    Path dir;

    @Test
    void anOutputThatBecomesNullOrIsRemovedIsShownAsDeletedAndANewOneAsCreated() throws Exception {
        Files.writeString(dir.resolve("main.tf"), """
                output "nulled" {
                  value = "a"
                }
                output "removed" {
                  value = "b"
                }
                output "changed" {
                  value = "x"
                }
                output "same" {
                  value = "s"
                }
                """);
        assertThat(CliRun.run(dir, "apply", "-auto-approve").exitCode()).isZero();

        Files.writeString(dir.resolve("main.tf"), """
                output "nulled" {
                  value = null
                }
                output "changed" {
                  value = "y"
                }
                output "same" {
                  value = "s"
                }
                output "added" {
                  value = ["new"]
                }
                """);
        CliRun plan = CliRun.run(dir, "plan", "-no-color");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("""
                Changes to Outputs:
                  + added   = [
                      + "new",
                    ]
                  ~ changed = "x" -> "y"
                  - nulled  = "a" -> null
                  - removed = "b" -> null
                """);
    }
}
