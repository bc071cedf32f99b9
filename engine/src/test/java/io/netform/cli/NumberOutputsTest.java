package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numbers as Terraform shows and stores them: every digit of a 512-bit quotient, a float64 result
 * as its shortest decimal, small decimals without an exponent, and infinity, which a plan shows but
 * state's JSON cannot hold.
 */
class NumberOutputsTest {
    private static final String THIRD =
            "0.333333333333333333333333333333333333333333333333333333333333333333333333333333"
                    + "33333333333333333333333333333333333333333333333333333333333333333333333333335";

    @TempDir
    Path dir;

    @BeforeEach
    void writeConfiguration() throws Exception {
        Files.writeString(dir.resolve("main.tf"), """
                output "ratio" {
                  value = 1 / 0
                }
                output "third" {
                  value = 1 / 3
                }
                output "root" {
                  value = pow(2, 0.5)
                }
                output "small" {
                  value = 0.0000001
                }
                """);
    }

    @Test
    void aPlanShowsInfinityAndEveryDigit() {
        CliRun plan = CliRun.run(dir, "plan");
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.out())
                .contains("+ ratio = +Inf")
                .contains("+ third = " + THIRD + "\n")
                .contains("+ root  = 1.4142135623730951\n")
                .contains("+ small = 0.0000001\n");
    }

    @Test
    void infinityCannotBeStoredAndTheErrorNamesTheOutput() throws Exception {
        CliRun apply = CliRun.run(dir, "apply", "-auto-approve");
        assertThat(apply.exitCode()).isEqualTo(1);
        assertThat(apply.err())
                .contains("main.tf:1:8: Failed to serialize output value in state")
                .contains(
                        "An error occurred while serializing output value \"ratio\": cannot serialize infinity as JSON.");

        String state = Files.readString(dir.resolve("terraform.tfstate"));
        assertThat(state)
                .doesNotContain("\"ratio\"")
                .contains("\"value\": " + THIRD + ",")
                .contains("\"value\": 1.4142135623730951,")
                .contains("\"value\": 0.0000001,");
        assertThat(CliRun.run(dir, "output", "third").out()).isEqualTo(THIRD + "\n");
        assertThat(CliRun.run(dir, "output", "-json", "small").out().strip()).isEqualTo("0.0000001");
    }

    @Test
    void theJsonOfAPlanWithInfinityFailsAsTerraformsDoes() {
        assertThat(CliRun.run(dir, "plan", "-out=tfplan").exitCode()).isZero();
        CliRun show = CliRun.run(dir, "show", "-json", "tfplan");
        assertThat(show.exitCode()).isEqualTo(1);
        assertThat(show.err()).contains("Failed to marshal plan to json: cannot serialize infinity as JSON");
    }
}
